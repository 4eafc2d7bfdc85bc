/**
 * The autoloader (`dist/wire-widgets.loader.js`): one small script that defines each wire-widgets element when its
 * tag first appears in the document, fetching that element's chunk from `wire-widgets/` next to this file. The
 * chunks share Lit and the feed layer, so a page with one card downloads the card and what it needs, nothing else.
 *
 * Browser-only by design (it acts as it loads), but inert where there is no document, so importing it on a server
 * does nothing.
 */
import { autoload } from './shared/autoload.js';

// Held in a variable so the bundler leaves the URLs alone: they name this build's own output, resolved at run time.
const base = import.meta.url;
const load = (name: string): Promise<unknown> => import(new URL(`wire-widgets/${name}.js`, base).href);

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself): call it for a shadow root you add
 * widgets to, as the document's observer does not see inside shadow roots. Resolves once they are defined.
 */
export const discover = autoload({
  load,
  // The elements a chunk exists for (`wire-<name>` → `wire-widgets/<name>.js`).
  names: ['feed', 'article-card', 'related-story', 'photo-gallery', 'comment-prompt', 'credit-info', 'story'],
  hydrate: () => load('hydrate'),
});
