/**
 * `wire-widgets/ssr`: server rendering for Node. Importing it registers the elements in Lit's server registry
 * (the DOM shim of @lit-labs/ssr, not a browser DOM); it is not for the browser.
 */
export {
  RenderError,
  WIDGETS,
  readFeed,
  renderWidget,
  scriptJson,
  type FeedSourceOptions,
  type RenderWidgetOptions,
  type WidgetName,
} from './render.js';
export { toJsonFeed } from './json-feed.js';
export { newsArticle, renderStoryHead, storyHead, type HeadOptions } from './story.js';
