/**
 * What `<wire-article-card>` and `<wire-related-story>` share: the one link of a card, the date and the loading
 * skeleton; their styles are in `story-card.styles.ts`, the fallback line in the base class.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { RightsState } from '../feed/rights.js';
import type { Correction, FeedItem } from '../feed/types.js';
import { t } from '../i18n/i18n.js';
import { eventLink, linkListener, sinkUrl } from './link.js';
import { formatDate, formatRelative } from './time.js';

/** What a teaser needs: feed items and related stories from outside the feed both have it. */
export type Story = Pick<FeedItem, 'id' | 'url' | 'title' | 'image' | 'datePublished' | 'section'> & {
  summary?: string;
  externalUrl?: string;
};

/** A `heading-level` attribute value as a valid ARIA level; 3 when missing or out of range. */
export function headingLevel(value: number): number {
  const level = Math.round(value);
  return level >= 1 && level <= 6 ? level : 3;
}

/**
 * The headline, holding the card's only link: `wire-card-click` fires before the browser follows it, the card's
 * analytics hook and single-page-app seam. The link's `::after` is stretched over the whole card, so a click
 * anywhere on it follows the link, while assistive technology meets one link named by the headline alone.
 * The link is `eventLink`'s, drawn in the headline's own template: one template for the two costs a card less to
 * clone than a template each (bench/cards.mjs).
 */
export function headline(
  story: Story,
  href: string | undefined,
  level: number,
  lang: string,
  textLang?: string,
): TemplateResult {
  const own = story.title || story.summary;
  // The stand-in "Read the story" is the widget's words, in its language.
  const text = own || t(lang, 'readStory');
  const headlineLang = (own && textLang) || nothing;
  return href
    ? html`<div class="headline" part="headline" role="heading" aria-level=${level} lang=${headlineLang}>
        <a
          part="link"
          href=${sinkUrl(href) ?? nothing}
          referrerpolicy="strict-origin-when-cross-origin"
          data-id=${story.id}
          @click=${linkListener('wire-card-click', { id: story.id, url: href })}
          >${text}</a
        >
      </div>`
    : html`<div class="headline" part="headline" role="heading" aria-level=${level} lang=${headlineLang}>
        ${text}
      </div>`;
}

export interface StoryDate {
  iso: string;
  text: string;
  title: string;
}

/**
 * What a story's date shows: relative while recent ("2 hours ago", refreshed by the shared timer), else `absolute`
 * (by default the date in `format`, see `formatDate`), with the date and time as its tooltip; undefined without a
 * readable date. Always absolute on the server: server-rendered HTML is cached and read with JavaScript off, where
 * "2 hours ago" would stay.
 */
export function storyDate(
  lang: string,
  iso: string | undefined,
  format?: string,
  absolute = iso ? formatDate(lang, iso, false, format) : '',
): StoryDate | undefined {
  if (!iso || !absolute) return undefined;
  const text = (isServer ? undefined : formatRelative(lang, iso)) ?? absolute;
  return { iso, text, title: formatDate(lang, iso, true) };
}

/** A story's date (`storyDate`) as a `<time>`; the article card draws the same in its date line's template. */
export function dateTemplate(
  lang: string,
  iso: string | undefined,
  format?: string,
  absolute?: string,
): TemplateResult | typeof nothing {
  const date = storyDate(lang, iso, format, absolute);
  return date
    ? html`<time part="date" datetime=${date.iso} title=${date.title}>${date.text}</time>`
    : nothing;
}

/**
 * Three or four grey text lines, each one line box of the text it stands in for; a single line is written where it
 * goes. One template, not one per line: a skeleton is drawn in the task that defines the elements, where a template
 * per line made a card's skeleton 16 to 18 templates and a related list's 31.
 */
const THREE_LINES = html`<span class="bar"></span><span class="bar"></span><span class="bar"></span>`;
const FOUR_LINES = html`<span class="bar"></span><span class="bar"></span><span class="bar"></span
  ><span class="bar"></span>`;

/** What a skeleton holds besides one card: more cards, the related list's heading, the card's part names. */
export interface SkeletonOptions {
  count?: number;
  heading?: boolean;
  /**
   * Each block takes the part of what it stands in for (`card`, `kicker`, `headline`, `summary`, `byline`, `meta`,
   * `tags`, `figure`, `image`, `caption`): `<wire-article-card>`'s names, so only it asks for them.
   */
  parts?: boolean;
}

