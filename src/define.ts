/**
 * The standalone entry: importing it defines every wire-widgets element. Each define tolerates a second load,
 * so two copies of the bundle on one page do not throw.
 *
 * `<wire-story>` is the exception that is not in the first download: most pages that load the bundle show cards,
 * and the story (its element, styles and body handling) is fetched when a `<wire-story>` first appears in the
 * document. Inside a shadow root no observer sees it: call `discover(root)` there.
 */
import { autoload } from './shared/autoload.js';
import './components/feed/feed.define.js';
import './components/credit-info/credit-info.define.js';
import './components/article-card/article-card.define.js';
import './components/related-story/related-story.define.js';
import './components/comment-prompt/comment-prompt.define.js';
import './components/photo-gallery/photo-gallery.define.js';

const loadStory = () => import('./components/story/story.define.js');

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself), for a shadow root you add a
 * `<wire-story>` to. Resolves once they are defined.
 */
export const discover = autoload({ load: loadStory, names: ['story'] });

// No document (a server importing the classes): nothing can appear, so the story is defined as soon as it loads.
if (typeof document === 'undefined') void loadStory();

/**
 * How often live comment counts are refreshed while a prompt is on screen (default 60 s). The counts are a chunk
 * of their own, fetched by the first prompt that shows one: this loads it and sets the interval there.
 */
export function setCountRefreshInterval(ms: number): void {
  void import('./components/comment-prompt/live-counts.js').then((counts) =>
    counts.setCountRefreshInterval(ms),
  );
}

// WireStory stays a type here: its class is in the story's chunk (`customElements.get('wire-story')`, or
// `wire-widgets/story.js`).
export type * from './index.js';
export {
  WireFeed,
  WireCreditInfo,
  WireArticleCard,
  WireRelatedStory,
  relatedStories,
  WireCommentPrompt,
  configureCommentOrigins,
  WirePhotoGallery,
  normalizeFeed,
  loadFeed,
  configureLoader,
  clearFeedCache,
  FeedError,
  safeUrl,
  registerCatalog,
  loadCatalog,
} from './index.js';
