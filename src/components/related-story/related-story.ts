import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { rightsState } from '../../feed/rights.js';
import type { ExternalStory, Feed, FeedItem } from '../../feed/types.js';
import { t, textLanguage } from '../../i18n/i18n.js';
import { HydratedPhotosController, photoStyles, photoTemplate } from '../../shared/photo.js';
import { TickController } from '../../shared/time.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import {
  dateTemplate,
  headingLevel,
  headline,
  skeleton,
  takenDown,
  type Story,
} from '../../shared/story-card.js';
import { cardStyles } from '../../shared/story-card.styles.js';
import { relatedStories } from './related.js';
import { relatedStoryStyles } from './related-story.styles.js';

/**
 * @tagname wire-related-story
 * @summary A related-story teaser (thumbnail with credit, section, headline link, date), or with `related-to` a
 * list of the stories related to an article.
 *
 * @fires wire-card-click - The reader followed a teaser's link. `detail: { id, url }`. Cancelable: cancel it to
 * route in a single-page app instead of navigating.
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - Nothing can be shown. `detail: { url, reason, status? }`; reason `not-found` when the
 * feed has no such item, `embargoed` before the item's embargo.
 *
 * @csspart heading - The list's heading ("Related stories").
 * @csspart list - The list of teasers.
 * @csspart item - One list entry.
 * @csspart card - One teaser (an `<article>`).
 * @csspart section - The teaser's section.
 * @csspart headline - The teaser's headline (`role="heading"`).
 * @csspart link - The headline link, the teaser's only link.
 * @csspart date - The `<time>` element.
 * @csspart figure - The thumbnail's figure.
 * @csspart image - The thumbnail.
 * @csspart caption - The line under the photo: its caption (a teaser of its own) and credit.
 * @csspart credit - The credit line ("© Sputnik").
 * @csspart skeleton - The placeholder shown while the feed loads.
 * @csspart fallback - The quiet message shown when nothing can be shown.
 * @csspart notice - What replaces a story withheld, withdrawn or expired (with a link back once expired).
 * @cssstate loading - The feed is loading.
 * @cssstate ready - The content is shown.
 * @cssstate error - The feed or item cannot be shown (a `wire-feed-error` says why).
 * @cssstate empty - Nothing is drawn and the element takes no space.
 *
 * @cssprop --wire-card-background - Background (default `--wire-color-background`).
 * @cssprop --wire-card-padding - Space inside the element (default 0).
 * @cssprop --wire-card-radius - Corner radius (default 0).
 * @cssprop --wire-card-headline-size - Headline font size, in the list too (default 1.25em; 1em in the list).
 * @cssprop --wire-card-headline-lines - Lines after which a long headline is cut with an ellipsis (default 4; 3 in
 *   the list).
 * @cssprop --wire-card-kicker-color - Section colour (default `--wire-color-accent`).
 * @cssprop --wire-card-thumbnail-size - Widest thumbnail in the list (default 128px).
 * @cssprop --wire-card-gap - Space between the thumbnail and the text (default 12px).
 * @cssprop --wire-image-radius - Corner radius of the thumbnail (default 0).
 * @cssprop --wire-image-fallback-ratio - Shape of the box for a photo whose size the feed does not give (default
 *   16 / 9), so the text below does not move when it loads.
 */
export class WireRelatedStory extends WireFeedElement {
  static override styles = [...WireFeedElement.styles, photoStyles, cardStyles, relatedStoryStyles];

  /** Id of an article: shows a list of the stories related to it instead of one teaser. */
  @property({ attribute: 'related-to' }) relatedTo?: string;

  /** Most teasers in the `related-to` list (a value that is not a number of 0 or more counts as 3). */
  @property({ type: Number }) limit = 3;

  /** ARIA level of the list heading, or of the teaser headline for a single teaser; list teasers are one deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Heading of the `related-to` list; "Related stories" in the reader's language when absent. */
  @property() heading?: string;

  /**
   * How the date is written once it is older than a week (until then "3 hours ago"): `long` ("September 15,
   * 2023", the default), `full`, `medium` or `short` in the reader's language, or a house pattern such as
   * `dd.MM.yyyy` ("15.09.2023"; tokens `yyyy yy MMMM MMM MM M dd d`).
   */
  @property({ attribute: 'date-format' }) dateFormat?: string;

  constructor() {
    super();
    new TickController(this);
    new HydratedPhotosController(this);
  }

  protected override itemId(): string | null | undefined {
    return this.relatedTo || this.item;
  }

  /** `limit` as a count: a value that is not a number of 0 or more counts as 3. */
  private get limitValue(): number {
    return this.limit >= 0 ? Math.floor(this.limit) : 3;
  }

  override render() {
    const lang = this.language;
    const level = headingLevel(this.headingLevel);
    const limit = this.limitValue;
    return html`<div class="wrap" lang=${lang} dir=${this.direction}>
      ${this.data.render({
        // One placeholder row per teaser to come, so the list does not grow when it arrives.
        loading: () =>
          this.relatedTo
            ? skeleton(lang, 'compact', { count: Math.min(limit, 6), heading: true })
            : skeleton(lang, 'teaser'),
        ready: (item, feed, rights) =>
          this.relatedTo
            ? this.list(relatedStories(feed, item.id, limit), level, lang, feed)
            : rights === 'usable'
              ? this.teaser(item, level, lang, false, feed)
              : takenDown(item, rights, lang),
        error: (view) => this.fallback(view),
      })}
    </div>`;
  }

  protected override get empty(): boolean {
    const { item, feed } = this.data.view;
    return Boolean(this.relatedTo && item && feed && !relatedStories(feed, item.id, this.limitValue).length);
  }

  private list(stories: (FeedItem | ExternalStory)[], level: number, lang: string, feed: Feed) {
    if (!stories.length) return nothing;
    const now = Date.now();
    return html`<div class="heading" part="heading" role="heading" aria-level=${level}>
        ${this.heading || t(lang, 'related')}
      </div>
      <ul part="list">
        ${stories.map(
          (story) =>
            html`<li part="item">
              ${
                // The list keeps only usable and expired stories (relatedStories); an expired one is a link back.
                'rights' in story && rightsState(story, now) === 'expired'
                  ? takenDown(story, 'expired', lang, 'compact')
                  : this.teaser(
                      'rights' in story ? this.data.shown(story) : story,
                      Math.min(level + 1, 6),
                      lang,
                      true,
                      feed,
                    )
              }
            </li>`,
        )}
      </ul>`;
  }

  private teaser(story: Story, level: number, lang: string, compact: boolean, feed: Feed) {
    // A story from outside the feed is taken to be in the feed's language.
    const textLang = textLanguage(story as { language?: string }, feed, lang);
    const text = textLang ?? nothing;
    // Joined with no space, as the article card's are: in the flex column, a space is a node drawn as nothing.
    const title = headline(story, story.url ?? story.externalUrl, level, lang, textLang);
    const date = dateTemplate(lang, story.datePublished, this.dateFormat);
    return html`<article
      class="card ${compact ? 'compact' : ''} ${story.image ? 'has-image' : ''}"
      part="card"
    >
      <div class="body">
        ${story.section ? html`<p class="kicker" part="section" lang=${text}>${story.section}</p>` : nothing}${title}${date}
      </div>
      ${
        story.image
          ? photoTemplate(story.image, {
              lang,
              sizes: compact ? 'auto, 128px' : 'auto, 100vw',
              // A teaser of its own shows the photo's caption, as the seed page's does; a list's thumbnails show
              // only the credit.
              caption: !compact,
              textLang,
            })
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-related-story': WireRelatedStory;
  }
}
