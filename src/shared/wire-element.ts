import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { CatalogController, resolveDirection, resolveLanguage } from '../i18n/i18n.js';
import { FeedController } from './feed-controller.js';
import { hostStyles } from './styles.js';

/**
 * What every feed-driven widget shares: where its feed comes from (`src`, `feed`, or an enclosing
 * `<wire-feed>`), which item it shows, its theme, language and direction.
 */
export class WireFeedElement extends LitElement {
  static override styles = [hostStyles];

  /** URL of a JSON Feed. Without it the widget uses its `feed` property or the nearest `<wire-feed>`. */
  @property() src?: string;

  /** A JSON Feed object to render instead of loading one (takes precedence over `src`). */
  @property({ attribute: false }) feed?: unknown;

  /** Id of the item to show; the feed's first item when absent. */
  @property() item?: string;

  /** `light` or `dark`; follows the reader's `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly data = new FeedController(this, () => this.itemId());

  /** Changes that arrived while disconnected, replayed on the next connect; undefined when none are waiting. */
  private deferred?: PropertyValues;

  constructor() {
    super();
    new CatalogController(this);
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

  /** The item the controller should resolve; subclasses that choose items differently override it. */
  protected itemId(): string | null | undefined {
    return this.item;
  }

  /** The language to render in (element, ancestors, feed, page). */
  protected get language(): string {
    return resolveLanguage(this, this.data.state.feed?.language);
  }

  protected get direction(): 'ltr' | 'rtl' {
    return resolveDirection(this, this.language);
  }
}
