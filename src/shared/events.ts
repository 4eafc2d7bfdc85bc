/**
 * Every event the widgets fire: one name, one detail type, declared once so that `addEventListener` is typed for
 * users of the library (`GlobalEventHandlersEventMap`). All of them bubble and are composed, so a listener on
 * `document` sees events from widgets inside other shadow roots.
 */
import type { FeedErrorReason, Photo } from '../feed/types.js';

export interface FeedLoadDetail {
  /** The feed URL, or `inline:` / `property:` for a feed that did not come from the network. */
  url: string;
  /** How many stories the feed holds for the page now: one under embargo is not counted. */
  itemCount: number;
}

export interface FeedErrorDetail {
  url: string;
  reason: FeedErrorReason;
  /** HTTP status, for reason `http`. */
  status?: number;
}

export interface CardClickDetail {
  id: string;
  url: string;
}

export interface PhotoChangeDetail {
  index: number;
  photo: Photo;
}

export interface LightboxDetail {
  index: number;
}

export interface AuthRequestDetail {
  id: string;
  returnUrl: string;
}

export interface CommentRequestDetail {
  id: string;
  url: string;
}

export interface WireEventMap {
  'wire-feed-load': CustomEvent<FeedLoadDetail>;
  'wire-feed-error': CustomEvent<FeedErrorDetail>;
  'wire-card-click': CustomEvent<CardClickDetail>;
  'wire-photo-change': CustomEvent<PhotoChangeDetail>;
  'wire-lightbox-open': CustomEvent<LightboxDetail>;
  'wire-lightbox-close': CustomEvent<LightboxDetail>;
  'wire-login-request': CustomEvent<AuthRequestDetail>;
  'wire-register-request': CustomEvent<AuthRequestDetail>;
  'wire-comment-request': CustomEvent<CommentRequestDetail>;
}

export type DetailOf<K extends keyof WireEventMap> = WireEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Fires a typed `wire-*` event from `target`. Returns false when a listener called `preventDefault()` on a
 * cancelable event, so the caller can skip its default action (navigation, for instance).
 */
export function emit<K extends keyof WireEventMap>(
  target: EventTarget,
  name: K,
  detail: DetailOf<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  const event = new CustomEvent(name, {
    detail,
    bubbles: true,
    composed: true,
    cancelable: options.cancelable ?? false,
  });
  try {
    return target.dispatchEvent(event);
  } catch {
    // dispatchEvent itself rethrows nothing from listeners (they are reported, not thrown); this guards exotic
    // targets so an analytics hook can never break a widget.
    return !event.defaultPrevented;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends WireEventMap {}
}
