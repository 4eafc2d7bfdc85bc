/**
 * Classes and feed utilities with no side effects: nothing is defined by importing this module. Bundler users
 * who want their own tag names call `customElements.define` themselves; everyone else imports
 * `wire-widgets/define.js` or a per-element entry.
 */
export { WireFeed } from './components/feed/feed.js';
export { WireCreditInfo } from './components/credit-info/credit-info.js';
export { WireArticleCard } from './components/article-card/article-card.js';
export { WireRelatedStory } from './components/related-story/related-story.js';
export { relatedStories } from './components/related-story/related.js';
export { WireCommentPrompt } from './components/comment-prompt/comment-prompt.js';
export { setCountRefreshInterval } from './components/comment-prompt/live-counts.js';
export { configureCommentOrigins } from './components/comment-prompt/origins.js';
export { WirePhotoGallery } from './components/photo-gallery/photo-gallery.js';
export { WireStory } from './components/story/story.js';
export { normalizeFeed } from './feed/normalize.js';
export { loadFeed, configureLoader, clearFeedCache, FeedError } from './feed/loader.js';
export { safeUrl } from './feed/url.js';
export type * from './feed/types.js';
export type * from './feed/json-feed.js';
export type * from './shared/events.js';
export { registerCatalog, loadCatalog } from './i18n/i18n.js';
export type { Strings } from './i18n/strings.js';
