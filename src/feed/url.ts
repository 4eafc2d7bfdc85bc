/**
 * The one gate every URL from a feed passes before it reaches the model. Only absolute http(s) URLs survive:
 * everything a widget puts into `href` or `src` comes from here, so `javascript:`, `data:`, `vbscript:`, `file:`
 * and friends can never reach the DOM whatever spelling tricks the feed uses.
 */

/** Longer URLs are almost always abuse (or data smuggled in a query string) and bloat every attribute. */
export const MAX_URL_LENGTH = 2048;

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:']);

// The WHATWG serializer percent-encodes these, so finding one in `href` would mean the parser let something odd
// through; refusing it costs nothing.
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;

function parseBase(base: string | URL | undefined): URL | undefined {
  if (base === undefined) return undefined;
  try {
    const url = new URL(String(base));
    // A base that is itself not http(s) could only yield URLs the protocol check rejects anyway; dropping it
    // early keeps the failure reason ("relative, no base") honest.
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

export interface SafeUrlOptions {
  /** The URL is an image source (`src`, `srcset`), not a link. */
  image?: boolean;
}

/**
 * Resolves `raw` against `base` and returns the canonical `href` when it is an http(s) URL, else `undefined`.
 * Credentials (`user:pass@`) are removed rather than rejected: they are never wanted in a link a reader clicks,
 * but the rest of the URL is still good. Protocol-relative `//host/x` without a base is read as https, the
 * only sensible default for an embed on a modern page.
 *
 * `opts.image` lets call sites say that they read an image field; images follow exactly the same rules (a
 * relative image URL resolves against the base like any link), so the flag changes nothing today and the
 * implementation does not take it.
 */
export function safeUrl(raw: unknown, base?: string | URL, opts?: SafeUrlOptions): string | undefined;
export function safeUrl(raw: unknown, base?: string | URL): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Trimming matches what the URL parser does with leading/trailing C0 controls and spaces anyway.
  let input = raw.trim();
  if (input === '' || input.length > MAX_URL_LENGTH) return undefined;
  const baseUrl = parseBase(base);
  if (!baseUrl && /^[\\/]{2}/.test(input)) input = `https:${input}`;
  let url: URL;
  try {
    url = new URL(input, baseUrl);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol) || url.hostname === '') return undefined;
  url.username = '';
  url.password = '';
  const href = url.href;
  if (href.length > MAX_URL_LENGTH || CONTROL_OR_SPACE.test(href)) return undefined;
  return href;
}

/** True when `s` is already an absolute, canonical URL that `safeUrl` would return unchanged. */
export function isSafeUrl(s: string): boolean {
  return typeof s === 'string' && safeUrl(s) === s;
}

/** True when `raw` cannot be resolved without a base; used to explain why a URL was dropped. */
export function isRelativeUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  const input = raw.trim();
  if (input === '' || /^[\\/]{2}/.test(input)) return false;
  try {
    new URL(input);
    return false;
  } catch {
    return true;
  }
}
