/** The `onWire…` props the wrappers share: each event's name typed with its event from `WireEventMap`. */
import type { EventName } from '@lit/react';
import type { WireEventMap } from '../shared/events.js';

/** The event's name, typed with its event from `WireEventMap`, so a prop's detail type cannot drift from the event. */
export const wireEvent = <K extends keyof WireEventMap>(name: K) => name as EventName<WireEventMap[K]>;

// Every element that renders from a feed reports its outcome; `wire-feed-*` events bubble, so on <WireFeed> these
// also hear the widgets inside it.
export const feedEvents = {
  onWireFeedLoad: wireEvent('wire-feed-load'),
  onWireFeedError: wireEvent('wire-feed-error'),
};

export const cardEvents = { ...feedEvents, onWireCardClick: wireEvent('wire-card-click') };
