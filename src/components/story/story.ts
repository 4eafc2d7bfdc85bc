import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { rightsState } from '../../feed/rights.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { list, t, textLanguage } from '../../i18n/i18n.js';
import { pageRoot } from '../../shared/dom.js';
import { HydratedPhotosController, photoStyles, photoTemplate } from '../../shared/photo.js';
import { dateTemplate, headingLevel, skeleton } from '../../shared/story-card.js';
import { cardStyles } from '../../shared/story-card.styles.js';
import { formatDate, TickController } from '../../shared/time.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { safeUrl } from '../../feed/url.js';
import { bodyOptions } from './body-options.js';
import { storyStyles } from './story.styles.js';

/**
 * Takes the JSON-LD `NewsArticle` that the server wrote for a story (`renderStoryHead`, meant for the `<head>`, which
 * a parser may have closed early) out of the page once the story is taken down: a search engine that renders the page
 * went on reading its headline, description and picture after the body had become a notice. Found by the story's id
 * (`identifier`) where the original's address (`isBasedOn`) agrees, since another feed's story may have the same id;
 * one printed before it carried the id, by that address alone. The page's own structured data stays.
 */
function withdrawHeadData({ id, url }: FeedItem): void {
  for (const script of pageRoot()?.querySelectorAll('script[type="application/ld+json"]') ?? []) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = data as { '@type'?: unknown; identifier?: unknown; isBasedOn?: unknown } | null;
    if (article?.['@type'] !== 'NewsArticle') continue;
    const { identifier, isBasedOn } = article;
    if (identifier === undefined ? url && isBasedOn === url : identifier === id && isBasedOn === url)
      script.remove();
  }
}

/** The time of day with its zone ("8:40 AM UTC"), for an update made the day the story was published. */
function timeOfDay(lang: string, iso: string): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(lang, {
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date);
  } catch {
    return `${date.toISOString().slice(11, 16)} UTC`;
  }
}

/** The body's container; the server render finds it by this exact markup and fills it with the same HTML. */
export const BODY_ATTRIBUTE = 'data-wire-body';

/**
 * @tagname wire-story
 * @summary The full story for a partner's page: kicker, headline, standfirst, byline with the source, dateline,
 * published and updated times, the lead photo with its credit, the sanitised body, the copyright notice and a
 * link back to the original (none once the story is killed).
 *
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - Nothing can be shown. `detail: { url, reason, status? }`; reason `embargoed` before the
 * story's embargo lifts, `not-found` when the feed has no such item.
 *
 * @csspart story - The `<article>`.
 * @csspart kicker - The kicker (or section) above the headline.
 * @csspart headline - The headline (`role="heading"`).
 * @csspart standfirst - The standfirst.
 * @csspart byline - The authors and the source.
 * @csspart meta - The dateline and the published and updated times.
 * @csspart date - A `<time>` element.
 * @csspart correction - The dated correction notice.
 * @csspart figure - The lead photo's figure.
 * @csspart image - The lead photo.
 * @csspart caption - The line under the lead photo.
 * @csspart credit - The lead photo's credit line.
 * @csspart body - The story's text.
 * @csspart copyright - The copyright notice.
 * @csspart attribution - "Originally published by …", linking to the original unless the story was killed.
 * @csspart notice - What replaces an expired or withdrawn story.
 * @csspart skeleton - The placeholder shown while the feed loads.
 * @csspart fallback - The quiet message shown when nothing can be shown.
 * @cssstate loading - The feed is loading.
 * @cssstate ready - The content is shown.
 * @cssstate error - The feed or item cannot be shown (a `wire-feed-error` says why).
 *
 * @cssprop --wire-story-headline-size - Headline font size (default 2em).
 * @cssprop --wire-story-kicker-color - Kicker colour (default `--wire-color-accent`).
 * @cssprop --wire-image-radius - Corner radius of the lead photo (default 0).
 * @cssprop --wire-image-fallback-ratio - Shape of the lead photo's box when the feed does not give its size (default
 *   16 / 9).
 */
export class WireStory extends WireFeedElement {
  static override styles = [...WireFeedElement.styles, photoStyles, cardStyles, storyStyles];

  /** ARIA level of the headline (default 1: the story is the page's main content). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 1;

  /** The body's container and the HTML it was last filled from, so a render that keeps both refills nothing. */
  private filled?: { target: Element; html: string; lang: string };

