/**
 * The standalone entry: importing it defines every wire-widgets element. Each define tolerates a second load,
 * so two copies of the bundle on one page do not throw.
 *
 * Two elements are not in the first download. Most pages that load the bundle show cards, and the story (its
 * element, styles and body handling) is fetched when a `<wire-story>` first appears in the document. The credit
 * popover is fetched when a reader first presses a photo's credit button (see `src/shared/photo.ts`), or when a
 * `<wire-credit-info>` of the page's own appears. Inside a shadow root no observer sees them: call `discover(root)`
 * there.
 */
import { loadFeed } from './feed/loader.js';
import { autoload } from './shared/autoload.js';
import { WireFeed } from './components/feed/feed.js';
import './components/feed/feed.define.js';
import './components/article-card/article-card.define.js';
import './components/related-story/related-story.define.js';
import './components/comment-prompt/comment-prompt.define.js';
import './components/photo-gallery/photo-gallery.define.js';

const chunks: Record<string, () => Promise<unknown>> = {
  story: () => import('./components/story/story.define.js'),
  'credit-info': () => import('./components/credit-info/credit-info.define.js'),
};

// A second copy on the page (another version, or this one under another URL) finds the elements defined by the first
// and leaves the lazy ones to it too: both would race to define them, and the loser of the race is not always the
// second copy, whose Lit a strict Trusted Types policy without 'allow-duplicates' refuses (SECURITY.md).
const first = typeof customElements === 'undefined' || customElements.get('wire-feed') === WireFeed;

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself), for a shadow root you add a
 * `<wire-story>` or `<wire-credit-info>` to. Resolves once they are defined. Of a second copy, it does nothing: call
 * the first copy's.
 */
export const discover = autoload({
  load: (name) => chunks[name]!(),
  names: first ? Object.keys(chunks) : [],
  // A story's own feed needs only the bundle's loader: it is asked for while the story's chunk is on its way, and the
  // story shares that request once defined. A server-rendered story reads its feed only once hydrated.
  preload: first
    ? (elements) => {
        for (const element of elements) {
          const src =
            element.localName === 'wire-story' && !element.shadowRoot && element.getAttribute('src');
          if (src) loadFeed(src).catch(() => undefined);
        }
      }
    : undefined,
});

// No document (a server importing the classes): nothing can appear, so both are defined as soon as they load.
if (typeof document === 'undefined') for (const load of Object.values(chunks)) void load();

/**
 * How often live comment counts are refreshed while a prompt is on screen (default 60 s). The counts are a chunk
 * of their own, fetched by the first prompt that shows one: this loads it and sets the interval there.
 */
export function setCountRefreshInterval(ms: number): void {
  void import('./components/comment-prompt/live-counts.js').then((counts) =>
    counts.setCountRefreshInterval(ms),
  );
}

// WireStory and WireCreditInfo stay types here: their classes are in their own chunks
// (`customElements.get('wire-story')`, or `wire-widgets/story.js`; the same for the credit popover).
export type * from './index.js';
export {
  WireFeed,
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
