import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { JsonFeed } from '../feed/json-feed.js';
import type { Feed } from '../feed/types.js';
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
  @property({ attribute: false }) feed?: JsonFeed | Feed;

  /** Id of the item to show; the feed's first item when absent. */
  @property() item?: string;

  /** `light` or `dark`; follows the reader's `prefers-color-scheme` when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  protected readonly data = new FeedController(this, () => this.itemId());

  constructor() {
    super();
    new CatalogController(this);
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