  /** The story whose structured data this element took out of the page, so that it looks once per take-down. */
  private withdrawn?: FeedItem;

  constructor() {
    super();
    new TickController(this);
    new HydratedPhotosController(this);
  }

  override connectedCallback(): void {
    // A story drawn here fills its body with the sanitiser, whose chunk is then asked for alongside the feed rather
    // than once the feed has arrived, a round trip later. A server render has its body already, in a shadow root
    // that may still be on its way (`ssr`); one whose hydration waits (`defer-hydration`) is left to fill when let
    // go. Decided before Lit's own connectedCallback, which both of those hold back, and the render root with it.
    const drawnHere =
      !isServer &&
      !this.hasUpdated &&
      !this.shadowRoot &&
      !this.hasAttribute('ssr') &&
      !this.hasAttribute('defer-hydration');
    super.connectedCallback();
    if (drawnHere) import('./sanitize.js').catch(() => undefined);
  }

  override render() {
    const lang = this.language;
    return html`<div class="wrap" lang=${lang} dir=${this.direction}>
      ${this.data.render({
        loading: () => skeleton(lang, ''),
        ready: (item, feed) => this.story(item, feed, lang),
        error: (view) => this.fallback(view),
      })}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // An embargo lifting or an expiry renders again through the feed controller's page-wide rights timer.
    const { item, feed, rights } = this.data.view;
    // Withheld, canceled or expired. A story under embargo is no item of the view: the server rendered it as
    // published, so that is the reader's clock behind the publisher's, and the story shows once it catches up.
    const down = rights && rights !== 'usable' ? item : undefined;
    if (down && down !== this.withdrawn) withdrawHeadData(down);
    this.withdrawn = down;
    const target = this.renderRoot.querySelector(`[${BODY_ATTRIBUTE}]`);
    // The view's item has the photos this page may not show taken out; the feed's own copy still names them.
    const original = item && (feed?.items.find((entry) => entry.id === item.id) ?? item);
    if (target && item && original) void this.fill(target, item, original, this.language);
    else this.filled = undefined;
  }

  /** Sanitises the body in its own chunk (asked for as a story drawn here connected, else now). */
  private async fill(target: Element, item: FeedItem, original: FeedItem, lang: string): Promise<void> {
    const html = item.contentHtml;
    const last = this.filled;
    if (last && last.target === target && last.html === html && last.lang === lang) return;
    this.filled = { target, html, lang };
    // Lit's template leaves the container empty, so a first fill that finds it full is hydrating a server render,
    // which wrote this body with the same sanitiser from the same feed: its nodes stay, and no chunk is fetched.
    if (!last && target.hasChildNodes()) return;
    if (!html) {
      target.replaceChildren();
      return;
    }
    let sanitizeBody: typeof import('./sanitize.js').sanitizeBody;
    try {
      ({ sanitizeBody } = await import('./sanitize.js'));
    } catch {
      // Offline, or the chunk gone from the server: the body stays empty, not a rejection thrown at the page, and
      // the next render tries again.
      if (this.filled?.target === target) this.filled = undefined;
      return;
    }
    // A render since then may have replaced the container or the story: that render fills it.
    if (this.filled?.target !== target || this.filled.html !== html) return;
    try {
      target.replaceChildren(sanitizeBody(html, bodyOptions(item, original, lang)));
    } catch {
      // A page whose Trusted Types refuse the policy name: the body stays empty rather than unsafe.
      target.replaceChildren();
    }
  }

  /** A player is requested only here, after the reader asked for it. */
  private onBodyClick(event: Event): void {
    const button = (event.target as Element).closest('button[data-player]');
    const box = button?.closest('.embed');
    const src = safeUrl(button?.getAttribute('data-player'));
    if (!box || !src) return;
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = button?.textContent ?? '';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.allow = 'fullscreen; picture-in-picture; encrypted-media';
    // Without allow-same-origin the player is an opaque origin: it cannot reach its own cookies or storage.
    frame.setAttribute('sandbox', 'allow-scripts allow-presentation allow-popups');
    box.replaceChildren(frame);
    frame.focus();
  }

  private publisherOf(item: FeedItem, feed: Feed): string {
    return (
      item.source?.name || feed.publisher?.name || feed.title || (item.url ? new URL(item.url).host : '')
    );
  }

  private story(item: FeedItem, feed: Feed, lang: string): TemplateResult {
    const state = rightsState(item, Date.now());
    if (state === 'embargoed')
      return this.fallback({ status: 'error', url: this.data.view.url, reason: 'embargoed' });
    const publisher = this.publisherOf(item, feed);
    if (state !== 'usable')
      return html`<article part="story">
        <p class="notice" part="notice">
          ${t(lang, state === 'expired' ? 'storyExpired' : 'storyWithdrawn')}
        </p>
        ${this.attribution(item, publisher, lang, state === 'expired')}
      </article>`;
    const authors = item.authors.map((author) => author.name).filter(Boolean);
    const byline = [
      authors.length ? t(lang, 'by', { names: list(lang, authors) }) : '',
      item.source?.name ?? '',
    ].filter(Boolean);
    const updated = item.dateModified !== item.datePublished ? item.dateModified : undefined;
    const updatedDay = updated ? formatDate(lang, updated) : '';
    // Updated the day it was published: the same date twice told a reader nothing, so the update gives its time and
    // zone (a server-rendered time is the server's clock, and hydration keeps the server's text); the date again
    // with it made one unbreakable run too wide for a phone at 200% text.
    const updatedText =
      updated && updatedDay && updatedDay === formatDate(lang, item.datePublished ?? '')
        ? timeOfDay(lang, updated)
        : undefined;
    const copyright =
      item.rights.copyrightNotice || (item.rights.copyrightHolder ? `© ${item.rights.copyrightHolder}` : '');
    const textLang = textLanguage(item, feed, lang);
    const text = textLang ?? nothing;
    return html`<article part="story">
      <header>
        ${
          item.kicker || item.section
            ? html`<p class="kicker" part="kicker" lang=${text}>${item.kicker || item.section}</p>`
            : nothing
        }
        <div
          class="headline"
          part="headline"
          role="heading"
          aria-level=${headingLevel(this.headingLevel)}
          lang=${text}
        >
          ${item.title || item.summary}
        </div>
        ${
          item.title && item.summary
            ? html`<p class="standfirst" part="standfirst" lang=${text}>${item.summary}</p>`
            : nothing
        }
        ${byline.length ? html`<p class="byline" part="byline">${byline.join(' · ')}</p>` : nothing}
        <p class="meta" part="meta">
          ${
            // The part keeps the line's direction, so its dot stays at its end; the text takes its language's.
            item.dateline
              ? html`<span class="dateline"><span lang=${text}>${item.dateline}</span></span>`
              : nothing
          }
          ${
            item.datePublished
              ? html`<span>${t(lang, 'storyPublished')} ${dateTemplate(lang, item.datePublished)}</span>`
              : nothing
          }
          ${updated ? html`<span>${t(lang, 'storyUpdated')} ${dateTemplate(lang, updated, undefined, updatedText)}</span>` : nothing}
        </p>
      </header>
      ${
        item.correction
          ? html`<aside class="correction" part="correction">
              <strong>${t(lang, 'storyCorrection')}</strong>
              ${item.correction.date ? dateTemplate(lang, item.correction.date) : nothing}
              <span lang=${text}>${item.correction.text}</span>
            </aside>`
          : nothing
      }
      ${
        item.image?.syndication
          ? photoTemplate(item.image, {
              lang,
              textLang,
              loading: 'eager',
              fetchpriority: 'high',
              sizes: 'auto, 100vw',
            })
          : nothing
      }
      <div class="body" part="body" data-wire-body lang=${text} @click=${this.onBodyClick}></div>
      <footer>
        ${copyright ? html`<p part="copyright" lang=${text}>${copyright}</p>` : nothing}
        ${this.attribution(item, publisher, lang)}
      </footer>
    </article>`;
  }

  /**
   * "Originally published by …", the publisher's name linking back to the story's own URL; named without the link
   * once the story is killed (withheld or canceled), which keeps no link back.
   */
  private attribution(
    item: FeedItem,
    publisher: string,
    lang: string,
    linked = true,
  ): TemplateResult | typeof nothing {
    if (!publisher) return nothing;
    const parts = t(lang, 'storyOriginal').split('{publisher}');
    const name =
      linked && item.url
        ? html`<a href=${item.url} rel="noopener noreferrer">${publisher}</a>`
        : html`${publisher}`;
    return html`<p class="attribution" part="attribution">
      ${parts.map((part, i) => (i ? html`${name}${part}` : part))}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-story': WireStory;
  }
}
