/**
 * Per-photo deep links (`#photo-<item>-<n>`, counted from 1): read when the gallery's item first arrives and on
 * `hashchange`, written as the reader pages. Everything that touches `location` or `history` lives here, guarded
 * with `isServer`, so the gallery renders on a server where neither exists.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { offWindow, onWindow, pageCanonical } from '../../shared/dom.js';

export interface DeepLinkOptions {
  /** Id of the item on show; undefined until the feed arrives, and no link is read before then. */
  item: () => string | undefined;
  /** Number of photos, so a link past the end is not ours. */
  total: () => number;
  /** The page's URL now names one of our photos (counted from 0). */
  onLink: (index: number) => void;
}

export class DeepLinkController implements ReactiveController {
  private readonly onHashChange = () => {
    const index = this.read();
    if (index !== undefined) this.options.onLink(index);
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DeepLinkOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (isServer) return;
    onWindow('hashchange', this.onHashChange);
    // A gallery moved in the page catches up with a link followed while it was out of it.
    this.onHashChange();
  }

  hostDisconnected(): void {
    if (!isServer) offWindow('hashchange', this.onHashChange);
  }

  /** The photo (from 0) the page's URL names for this gallery, if any. */
  read(): number | undefined {
    const item = this.options.item();
    if (isServer || item === undefined) return undefined;
    let hash = location.hash;
    try {
      hash = decodeURIComponent(hash);
    } catch {
      // A malformed escape: compare the raw text.
    }
    const prefix = `#photo-${item}-`;
    const n = hash.startsWith(prefix) ? Number(hash.slice(prefix.length)) : 0;
    return Number.isInteger(n) && n >= 1 && n <= this.options.total() ? n - 1 : undefined;
  }

  /** Puts the photo's link in the address bar. */
  write(index: number): void {
    if (isServer) return;
    try {
      // replaceState: a reader paging through 40 photos must not need 40 presses of Back to leave the page.
      history.replaceState(history.state, '', this.hash(index));
    } catch {
      // Opaque-origin frames (sandboxed, srcdoc) refuse URL changes; paging still works.
    }
  }

  /**
   * The page's public address opened at that photo (what "share" copies): never the reader's own query, where
   * session tokens and one-time codes travel.
   */
  href(index: number): string {
    const page = pageCanonical();
    return page ? new URL(this.hash(index), page).href : this.hash(index);
  }

  private hash(index: number): string {
    return `#photo-${encodeURIComponent(this.options.item() ?? '')}-${index + 1}`;
  }
}
