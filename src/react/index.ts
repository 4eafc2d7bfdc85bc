/**
 * React wrappers (`wire-widgets/react`), for React 18 above all: React 18 sets every prop on a custom element as
 * an attribute, so objects (`feed`, `photos`) arrive as "[object Object]", and it has no way to listen for
 * `wire-*` events. `@lit/react` sets what the element declares as properties and turns each event into a typed
 * `onWire…` prop. React 19 works too, with the same props. Importing this module defines every element.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { WireFeed as WireFeedElement } from '../components/feed/feed.define.js';
import { WireCreditInfo as WireCreditInfoElement } from '../components/credit-info/credit-info.define.js';
import { WireArticleCard as WireArticleCardElement } from '../components/article-card/article-card.define.js';
import { WireRelatedStory as WireRelatedStoryElement } from '../components/related-story/related-story.define.js';
import { WireCommentPrompt as WireCommentPromptElement } from '../components/comment-prompt/comment-prompt.define.js';
import { WirePhotoGallery as WirePhotoGalleryElement } from '../components/photo-gallery/photo-gallery.define.js';
import type { WireEventMap } from '../shared/events.js';

/** The event's name, typed with its event from `WireEventMap`, so a prop's detail type cannot drift from the event. */
const wireEvent = <K extends keyof WireEventMap>(name: K) => name as EventName<WireEventMap[K]>;

// Every element that renders from a feed reports its outcome; `wire-feed-*` events bubble, so on <WireFeed> these
// also hear the widgets inside it.
const feedEvents = {
  onWireFeedLoad: wireEvent('wire-feed-load'),
  onWireFeedError: wireEvent('wire-feed-error'),
};

const cardEvents = { ...feedEvents, onWireCardClick: wireEvent('wire-card-click') };

/** `<wire-feed>`: loads one feed for the widgets inside it. */
export const WireFeed = createComponent({
  react: React,
  tagName: 'wire-feed',
  elementClass: WireFeedElement,
  events: feedEvents,
  displayName: 'WireFeed',
});

/** `<wire-article-card>`: one story as a card. `onWireCardClick` may call `preventDefault()` to route in-app. */
export const WireArticleCard = createComponent({
  react: React,
  tagName: 'wire-article-card',
  elementClass: WireArticleCardElement,
  events: cardEvents,
  displayName: 'WireArticleCard',
});

/** `<wire-related-story>`: teasers for stories related to one item. */
export const WireRelatedStory = createComponent({
  react: React,
  tagName: 'wire-related-story',
  elementClass: WireRelatedStoryElement,
  events: cardEvents,
  displayName: 'WireRelatedStory',
});

/** `<wire-photo-gallery>`: a gallery with credits and a full-screen view. */
export const WirePhotoGallery = createComponent({
  react: React,
  tagName: 'wire-photo-gallery',
  elementClass: WirePhotoGalleryElement,
  events: {
    ...feedEvents,
    onWirePhotoChange: wireEvent('wire-photo-change'),
    onWireLightboxOpen: wireEvent('wire-lightbox-open'),
    onWireLightboxClose: wireEvent('wire-lightbox-close'),
  },
  displayName: 'WirePhotoGallery',
});

/** `<wire-comment-prompt>`: the comment count and the way into the discussion. */
export const WireCommentPrompt = createComponent({
  react: React,
  tagName: 'wire-comment-prompt',
  elementClass: WireCommentPromptElement,
  events: {
    ...feedEvents,
    onWireLoginRequest: wireEvent('wire-login-request'),
    onWireRegisterRequest: wireEvent('wire-register-request'),
    onWireCommentRequest: wireEvent('wire-comment-request'),
  },
  displayName: 'WireCommentPrompt',
});

/** `<wire-credit-info>`: the credit popover of one photo (it fires no events). */
export const WireCreditInfo = createComponent({
  react: React,
  tagName: 'wire-credit-info',
  elementClass: WireCreditInfoElement,
  displayName: 'WireCreditInfo',
});

export type * from '../shared/events.js';
