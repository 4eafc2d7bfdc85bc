import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireFeed as WireFeedElement } from '../components/feed/feed.define.js';
import { feedEvents } from './events.js';

/** `<wire-feed>`: loads one feed for the widgets inside it. */
export const WireFeed = createComponent({
  react: React,
  tagName: 'wire-feed',
  elementClass: WireFeedElement,
  events: feedEvents,
  displayName: 'WireFeed',
});
