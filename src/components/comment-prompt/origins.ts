/**
 * Which hosts the comment prompt may send a reader (login, register) or a request (live counts) to. A feed may
 * name any URL, and a link that carries the reader's return address to a host nobody chose both leaks it and
 * looks like a first-party invitation to sign in somewhere else. So the prompt only uses URLs on the feed's own
 * origins (where it was loaded from, its `feed_url`, its `home_page_url`) and on origins the host page allows.
 */
import type { Feed } from '../../feed/types.js';

let pageAllowed = new Set<string>();

/** The origin of an http(s) URL, or undefined for anything else (including `property:` and `inline:`). */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lets every comment prompt on the page use login, register and count URLs on these origins (e.g.
 * `['https://id.news.example']`), besides the feed's own. Replaces the list given before; entries that are not
 * http(s) URLs are ignored.
 */
export function configureCommentOrigins(origins: Iterable<string>): void {
  pageAllowed = new Set([...origins].map(originOf).filter((origin) => origin !== undefined));
}

/**
 * The origins a prompt may use: the feed's, the page-wide list, and its own `allow-origins` attribute
 * (space-separated).
 */
export function commentOrigins(feed: Feed, loadedFrom: string, allow = ''): Set<string> {
  const origins = new Set(pageAllowed);
  for (const url of [loadedFrom, feed.feedUrl, feed.homePageUrl, ...allow.split(/\s+/)]) {
    const origin = originOf(url);
    if (origin) origins.add(origin);
  }
  return origins;
}

/** `url` if it is on one of `origins`. */
export const onOrigins = (url: string | undefined, origins: Set<string>): string | undefined =>
  url && origins.has(originOf(url) ?? '') ? url : undefined;
