/**
 * What `<wire-article-card>` and `<wire-related-story>` share: the one link of a card, the date and the loading
 * skeleton; their styles are in `story-card.styles.ts`, the fallback line in the base class.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { FeedItem } from '../feed/types.js';
import { t } from '../i18n/i18n.js';
import { eventLink } from './link.js';
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
 */
export function headline(
  story: Story,
  href: string | undefined,
  level: number,
  lang: string,
): TemplateResult {
  const text = story.title || story.summary || t(lang, 'readStory');
  return html`<div class="headline" part="headline" role="heading" aria-level=${level}>
    ${
      href
        ? eventLink(
            {
              href,
              part: 'link',
              id: story.id,
              event: 'wire-card-click',
              detail: { id: story.id, url: href },
            },
            text,
          )
        : text
    }
  </div>`;
}

/**
 * A `<time>`: relative while recent ("2 hours ago", refreshed by the shared timer), else the date. Always the date
 * on the server: server-rendered HTML is cached and read with JavaScript off, where "2 hours ago" would stay.
 */
export function dateTemplate(lang: string, iso: string | undefined): TemplateResult | typeof nothing {
  const absolute = iso ? formatDate(lang, iso) : '';
  if (!iso || !absolute) return nothing;
  return html`<time part="date" datetime=${iso} title=${formatDate(lang, iso, true)}
    >${(isServer ? undefined : formatRelative(lang, iso)) ?? absolute}</time
  >`;
}

/** `count` grey text lines, each one line box of the text it stands in for. */
function bars(count: number): TemplateResult[] {
  return Array.from({ length: count }, () => html`<span class="bar"></span>`);
}

/**
 * Grey blocks in the shape of `count` cards, so the page does not jump when the feed arrives. Each block carries the
 * class of the text it stands in for (kicker, headline, summary, byline, meta, tags, caption), so it takes that
 * text's font size and line height, container queries included, and is as tall as a typical story: the hero's
 * headline and summary on 4 lines, others' on 3, one line of tags. `heading` adds the related list's heading.
 * dist/wire-widgets.css reserves the same box before the element is defined.
 */
export function skeleton(lang: string, layout: string, count = 1, heading = false): TemplateResult {
  const compact = layout === 'compact';
  const lines = layout === 'hero' ? 4 : 3;
  return html`<div part="skeleton" aria-busy="true">
    ${heading ? html`<div class="heading">${bars(1)}</div>` : nothing}
    <div class="skeletons">
      ${Array.from(
        { length: count },
        () =>
          html`<div class="card skeleton has-image ${layout}">
            <div class="body">
              <p class="kicker">${bars(1)}</p>
              <div class="headline">${bars(lines)}</div>
              ${
                compact
                  ? html`<p class="meta">${bars(1)}</p>`
                  : html`<p class="summary">${bars(lines)}</p>
                      <p class="byline">${bars(1)}</p>
                      <p class="meta">${bars(1)}</p>
                      <p class="tags">${bars(1)}</p>`
              }
            </div>
            <div class="photo">
              <div class="frame"></div>
              <p class="caption">${bars(2)}</p>
            </div>
          </div>`,
      )}
    </div>
    <span class="visually-hidden">${t(lang, 'loading')}</span>
  </div>`;
}
