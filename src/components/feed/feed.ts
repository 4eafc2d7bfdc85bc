import { ContextProvider } from '@lit/context';
import { LitElement, html, css } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedError, loadFeed, onFeedRefresh, resolveFeedUrl } from '../../feed/loader.js';
import { normalizeFeed } from '../../feed/normalize.js';
import { emit } from '../../shared/events.js';
import { feedContext, type FeedState } from '../../shared/feed-context.js';
import { feedFromProperty } from '../../shared/feed-controller.js';

/**
 * @tagname wire-feed
 * @summary Loads one JSON Feed and shares it with every wire-widget inside it, so they render from one request.
 *
 * @slot - Widgets (and any other content). The element itself draws nothing.
 *
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - The feed could not be shown. `detail: { url, reason, status? }`.
 *
 * A page can embed the feed with no request at all:
 * `<wire-feed><script type="application/feed+json">{…}</script> … </wire-feed>`.
 */
export class WireFeed extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** URL of the JSON Feed. An inline `<script type="application/feed+json">` child is used when absent. */
  @property() src?: string;

  /** A JSON Feed object to share instead of loading one. */
  @property({ attribute: false }) feed?: unknown;

  private readonly provider = new ContextProvider(this, {
    context: feedContext,
    initialValue: { status: 'idle', url: '' },
  });
  private observer?: MutationObserver;
  private generation = 0;
  private abort?: AbortController;
  private unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // The inline feed may be written after the element upgrades (a CMS streaming HTML, a framework filling it in).
    this.observer = new MutationObserver(() => this.requestUpdate());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
    // A background refresh of a stale feed replaces it for every widget inside (no new wire-feed-load).
    this.unsubscribe = onFeedRefresh((loaded) => {
      const current = this.provider.value;
      if (!this.feed && current?.status === 'ready' && current.url === loaded.url)
        this.provider.setValue({ ...current, feed: loaded.feed });
    });
    // A load cut short by a disconnect (the element was moved) starts again.
    if (this.provider.value?.status === 'loading') this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopLoading();
  }

  /** Stops waiting for the current `src`: its answer, if it still comes, is ignored. */
  private stopLoading(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
  }

  override willUpdate(): void {
    void this.resolve();
  }

  private inlineKey = '';

  private async resolve(): Promise<void> {
    if (this.feed) {
      this.stopLoading();
      const feed = feedFromProperty(this.feed);
      this.publish(
        feed
          ? { status: 'ready', url: 'property:', feed }
          : { status: 'error', url: 'property:', reason: 'invalid' },
      );
      return;
    }
    if (this.src) {
      let url = this.src;
      try {
        url = resolveFeedUrl(this.src);
      } catch {
        // loadFeed reports it.
      }
      const current = this.provider.value;
      // Loading with nothing in flight: the request was stopped by a disconnect and must start again.
      if (
        current &&
        current.url === url &&
        current.status !== 'idle' &&
        (current.status !== 'loading' || this.abort)
      )
        return;
      this.stopLoading();
      const generation = this.generation;
      const abort = (this.abort = new AbortController());
      this.publish({ status: 'loading', url });
      try {
        const loaded = await loadFeed(this.src, abort.signal);
        if (generation === this.generation) this.publish({ status: 'ready', url, feed: loaded.feed });
      } catch (error) {
        if (generation !== this.generation || !(error instanceof FeedError)) return;
        this.publish({ status: 'error', url, reason: error.reason, status_code: error.status });
      }
      return;
    }
    this.stopLoading();
    this.readInline();
  }

  private readInline(): void {
    const script = this.querySelector(
      'script[type="application/feed+json"], script[type="application/json"]',
    );
    const text = script?.textContent ?? '';
    if (text === this.inlineKey && this.provider.value?.url === 'inline:') return;
    this.inlineKey = text;
    if (!script) {
      this.publish({ status: 'idle', url: '' });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.publish({ status: 'error', url: 'inline:', reason: 'parse' });
      return;
    }
    const { feed } = normalizeFeed(json, document.baseURI);
    this.publish(
      feed
        ? { status: 'ready', url: 'inline:', feed }
        : { status: 'error', url: 'inline:', reason: 'invalid' },
    );
  }

  private publish(state: FeedState): void {
    const previous = this.provider.value;
    if (
      previous &&
      previous.status === state.status &&
      previous.url === state.url &&
      previous.feed === state.feed &&
      previous.reason === state.reason
    )
      return;
    this.provider.setValue(state);
    if (state.status === 'ready') {
      emit(this, 'wire-feed-load', { url: state.url, itemCount: state.feed?.items.length ?? 0 });
    } else if (state.status === 'error') {
      const detail = { url: state.url, reason: state.reason ?? 'invalid' } as const;
      emit(this, 'wire-feed-error', state.status_code ? { ...detail, status: state.status_code } : detail);
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-feed': WireFeed;
  }
}
