/**
 * What `<wire-article-card>` and `<wire-related-story>` share: the one link of a card, the date, the loading
 * skeleton, the quiet fallback and the styles behind them.
 */
import { css, html, isServer, nothing, type TemplateResult } from 'lit';
import type { FeedItem } from '../feed/types.js';
import { t } from '../i18n/i18n.js';
import { emit, opensElsewhere } from './events.js';
import type { FeedState } from './feed-context.js';
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
 * The card's analytics hook and single-page-app seam: `wire-card-click` fires before the browser follows the link,
 * and a listener that cancels it cancels the navigation too (except a
 * click meant for a new tab or window, which stays the reader's). One function for every link, so re-renders never
 * rebind listeners.
 */
function onLinkClick(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const detail = { id: link.dataset.id ?? '', url: link.href };
  if (!emit(link, 'wire-card-click', detail, { cancelable: !opensElsewhere(event) })) event.preventDefault();
}

/**
 * The headline, holding the card's only link. The link's `::after` is stretched over the whole card, so a click
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
    ${href ? html`<a part="link" href=${href} data-id=${story.id} @click=${onLinkClick}>${text}</a>` : text}
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

/** Grey blocks in the shape of `count` cards, so the page does not jump when the feed arrives. */
export function skeleton(lang: string, className: string, count = 1): TemplateResult {
  return html`<div class="skeletons" part="skeleton" aria-busy="true">
    ${Array.from(
      { length: count },
      () =>
        html`<div class="card skeleton has-image ${className}">
          <div class="body">
            <span class="bar short"></span><span class="bar"></span><span class="bar"></span
            ><span class="bar long"></span><span class="bar long"></span><span class="bar short"></span>
          </div>
          <div class="frame"></div>
        </div>`,
    )}
    <span class="visually-hidden">${t(lang, 'loading')}</span>
  </div>`;
}

/** A quiet line instead of the card; links to the publisher's site when the feed named it. */
export function fallback(lang: string, view: FeedState): TemplateResult {
  const feed = view.reason === 'not-found' ? view.feed : undefined;
  const home = feed?.homePageUrl ?? feed?.publisher?.url;
  return html`<p class="fallback" part="fallback">
    ${t(lang, feed ? 'notFound' : 'unavailable')}
    ${home ? html`<a href=${home}>${feed?.publisher?.name || feed?.title || home}</a>` : nothing}
  </p>`;
}

/**
 * Layout and looks shared by both elements. Inheritance from the page is cut on `:host` (shared hostStyles);
 * `.wrap` is the container the card's own container queries measure.
 */
export const cardStyles = css`
  .wrap {
    display: block;
    container-type: inline-size;
    overflow-wrap: anywhere;
    padding: var(--wire-card-padding, 0);
    border-radius: var(--wire-card-radius, 0);
    overflow: clip;
    background: var(--wire-card-background, var(--_bg));
  }

  .card {
    position: relative;
    display: grid;
    gap: var(--wire-card-gap, 12px);
    align-content: start;
  }

  .card > .photo,
  .card > .frame {
    order: -1;
    min-inline-size: 0;
  }

  .body {
    display: grid;
    gap: 6px;
    align-content: start;
    min-inline-size: 0;
  }

  p,
  ul {
    margin: 0;
  }

  .kicker {
    color: var(--wire-card-kicker-color, var(--_accent));
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .headline {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--wire-card-headline-lines, 4);
    overflow: hidden;
    font-size: var(--wire-card-headline-size, 1.25em);
    font-weight: 700;
    line-height: 1.25;
  }

  .headline a {
    color: var(--_link);
    text-decoration: none;
  }

  .headline a::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
  }

  .card:hover .headline a,
  .headline a:focus-visible {
    text-decoration: underline;
  }

  .headline a:focus-visible {
    outline: none;
  }

  /* Inset: the host's paint containment would clip a ring drawn outside the card. */
  .headline a:focus-visible::after {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  /* Controls on the card (the photo credit button) stay above the stretched link. */
  .info {
    z-index: 2;
  }

  .body > time,
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .compact.has-image {
    grid-template-columns: min(32%, var(--wire-card-thumbnail-size, 128px)) minmax(0, 1fr);
    align-items: start;
  }

  .compact .headline {
    font-size: 1em;
    -webkit-line-clamp: 3;
  }

  .compact .frame {
    aspect-ratio: 4 / 3;
  }

  .compact img {
    block-size: 100%;
    object-fit: cover;
  }

  .compact figcaption {
    font-size: 0.6875em;
  }

  .compact .credit {
    white-space: normal;
  }

  .skeletons {
    display: grid;
    gap: 16px;
  }

  .skeleton .frame {
    aspect-ratio: 16 / 9;
    background: var(--_surface);
  }

  .bar {
    display: block;
    block-size: 1em;
    margin-block: 0.2em;
    border-radius: 4px;
    background: var(--_surface);
  }

  .bar.short {
    inline-size: 30%;
  }

  .bar.long {
    inline-size: 90%;
  }

  .compact .bar.long {
    display: none;
  }

  .fallback {
    padding: 12px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  .fallback a {
    color: var(--_link);
  }
`;
