/**
 * React wrappers (`wire-widgets/react`), for React 18 above all: React 18 sets every prop on a custom element as
 * an attribute, so objects (`feed`, `photos`) arrive as "[object Object]", and it has no way to listen for
 * `wire-*` events. `@lit/react` sets what the element declares as properties and turns each event into a typed
 * `onWire…` prop. React 19 works too, with the same props.
 *
 * Each wrapper is a module of its own that defines its element, and this one only re-exports them: an app's
 * bundler keeps the wrappers the app imports and their elements, and drops the rest.
 */
export { WireFeed } from './feed.js';
export { WireArticleCard } from './article-card.js';
export { WireRelatedStory } from './related-story.js';
export { WirePhotoGallery } from './photo-gallery.js';
export { WireCommentPrompt } from './comment-prompt.js';
export { WireCreditInfo } from './credit-info.js';
export { WireStory } from './story.js';

export type * from '../shared/events.js';
