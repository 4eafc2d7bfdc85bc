/**
 * The one gate every URL from a feed passes before it reaches the model. Only absolute http(s) URLs survive:
 * everything a widget puts into `href` or `src` comes from here, so `javascript:`, `data:`, `vbscript:`, `file:`
 * and friends can never reach the DOM whatever spelling tricks the feed uses.
 */

/** Longer URLs are almost always abuse (or data smuggled in a query string) and bloat every attribute. */
export const MAX_URL_LENGTH = 2048;

const http = (url: URL): URL | undefined => (/^https?:$/.test(url.protocol) ? url : undefined);

/**
 * Resolves `raw` against `base` and returns the canonical `href` when it is an http(s) URL, else `undefined`.
 * Credentials (`user:pass@`) are removed rather than rejected: they are never wanted in a link a reader clicks,
 * but the rest of the URL is still good. Protocol-relative `//host/x` without a base is read as https, the
 * only sensible default for an embed on a modern page. A base that is not itself http(s) counts as no base.
 */
export function safeUrl(raw: unknown, base?: string | URL): string | undefined {
  if (typeof raw !== 'string') return;
  // Trimming matches what the URL parser does with leading/trailing C0 controls and spaces anyway.
  const input = raw.trim();
  if (!input || input.length > MAX_URL_LENGTH) return;
  let baseUrl: URL | undefined;
  try {
    baseUrl = http(new URL(base!));
  } catch {
    // no usable base (`undefined` included: it does not parse as a URL)
  }
  try {
    const url = http(new URL(!baseUrl && /^[\\/]{2}/.test(input) ? `https:${input}` : input, baseUrl));
    if (url?.hostname) {
      url.username = url.password = '';
      const href = url.href;
      // The serializer percent-encodes these, so one in `href` would mean the parser let something odd through.
      if (href.length <= MAX_URL_LENGTH && !/[\0- \x7f-\x9f]/.test(href)) return href;
    }
  } catch {
    // not a URL
  }
  return;
}
