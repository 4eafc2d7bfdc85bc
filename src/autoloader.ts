/**
 * The autoloader (`dist/wire-widgets.loader.js`): one small script that defines each wire-widgets element when its
 * tag first appears in the document, fetching that element's chunk from `wire-widgets/` next to this file. The
 * chunks share Lit and the feed layer, so a page with one card downloads the card and what it needs, nothing else.
 * Modelled on Shoelace's autoloader: a MutationObserver on the document, and `discover(root)` for shadow roots,
 * which no document observer can see into.
 *
 * Browser-only by design (it acts as it loads), but inert where there is no document, so importing it on a server
 * does nothing.
 */

/** The elements a chunk exists for (`wire-<name>` → `wire-widgets/<name>.js`). */
const NAMES = [
  'feed',
  'article-card',
  'related-story',
  'photo-gallery',
  'comment-prompt',
  'credit-info',
  'story',
];

// Held in a variable so the bundler leaves the URLs alone: they name this build's own output, resolved at run time.
const base = import.meta.url;
const loading = new Map<string, Promise<unknown>>();
let hydrateSupport: Promise<unknown> | undefined;

const load = (name: string): Promise<unknown> => import(new URL(`wire-widgets/${name}.js`, base).href);

function register(tag: string): Promise<unknown> {
  const name = tag.slice(5);
  if (customElements.get(tag) || !NAMES.includes(name)) return Promise.resolve();
  let chunk = loading.get(tag);
  if (!chunk) {
    chunk = load(name).catch((error: unknown) => {
      // Forget the failure (offline, a CDN hiccup) so the tag's next appearance tries again.
      loading.delete(tag);
      throw error;
    });
    loading.set(tag, chunk);
  }
  return chunk;
}

/**
 * Defines every undefined `wire-*` element in `root` (and `root` itself): call it for a shadow root you add
 * widgets to, as the document's observer does not see inside shadow roots. Resolves once they are defined.
 */
export async function discover(root: Element | ShadowRoot | Document): Promise<void> {
  const found = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element && !root.matches(':defined')) found.push(root);
  const wire = found.filter((el) => el.localName.startsWith('wire-'));
  // A server-rendered snippet arrives with its shadow root: Lit hydrates it only if the hydrate support runs before
  // Lit itself does, so it is fetched first. Every later load waits for it too, or Lit could overtake it.
  if (wire.some((el) => el.shadowRoot)) hydrateSupport ??= load('hydrate');
  await hydrateSupport;
  const tags = [...new Set(wire.map((el) => el.localName))];
  // Widgets inside a <wire-feed> take their feed from it: defined first, it holds the feed before any widget's
  // first render, which is what hydration compares with the server's markup.
  if (tags.includes('wire-feed')) await register('wire-feed');
  await Promise.all(tags.map(register));
}

if (typeof document !== 'undefined') {
  // A failed chunk leaves its widgets as they were parsed (their fallback content) and shows as a failed request;
  // there is no caller here to tell.
  const ignore = () => undefined;
  new MutationObserver((mutations) => {
    for (const { addedNodes } of mutations)
      for (const node of addedNodes) if (node instanceof Element) discover(node).catch(ignore);
  }).observe(document.documentElement, { subtree: true, childList: true });
  discover(document).catch(ignore);
}
