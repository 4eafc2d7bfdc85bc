/**
 * The one kind of link the widgets draw that the host page may take over: it fires a cancelable `wire-*` event
 * before the browser follows it, and a listener that cancels the event cancels the navigation too, so a
 * single-page app can route or open its own dialog. A click meant to open the link elsewhere (new tab or window,
 * download) stays the reader's: the event still fires, for analytics, but not cancelable.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isCheckedLink, safeUrl } from '../feed/url.js';
import { emit, type DetailOf, type WireEventMap } from './events.js';

/** The events a link fires before it is followed. */
export type LinkEvent = keyof Pick<
  WireEventMap,
  'wire-card-click' | 'wire-login-request' | 'wire-register-request' | 'wire-comment-request'
>;

export interface EventLink<K extends LinkEvent> {
  href: string;
  part: string;
  /** The event fired before the browser follows the link, and its detail. */
  event: K;
  detail: DetailOf<K>;
  /** An accessible name, for a link whose content does not say where it goes (an icon and a number). */
  label?: string;
  /** The story the link leads to, as `data-id`, for pages that find links by story. */
  id?: string;
}

/**
 * `url` if it passes the allow-list, checked again where it becomes a link: the model's URLs already passed it, but
 * a page that polluted `Object.prototype` (a `url` there) hands an absent field a value of its own.
 */
export function sinkUrl(url: string | undefined): string | undefined {
  return typeof url === 'string' && (isCheckedLink(url) || safeUrl(url)) ? url : undefined;
}

function opensElsewhere(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}

/**
 * The click listener of a link that fires `name` before it is followed. The event starts at the link and crosses
 * the shadow root, so a listener on the element, the document or any ancestor sees it. A new closure per render
 * costs nothing: Lit keeps one DOM listener per binding and calls the latest value.
 */
export function linkListener<K extends LinkEvent>(name: K, detail: DetailOf<K>): (event: MouseEvent) => void {
  return (event) => {
    const cancelable = !opensElsewhere(event);
    if (!emit(event.currentTarget as Element, name, detail, { cancelable })) event.preventDefault();
  };
}

/**
 * An `<a>` that fires `link.event` before it is followed (`linkListener`). The page's own Referrer-Policy may be
 * `unsafe-url`: the publisher learns where a reader came from, never the page's query (session tokens, one-time
 * codes). A card's headline draws the same link in its own template (story-card.ts).
 */
export function eventLink<K extends LinkEvent>(link: EventLink<K>, content: unknown): TemplateResult {
  return html`<a
    part=${link.part}
    href=${sinkUrl(link.href) ?? nothing}
    referrerpolicy="strict-origin-when-cross-origin"
    data-id=${link.id ?? nothing}
    aria-label=${link.label ?? nothing}
    @click=${linkListener(link.event, link.detail)}
    >${content}</a
  >`;
}
