import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { JsonFeed } from '../feed/json-feed.js';
import type { Feed } from '../feed/types.js';
import { CatalogController, resolveDirection, resolveLanguage, t } from '../i18n/i18n.js';
import { emit } from './events.js';
import { sinkUrl } from './link.js';
import { FeedController, type FeedView } from './feed-controller.js';
import { WireElement, stateStyles } from './styles.js';

/** ElementInternals, or nothing on the server and in engines without them: the states are an extra. */
function internalsOf(element: HTMLElement): ElementInternals | undefined {
  if (isServer) return undefined;
  try {
    return element.attachInternals();
  } catch {
    return undefined;
  }
}

/**
 * What every feed-driven widget shares: where its feed comes from (`src`, `feed`, or an enclosing
 * `<wire-feed>`), which item it shows, its theme, language and direction, and the custom states a page can
 * style it by: `:state(loading)`, `:state(ready)`, `:state(error)`, and `:state(empty)` when it draws nothing.
 */
export class WireFeedElement extends WireElement {
  static override styles = [...WireElement.styles, stateStyles];

  /** URL of a JSON Feed. Without it the widget uses its `feed` property or the nearest `<wire-feed>`. */
  @property() src?: string;

  /** A JSON Feed object to render instead of loading one (takes precedence over `src`). */
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /** Id of the item to show; the feed's first item when absent. */
  @property() item?: string;

  /** `light` or `dark`; follows the reader's `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly data = new FeedController(this, () => this.itemId());

  /** The element's internals: `attachInternals()` works once per element, so subclasses use these. */
  protected readonly internals = internalsOf(this);

  /** Changes that arrived while disconnected, replayed on the next connect; undefined when none are waiting. */
  private deferred?: PropertyValues;

  constructor() {
    super();
    new CatalogController(this);
    // A controller rather than `willUpdate`, so a subclass that overrides the lifecycle cannot skip it.
    this.addController({ hostUpdate: () => this.showState() });
  }

  /**
   * A widget removed before its feed arrived would otherwise render the card when the load completes. An `<img
   * sizes>` created outside the document registers a viewport listener with the document that is only removed
   * when the image leaves the document, which it never entered: the whole detached widget stayed reachable, about
   * 9 KB per mount. So a disconnected widget keeps its changes for its next connect instead of rendering them.
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (this.isConnected) return true;
    // The oldest value of each property is the one the next update must compare against.
    this.deferred = new Map([...changed, ...(this.deferred ?? [])]);
    return false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const deferred = this.deferred;
    if (!deferred) return;
    this.deferred = undefined;
    // A key-less requestUpdate() (a task finishing, a catalog arriving) leaves no key, but still needs a render.
    this.requestUpdate();
    deferred.forEach((oldValue, key) => this.requestUpdate(key, oldValue));
  }

  /**
   * A first render may wait its turn in the render queue (styles.ts): the request for the widget's own feed does not
   * wait with it, as a queue falling back on timers (no `scheduler.yield()`) sits behind every task of the page.
   */
  protected override scheduleUpdate(): ReturnType<WireElement['scheduleUpdate']> {
    if (!isServer && !this.hasUpdated && this.isConnected) this.data.load();
    return super.scheduleUpdate();
  }

  /** The item the controller should resolve; subclasses that choose items differently override it. */
  protected itemId(): string | null | undefined {
    return this.item;
  }

  /** True when the widget draws nothing (`:state(empty)`); subclasses that can draw nothing override it. */
  protected get empty(): boolean {
    return false;
  }

  /** The language to render in (element, ancestors, feed, page). */
  protected get language(): string {
    return resolveLanguage(this, this.data.state.feed?.language);
  }

  protected get direction(): 'ltr' | 'rtl' {
    return resolveDirection(this, this.language);
  }

  /** The quiet line every widget shows instead of its content; links to the publisher for a story that is gone. */
  protected fallback(view: FeedView): TemplateResult {
    const lang = this.language;
    // An embargoed story does not exist yet: it reads exactly as one that is not in the feed.
    const feed = view.reason === 'not-found' || view.reason === 'embargoed' ? view.feed : undefined;
    const home = sinkUrl(feed?.homePageUrl ?? feed?.publisher?.url);
    return html`<p class="fallback" part="fallback">
      ${t(lang, feed ? 'notFound' : 'unavailable')}
      ${
        home
          ? html`<a href=${home} referrerpolicy="strict-origin-when-cross-origin"
              >${feed?.publisher?.name || feed?.title || home}</a
            >`
          : nothing
      }
    </p>`;
  }

  /**
   * The same sentence as `fallback()`, as plain text: the render that threw may be Lit's templates themselves. The
   * error state is set on every failure, as each update's `hostUpdate` set the feed's state before the render.
   */
  protected override renderFailed(first: boolean): Element {
    this.setState('error');
    // What threw may be the feed's model itself (a page whose Array.prototype.toJSON broke it): then the
    // generic line in English, rather than a second throw.
    let view: FeedView = { status: 'error', url: '' };
    let lang = 'en';
    try {
      view = this.data.view;
      lang = this.language;
    } catch {
      // Keep the defaults above.
    }
    if (first) emit(this, 'wire-feed-error', { url: view.url, reason: 'render' });
    const line = document.createElement('p');
    line.className = 'fallback';
    line.part.add('fallback');
    line.lang = lang;
    line.textContent = t(lang, view.reason === 'not-found' ? 'notFound' : 'unavailable');
    return line;
  }

  private showState(): void {
    this.setState(this.data.status);
  }

  private setState(status: 'loading' | 'ready' | 'error'): void {
    const states = this.internals?.states;
    if (!states) return;
    try {
      for (const name of ['loading', 'ready', 'error'] as const)
        if (name === status) states.add(name);
        else states.delete(name);
      if (this.empty) states.add('empty');
      else states.delete('empty');
    } catch {
      // Chromium before 125 takes only `--dashed` state names and throws on these: the widget still renders.
    }
  }
}