/**
 * Grey blocks in the shape of `count` cards, so the page does not jump when the feed arrives. Each block carries the
 * class of the text it stands in for (kicker, headline, summary, byline, meta, tags, caption), so it takes that
 * text's font size and line height, container queries included; with `parts`, its part too, so that the page's
 * `::part()` rules (a photo moved below the text, a line hidden, a caption resized) lay out the placeholder as they
 * will lay out the story. It is as tall as a typical story: the hero's headline and summary on 4 lines, others' on 3,
 * one line of tags. `heading` adds the related list's heading. dist/wire-widgets.css reserves the same box before the
 * element is defined.
 */
export function skeleton(
  lang: string,
  layout: string,
  { count = 1, heading = false, parts = false }: SkeletonOptions = {},
): TemplateResult {
  // A compact card, and a related story's single teaser (`teaser`, stacked), show no standfirst, byline or tags.
  const short = layout === 'compact' || layout === 'teaser';
  const lines = layout === 'hero' ? FOUR_LINES : THREE_LINES;
  const part = (name: string) => (parts ? name : nothing);
  const card = html`<div class="card skeleton has-image ${layout}" part=${part('card')}>
    <div class="body">
      <p class="kicker" part=${part('kicker')}><span class="bar"></span></p>
      <div class="headline" part=${part('headline')}>${lines}</div>
      ${
        short
          ? html`<p class="meta" part=${part('meta')}><span class="bar"></span></p>`
          : html`<p class="summary" part=${part('summary')}>${lines}</p>
              <p class="byline" part=${part('byline')}><span class="bar"></span></p>
              <p class="meta" part=${part('meta')}><span class="bar"></span></p>
              <p class="tags" part=${part('tags')}><span class="bar"></span></p>`
      }
    </div>
    <div class="photo" part=${part('figure')}>
      <div class="frame" part=${part('image')}></div>
      <p class="caption" part=${part('caption')}><span class="bar"></span><span class="bar"></span></p>
    </div>
  </div>`;
  return html`<div part="skeleton" aria-busy="true">
    ${heading ? html`<div class="heading"><span class="bar"></span></div>` : nothing}
    <div class="skeletons">${Array.from({ length: count }, () => card)}</div>
    <span class="visually-hidden">${t(lang, 'loading')}</span>
  </div>`;
}

/** A rights state that takes a story down: only a notice (and, once expired, a link back) is left of it. */
export type TakenDown = Exclude<RightsState, 'embargoed' | 'usable'>;

/**
 * What is left of a story that is withheld, canceled or expired: a short notice, and for an expired one a link
 * back to the original. No headline, no text, no photo: the contract no longer allows them here.
 */
export function takenDown(
  story: Pick<FeedItem, 'id' | 'url'>,
  rights: TakenDown,
  lang: string,
  className = '',
): TemplateResult {
  const back =
    rights === 'expired' && story.url
      ? eventLink(
          {
            href: story.url,
            part: 'link',
            id: story.id,
            event: 'wire-card-click',
            detail: { id: story.id, url: story.url },
          },
          t(lang, 'readOriginal'),
        )
      : nothing;
  return html`<article class="card taken-down ${className}" part="card">
    <p class="notice" part="notice">
      ${t(lang, rights === 'expired' ? 'expired' : rights === 'withheld' ? 'withheld' : 'canceled')} ${back}
    </p>
  </article>`;
}

/** The publisher's correction, dated when the feed dates it. */
export function correctionNotice(correction: Correction | undefined, lang: string, textLang?: string) {
  if (!correction) return nothing;
  const date = correction.date ? formatDate(lang, correction.date) : '';
  return html`<p class="correction" part="correction">
    <strong>${date ? t(lang, 'correctionDated', { date }) : t(lang, 'correction')}</strong>
    <span lang=${textLang ?? nothing}>${correction.text}</span>
  </p>`;
}

/** The credit a syndication contract asks for: where the story comes from and its copyright notice. */
export function rightsCredit(item: Pick<FeedItem, 'source' | 'rights'>, lang: string, textLang?: string) {
  const name = item.source?.name;
  // Optional chaining: items from an older copy's `<wire-feed>` on the same page carry no rights.
  const rights = item.rights as FeedItem['rights'] | undefined;
  const copyright = rights?.copyrightNotice || (rights?.copyrightHolder ? `© ${rights.copyrightHolder}` : '');
  if (!name && !copyright) return nothing;
  return html`<p class="rights" part="rights">
    ${name ? html`<span part="source">${t(lang, 'source', { name })}</span>` : nothing}
    ${copyright ? html`<span part="copyright" lang=${textLang ?? nothing}>${copyright}</span>` : nothing}
  </p>`;
}
