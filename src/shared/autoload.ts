/**
 * Defines `wire-*` elements when their tags first appear in the document: what the autoloader script does for
 * every element, and the standalone bundle for the elements it keeps out of its first download (`<wire-story>` and
 * `<wire-credit-info>`).
 * Modelled on Shoelace's autoloader: a MutationObserver on the document, and `discover(root)` for shadow roots,
 * which no document observer can see into. Inert where there is no document.
 */

export interface AutoloadOptions {
  /** Loads the element named `wire-<name>`; called once per name (again after a failure). */
  load: (name: string) => Promise<unknown>;
  /** The names `load` knows. */
  names: readonly string[];
  /** Loads Lit's hydrate support; omitted where it already ran (the standalone bundle starts with it). */
  hydrate?: () => Promise<unknown>;
  /**
   * Starts fetching what the undefined `wire-*` elements `discover` found will need (their chunks, their feeds),
   * running no element's code: called before `discover` waits for anything.
   */
  preload?: (elements: Element[]) => void;
}

export type Discover = (root: Element | ShadowRoot | Document) => Promise<void>;

/** Starts watching the document and returns `discover` for the shadow roots a page adds widgets to. */
export function autoload({ load, names, hydrate, preload }: AutoloadOptions): Discover {
  const loading = new Map<string, Promise<unknown>>();
  let hydrateSupport: Promise<unknown> | undefined;
  let hydrating = false;

  const register = (tag: string): Promise<unknown> => {
    const name = tag.slice(5);
    if (customElements.get(tag) || !names.includes(name)) return Promise.resolve();
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
  };

  const discover: Discover = async (root) => {
    const found = [...root.querySelectorAll(':not(:defined)')];
    if (root instanceof Element && !root.matches(':defined')) found.push(root);
    const wire = found.filter((el) => el.localName.startsWith('wire-'));
    if (!wire.length) return;
    // A server-rendered snippet arrives with its shadow root: Lit hydrates it only if the hydrate support runs
    // before Lit itself does, so it is fetched first. Every later load waits for it too, or Lit could overtake it.
    // Once there has been one, every load waits for it, even a discovery of plain tags after it failed to load
    // (offline): that discovery tries again, and until then the snippets stay as the server wrote them.
    if (hydrate && (hydrating ||= wire.some((el) => el.shadowRoot)))
      hydrateSupport ??= hydrate().catch((error: unknown) => {
        hydrateSupport = undefined;
        throw error;
      });
    const tags = [...new Set(wire.map((el) => el.localName))];
    preload?.(wire);
    await hydrateSupport;
    // Widgets inside a <wire-feed> take their feed from it: defined first, it holds the feed before any widget's
    // first render, which is what hydration compares with the server's markup. That holds for a widget that
    // appears after its <wire-feed> too (a page still parsing, a framework filling it in): defined before the feed,
    // it would ask for the feed while nothing listens, and never get it.
    if (tags.includes('wire-feed') || wire.some((el) => el.closest('wire-feed:not(:defined)')))
      await register('wire-feed');
    await Promise.all(tags.map(register));
  };

  if (typeof document !== 'undefined') {
    // A failed chunk leaves its widgets as they were parsed (their fallback content) and shows as a failed
    // request; there is no caller here to tell.
    const ignore = () => undefined;
    new MutationObserver((mutations) => {
      for (const { addedNodes } of mutations)
        for (const node of addedNodes) if (node instanceof Element) discover(node).catch(ignore);
    }).observe(document.documentElement, { subtree: true, childList: true });
    discover(document).catch(ignore);
  }
  return discover;
}
