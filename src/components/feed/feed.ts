import { ContextProvider } from '@lit/context';
import { html, css, isServer } from 'lit';
import { property } from 'lit/decorators.js';
import { normalizeFeed, normalizeFeedInSlices } from '../../feed/normalize.js';
import type { NormalizeResult } from '../../feed/types.js';
import { formatterSteps, resolveLanguage } from '../../i18n/i18n.js';
import { pageBase, parsedPast, whenParsedPast } from '../../shared/dom.js';
import { feedContext, type FeedState } from '../../shared/feed-context.js';
import { FeedSource, reportOutcome } from '../../shared/feed-controller.js';
import { queueRender } from '../../shared/render-queue.js';
import { SLICE_MS, yieldToBrowser } from '../../shared/slices.js';
import { WireElement } from '../../shared/styles.js';
import { prepareDateFormatters } from '../../shared/time.js';
import { WireFeedElement } from '../../shared/wire-element.js';

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
export class WireFeed extends WireElement {
  // Not the widgets' host reset: the element only passes its children through.
  static override styles = [
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /**
   * URL of the JSON Feed. With an inline `<script type="application/feed+json">` child as well, the inline copy
   * shows until this one has loaded (see `current()`).
   */
  @property() src?: string;

  /** A JSON Feed object to share instead of loading one. */
  @property({ attribute: false }) feed?: unknown;

  private readonly provider = new ContextProvider(this, {
    context: feedContext,
    initialValue: { status: 'idle', url: '' },
  });
  // The same source as a widget's own `feed` / `src`: one request per URL, late answers for an old src dropped,
  // nothing aborted when the element is moved, refreshed copies of a stale feed passed on.
  private readonly source = new FeedSource(this);
  private observer?: MutationObserver;
  private inline: { text: string; state: FeedState } | undefined;
  /** The inline copy whose end this element waits for, if any. */
  private awaited?: Element;
  private reported = '';
  private liveReported = '';
  private formattersQueued = false;
  private firstScheduled = false;
  private connectedAt = 0;

  /**
   * With an inline copy, the live feed must be read after this element arrived: a copy the page read earlier (another
   * widget's, or the browser's) can be older than the snippet and bring back a story killed since. A snippet's
   * (`ssr`) copy may still be on its way when the live load starts (a streamed page).
   */
  get readSince(): number | undefined {
    return this.inline || this.hasAttribute('ssr') ? this.connectedAt : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.connectedAt = Date.now();
    // The inline feed may be written after the element upgrades (a CMS streaming HTML, a framework filling it in).
    this.observer = new MutationObserver(() => this.requestUpdate());
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
  }

  override willUpdate(): void {
    this.publish();
  }

  /** Hands the widgets the current state, unless it is what they have. */
  private publish(): void {
    const state = this.current();
    const current = this.provider.value;
    // Consumers re-render on every setValue: only tell them when something they show changed.
    if (
      !current ||
      current.status !== state.status ||
      current.url !== state.url ||
      current.feed !== state.feed ||
      current.reason !== state.reason
    ) {
      // Queued before the setValue, the job comes ahead of the renders it sets off.
      if (state.status === 'ready' && current?.status !== 'ready')
        this.queueFormatters(() => resolveLanguage(this, state.feed?.language));
      this.provider.setValue(state);
    }
  }

  /**
   * Builds the widgets' formatters in jobs of their own, ahead of the first renders with content: the page's first
   * use of Intl (ICU loading its data, itself split in steps: see `formatterSteps`), then the first date formatter
   * (the language's calendar data), would otherwise land in the first of them, making it the longest task of the
   * page. Once per element.
   */
  private queueFormatters(language: () => string): void {
    if (this.formattersQueued) return;
    this.formattersQueued = true;
    for (const step of [...formatterSteps, prepareDateFormatters])
      queueRender(() => step(language()), { ownTask: true, alone: true }).catch(() => {});
  }

  override updated(): void {
    this.reported = reportOutcome(this, this.provider.value ?? { status: 'idle', url: '' }, this.reported);
    // The inline copy still shows; the failed check is reported, not hidden.
    const live = this.source.state;
    if (live?.status === 'error' && this.provider.value?.url === 'inline:')
      this.liveReported = reportOutcome(this, live, this.liveReported);
  }

  /**
   * The state the widgets see. An inline feed with a `src` as well is a server-rendered snippet (or a page that
   * embeds a copy) pointing at the live feed: the copy shows at once, so the first render equals the server's,
   * and the live feed replaces it once it has loaded, so a kill, expiry or embargo issued after the copy was made
   * reaches the reader. Until then, or if the live feed cannot be read, the copy stays.
   */
  private current(): FeedState {
    const live = this.source.state;
    if (live?.status === 'ready') return live;
    const inline = this.inlineState();
    return inline.status === 'ready' || !live ? inline : live;
  }

  /** The feed in an inline `<script type="application/feed+json">` child, parsed once per text. */
  private inlineState(): FeedState {
    // The server renders children after their parent and has no DOM to query: a server renderer hands each widget
    // its feed as a property instead, and the browser reads this script when the element upgrades.
    if (isServer) return { status: 'idle', url: '' };
    const [script] = this.own('script[type="application/feed+json"], script[type="application/json"]');
    if (!script) return { status: 'idle', url: '' };
    if (this.hasAttribute('ssr') && !parsedPast(script)) {
      // Its text is still arriving (a streamed page whose bundle ran early): half a copy is not JSON. Only a
      // snippet's (`ssr`): a page's own copy may be the last thing a frame never closed holds.
      if (this.awaited !== script)
        void whenParsedPast((this.awaited = script)).then(() => this.requestUpdate());
      return { status: 'loading', url: 'inline:' };
    }
    const text = script.textContent ?? '';
    if (this.inline?.text === text) return this.inline.state;
    const drawn = this.hasUpdated ? undefined : this.serverDrawnWidgets();
    if (drawn) {
      // Every widget this feed serves was drawn by the server and waits in the render queue to hydrate: nothing
      // needs the copy before then. Read in a job queued ahead of theirs, it leaves the task that defines the
      // elements, of which it was the largest part on a server-rendered page (three copies, 60-140 ms under 4x
      // throttling).
      this.inline = { text, state: { status: 'loading', url: 'inline:' } };
      queueRender(() => this.readInline(text), { ownTask: true }).catch(() => {});
      this.queueFormatters(() => resolveLanguage(drawn, this.inline?.state.feed?.language));
    } else this.inline = { text, state: parseInline(text) };
    return this.inline.state;
  }

  /** Reads the inline copy in slices: read at once, it was a task of 90 ms on a phone (4× throttling). */
  private async readInline(text: string): Promise<void> {
    if (this.inline?.text !== text) return;
    const state = await parseInlineInSlices(text);
    if (this.inline?.text !== text) return;
    this.inline = { text, state };
    // Now, not in a later update: the hydrations queued after this job read the feed as they run.
    this.publish();
    this.requestUpdate();
  }

  /**
   * A widget this feed serves, when every one of them already shows what the server drew: a shadow root filled
   * before its first render, whose hydration is queued. Undefined when one is drawn here (it would draw a skeleton
   * first), or when there are none yet (an autoloaded page defines them later). Read through `instanceof`,
   * `closest` and `shadowRoot`, which a host's form controls cannot shadow.
   */
  private serverDrawnWidgets(): WireFeedElement | undefined {
    const widgets = this.own('*').filter((element) => element instanceof WireFeedElement);
    return widgets.length &&
      widgets.every((widget) => !widget.hasUpdated && widget.shadowRoot?.hasChildNodes())
      ? widgets[0]
      : undefined;
  }

  /** The elements inside matching `selector` that are this feed's, not a nested `<wire-feed>`'s. */
  private own(selector: string): Element[] {
    return [...this.querySelectorAll(selector)].filter((element) => element.closest('wire-feed') === this);
  }

  override render() {
    return html`<slot></slot>`;
  }

  /**
   * Its first render, a slot, never waits in the queue, not even to hydrate the server's: the widgets' hydrations
   * queued as they upgraded need the inline copy it reads, so that read is queued ahead of them.
   */
  protected override rendersAtOnce(): boolean {
    // A flag, not `hasUpdated`: that stays false while every render throws (a page that refused Lit its Trusted
    // Types policy), and each update would then swap the fallback slot outside the queue.
    if (this.firstScheduled) return false;
    return (this.firstScheduled = true);
  }

  /** Its whole render is one slot, so a render that threw loses nothing: the widgets inside still show. */
  protected override renderFailed(): Element {
    return document.createElement('slot');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-feed': WireFeed;
  }
}

/** An inline copy's JSON, or undefined when it is not JSON. */
function inlineJson(text: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** What an inline copy gives the widgets; `undefined` stands for a copy that is not JSON. */
function inlineState(result: NormalizeResult | undefined): FeedState {
  if (!result) return { status: 'error', url: 'inline:', reason: 'parse' };
  return result.feed
    ? { status: 'ready', url: 'inline:', feed: result.feed }
    : { status: 'error', url: 'inline:', reason: 'invalid' };
}

function parseInline(text: string): FeedState {
  const parsed = inlineJson(text);
  return inlineState(parsed && normalizeFeed(parsed.json, pageBase()));
}

/** `parseInline`, giving the thread back between slices as the loader does with a fetched feed. */
async function parseInlineInSlices(text: string): Promise<FeedState> {
  const parsed = inlineJson(text);
  return inlineState(
    parsed && (await normalizeFeedInSlices(parsed.json, pageBase(), yieldToBrowser, SLICE_MS)),
  );
}
