/**
 * The autoloader (`dist/wire-widgets.loader.js`): one small script that defines each wire-widgets element when its
 * tag first appears in the document, fetching that element's chunk from `wire-widgets/` next to this file. The
 * chunks share Lit and the feed layer, so a page with one card downloads the card and what it needs, nothing else.
 *
 * Browser-only by design (it acts as it loads), but inert where there is no document, so importing it on a server
 * does nothing.
 */
import { autoload } from './shared/autoload.js';

/**
 * Every chunk each chunk the loader asks for imports, directly or through another (`wire-widgets/<file>.js`): written
 * in by the build (vite.loader.config.ts), as only it knows how the shared code was split and what the files are
 * called.
 */
declare const __WIRE_CHUNKS__: Record<string, string[]>;

// Held in a variable so the bundler leaves the URLs alone: they name this build's own output, resolved at run time.
const base = import.meta.url;
const url = (file: string) => new URL(`wire-widgets/${file}.js`, base).href;
const load = (name: string): Promise<unknown> => import(url(name));

const requested = new Set<string>();

/**
 * Has the browser fetch a chunk and everything it imports at once, running none of it: left to `import()`, a chunk's
 * imports are asked for only once it has arrived, and an element that waits for the hydrate support or for
 * `<wire-feed>` only after those, one round trip after another.
 */
function prefetch(name: string): void {
  try {
    for (const file of [name, ...(__WIRE_CHUNKS__[name] ?? [])]) {
      if (requested.has(file)) continue;
      requested.add(file);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = url(file);
      document.head.append(link);
    }
  } catch {
    // A page whose `document.head` or `createElement` is something else (an element named after it): the chunks
    // still load, each as its importer asks for it.
  }
}

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself): call it for a shadow root you add
 * widgets to, as the document's observer does not see inside shadow roots. Resolves once they are defined.
 */
export const discover = autoload({
  load,
  prefetch,
  // The elements a chunk exists for (`wire-<name>` → `wire-widgets/<name>.js`).
  names: ['feed', 'article-card', 'related-story', 'photo-gallery', 'comment-prompt', 'credit-info', 'story'],
  hydrate: () => load('hydrate'),
});
