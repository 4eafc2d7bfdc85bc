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
 * For each chunk the loader asks for (`wire-<name>`'s, and `hydrate`), the chunks it imports, directly or through
 * another (`wire-widgets/<file>.js`). The build writes them in (vite.loader.config.ts): only it knows how the shared
 * code was split and what the files are called.
 */
declare const __WIRE_CHUNKS__: Record<string, string[]>;
const chunks = __WIRE_CHUNKS__;

// Held in a variable so the bundler leaves the URLs alone: they name this build's own output, resolved at run time.
const base = import.meta.url;
const url = (file: string) => new URL(`wire-widgets/${file}.js`, base).href;
const load = (name: string): Promise<unknown> => import(url(name));

const requested = new Set<string>();
let nonce: string | undefined;

/**
 * Has the browser fetch the chunk `name` and every chunk it imports at once, running none of them: left to
 * `import()`, a chunk's imports are asked for only once it has arrived, and an element that waits for the hydrate
 * support or for `<wire-feed>` only after those, one round trip after another. What it asked for once (even if that
 * failed) it leaves to `import()` after.
 */
function preloadChunk(name: string): void {
  if (!Object.hasOwn(chunks, name) || requested.has(name)) return;
  try {
    // A page that allows scripts by nonce allowed this one, and `import()` passes its nonce on; a link must carry it.
    nonce ??= [...document.scripts].find((script) => script.nonce)?.nonce ?? '';
    const head = document.querySelector('head');
    for (const file of [name, ...chunks[name]!]) {
      if (requested.has(file)) continue;
      requested.add(file);
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = url(file);
      link.nonce = nonce;
      head!.append(link);
    }
  } catch {
    // A page whose `document.scripts`, `querySelector` or `createElement` is one of its own elements (`<img
    // name=…>` shadows them): the chunks still load, each once its importer has arrived.
  }
}

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself): call it for a shadow root you add
 * widgets to, as the document's observer does not see inside shadow roots. Resolves once they are defined.
 */
export const discover = autoload({
  load,
  // The elements a chunk exists for (`wire-<name>` → `wire-widgets/<name>.js`).
  names: ['feed', 'article-card', 'related-story', 'photo-gallery', 'comment-prompt', 'credit-info', 'story'],
  hydrate: () => (preloadChunk('hydrate'), load('hydrate')),
  preload: (elements) => {
    for (const { localName } of elements)
      if (!customElements.get(localName)) preloadChunk(localName.slice(5));
  },
});
