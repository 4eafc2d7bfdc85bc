import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedItem } from '../../feed/types.js';
import { list, plural, t, textLanguage } from '../../i18n/i18n.js';
import { commentIconStyles } from '../../shared/icons.js';
import { HydratedPhotosController, photoStyles, photoTemplate } from '../../shared/photo.js';
import {
  correctionNotice,
  headingLevel,
  headline,
  rightsCredit,
  skeleton,
  storyDate,
  takenDown,
  type StoryDate,
} from '../../shared/story-card.js';
import { cardStyles } from '../../shared/story-card.styles.js';
import { TickController } from '../../shared/time.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { articleCardStyles } from './article-card.styles.js';

export type CardLayout = 'stacked' | 'horizontal' | 'compact' | 'hero';

/** Words a minute for the reading-time estimate (the usual figure for adult readers of news prose). */
const WORDS_PER_MINUTE = 230;

/** `srcset` sizes per layout; `auto` lets Chromium pick from the rendered width of a lazy image. */
const SIZES: Record<CardLayout, string> = {
  stacked: 'auto, 100vw',
  horizontal: 'auto, 40vw',
  compact: 'auto, 128px',
  hero: '100vw',
};

/**
 * @tagname wire-article-card
 * @summary A story card: section or kicker, headline, standfirst, byline, date, reading time, hero photo with its
 * credit, tags and comment count. The whole card is one link to the story.
 *
 * @fires wire-card-click - The reader followed the card's link. `detail: { id, url }`. Cancelable: cancel it to
 * route in a single-page app instead of navigating.
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - The card cannot be shown. `detail: { url, reason, status? }`; reason `not-found` when
 * the feed has no such item, `embargoed` before the item's embargo.
 *
 * @csspart card - The card (an `<article>`).
 * @csspart kicker - The kicker, or the section when the story has no kicker.
 * @csspart headline - The headline (`role="heading"` at `heading-level`).
 * @csspart link - The headline link, the card's only link.
 * @csspart summary - The standfirst.
 * @csspart byline - Author avatars and names.
 * @csspart meta - The line with date, reading time and comment count.
 * @csspart date - The `<time>` element.
 * @csspart reading-time - The reading-time estimate.
 * @csspart comments - The comment count.
 * @csspart icon - The comment count's speech bubble: a box cut to shape, coloured by its `color`.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart figure - The photo's figure.
 * @csspart image - The photo.
 * @csspart caption - The photo caption and credit line.
 * @csspart credit - The credit line ("© Sputnik").
 * @csspart skeleton - The placeholder shown while the feed loads; its blocks carry the parts of what they stand in
 *   for (`card`, `kicker`, `headline`, `summary`, `byline`, `meta`, `tags`, `figure`, `image`, `caption`).
 * @csspart fallback - The quiet message shown when the story cannot be shown.
 * @csspart correction - The publisher's dated correction.
 * @csspart rights - The line crediting the story's source and copyright.
 * @csspart source - The story's source ("Source: Reuters").
 * @csspart copyright - The story's copyright notice.
 * @csspart notice - What replaces a story withheld, withdrawn or expired (with a link back once expired).
 * @cssstate loading - The feed is loading.
 * @cssstate ready - The content is shown.
 * @cssstate error - The feed or item cannot be shown (a `wire-feed-error` says why).
 *
 * @cssprop --wire-card-background - Card background (default `--wire-color-background`).
 * @cssprop --wire-card-padding - Space inside the card (default 0).
 * @cssprop --wire-card-radius - Corner radius of the card (default 0).
 * @cssprop --wire-card-gap - Space between the photo and the text (default 12px).
 * @cssprop --wire-card-headline-size - Headline font size in every layout (default 1.25em; 1.375em `horizontal`,
 *   1.75em `hero` and 2.25em once the hero is 720px wide, 1em `compact`).
 * @cssprop --wire-card-headline-lines - Lines after which a long headline is cut with an ellipsis (default 4; 3 for
 *   `compact`, 10 for `hero`).
 * @cssprop --wire-card-kicker-color - Kicker colour (default `--wire-color-accent`).
 * @cssprop --wire-card-thumbnail-size - Widest thumbnail in the `compact` layout (default 128px).
 * @cssprop --wire-image-radius - Corner radius of the photo (default 0).
 * @cssprop --wire-image-fallback-ratio - Shape of the box for a photo whose size the feed does not give (default
 *   16 / 9), so the text below does not move when it loads.
 */
export class WireArticleCard extends WireFeedElement {
  static override styles = [
    ...WireFeedElement.styles,
    photoStyles,
    cardStyles,
    commentIconStyles,
    articleCardStyles,
  ];

  /**
   * `stacked` (photo above text), `horizontal` (photo beside text; stacked when the card is narrower than 480px),
   * `compact` (small thumbnail, headline and date) or `hero` (large, eager photo and headline).
   */
  @property() layout: CardLayout = 'stacked';

  /** ARIA level of the headline, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /**
   * How the date is written once it is older than a week (until then "3 hours ago"): `long` ("September 15,
   * 2023", the default), `full`, `medium` or `short` in the reader's language, or a house pattern such as
   * `dd.MM.yyyy` ("15.09.2023"; tokens `yyyy yy MMMM MMM MM M dd d`).
   */
  @property({ attribute: 'date-format' }) dateFormat?: string;

  /**
   * Where the headline links: the story's page (`url`) by default, falling back to `external_url` when the story
   * has no page of its own. `external` links a link post to the page it is about instead.
   */
  @property({ attribute: 'link-target' }) linkTarget?: 'external';

  constructor() {
    super();
    new TickController(this);
    new HydratedPhotosController(this);
  }

  private href(item: FeedItem): string | undefined {
    return this.linkTarget === 'external' ? (item.externalUrl ?? item.url) : (item.url ?? item.externalUrl);
  }

  override render() {
    const lang = this.language;
    const layout = SIZES[this.layout] ? this.layout : 'stacked';
    return html`<div class="wrap" lang=${lang} dir=${this.direction}>
      ${this.data.render({
        loading: () => skeleton(lang, layout, { parts: true }),
        ready: (item, feed, rights) =>
          rights === 'usable'
            ? this.card(item, layout, lang, textLanguage(item, feed, lang))
            : takenDown(item, rights, lang, layout),
        error: (view) => this.fallback(view),
      })}
    </div>`;
  }

  private card(item: FeedItem, layout: CardLayout, lang: string, textLang: string | undefined) {
    const text = textLang ?? nothing;
    const compact = layout === 'compact';
    const photo = item.image;
    const count = item.comments?.status === 'disabled' ? undefined : item.comments?.count;
    const reading =
      item.wordCount && !compact
        ? plural(lang, 'readingTime', Math.max(1, Math.round(item.wordCount / WORDS_PER_MINUTE)))
        : '';
    const date = storyDate(lang, item.datePublished, this.dateFormat);
    const kicker = item.kicker || item.section;
    const names = item.authors.map((author) => author.name).filter(Boolean);
    // The parts of the body (a flex column) and of the byline (a flex row) are joined with no space between them: a
    // space there is drawn as nothing, yet each was a text node per card to clone and insert (8 of the seed story's
    // 105 nodes). The date line keeps its spaces: a page may lay it out as a line of text (`::part(meta)`).
    const title = headline(item, this.href(item), headingLevel(this.headingLevel), lang, textLang);
    return html`<article class="card ${layout} ${photo ? 'has-image' : ''}" part="card">
      <div class="body">
        ${kicker ? html`<p class="kicker" part="kicker" lang=${text}>${kicker}</p>` : nothing}${title}${
          item.title && item.summary && !compact
            ? html`<p class="summary" part="summary" lang=${text}>${item.summary}</p>`
            : nothing
        }${
          names.length && !compact
            ? html`<p class="byline" part="byline">
                ${item.authors.flatMap(({ avatar }) =>
                  // Authors without a picture add nothing, not even an empty part.
                  avatar
                    ? html`<img
                        class="avatar"
                        src=${avatar}
                        alt=""
                        width="24"
                        height="24"
                        loading="lazy"
                        referrerpolicy="strict-origin-when-cross-origin"
                      />`
                    : [],
                )}${t(lang, 'by', { names: list(lang, names) })}
              </p>`
            : nothing
        }${
          date || reading || count !== undefined ? meta(date, lang, reading, count) : nothing
        }${item.tags.length && !compact ? tagList(item.tags, t(lang, 'tags'), textLang) : nothing}${correctionNotice(item.correction, lang, textLang)}${rightsCredit(item, lang, textLang)}
      </div>
      ${
        photo
          ? photoTemplate(photo, {
              lang,
              sizes: SIZES[layout],
              loading: layout === 'hero' ? 'eager' : 'lazy',
              fetchpriority: layout === 'hero' ? 'high' : undefined,
              caption: !compact,
              textLang,
            })
          : nothing
      }
    </article>`;
  }
}

/**
 * The date line. Its `<time>` is drawn in the line's own template (`dateTemplate`'s markup): one template for the
 * two costs a card less to clone than a template each, and nearly every story has a date.
 */
function meta(date: StoryDate | undefined, lang: string, reading: string, count: number | undefined) {
  const readingTime = reading ? html`<span part="reading-time" dir="auto">${reading}</span>` : nothing;
  const comments =
    count === undefined
      ? nothing
      : html`<span class="comments" part="comments"
          ><span class="comment-icon" part="icon"></span><span aria-hidden="true">${count}</span
          ><span class="visually-hidden">${plural(lang, 'commentCount', count)}</span></span
        >`;
  return date
    ? html`<p class="meta" part="meta">
        <time part="date" datetime=${date.iso} title=${date.title}>${date.text}</time>
        ${readingTime} ${comments}
      </p>`
    : html`<p class="meta" part="meta">${readingTime} ${comments}</p>`;
}

/**
 * The tags' templates by number of tags (the normaliser keeps at most 20): the list and its items as one template,
 * where a template per tag was 4.7 of the 20 templates a card of the sample feed cloned, each item with its own
 * markers (bench/cards.mjs --counts). Lit reads a template's markup from its strings, as `lit/static-html.js` does
 * for the strings it builds; these are this module's own, never the feed's.
 */
const TAG_LISTS = new Map<number, TemplateStringsArray>();

function tagList(tags: readonly string[], label: string, textLang: string | undefined) {
  let strings = TAG_LISTS.get(tags.length);
  if (!strings) {
    const markup = ['<ul class="tags" part="tags" aria-label='];
    for (let i = 0; i < tags.length; i++) markup.push(`${i ? '</li' : ''}><li part="tag" lang=`, '>');
    markup.push('</li></ul>');
    // Own and frozen, as a template literal's are: a `raw` setter a page put on Array.prototype is not called.
    Object.defineProperty(markup, 'raw', { value: markup });
    strings = Object.freeze(markup) as unknown as TemplateStringsArray;
    TAG_LISTS.set(tags.length, strings);
  }
  const lang = textLang ?? nothing;
  return html(strings, label, ...tags.flatMap((tag) => [lang, tag]));
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-article-card': WireArticleCard;
  }
}
