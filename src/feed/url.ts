/**
 * The one gate every URL from a feed passes before it reaches the model. Only absolute http(s) URLs survive:
 * everything a widget puts into `href` or `src` comes from here, so `javascript:`, `data:`, `vbscript:`, `file:`
 * and friends can never reach the DOM whatever spelling tricks the feed uses.
 */

/** Longer URLs are almost always abuse (or data smuggled in a query string) and bloat every attribute. */
export const MAX_URL_LENGTH = 2048;

const http = (url: URL): URL | undefined => (/^https?:$/.test(url.protocol) ? url : undefined);

/** The base last parsed: a feed resolves all its URLs against one or two, and parsing it again doubled the cost. */
let lastBase: { raw: string | URL; url: URL | undefined } | undefined;

/** `base` as an http(s) URL, else undefined; the result is only ever read, never changed. */
function parsedBase(base: string | URL | undefined): URL | undefined {
  // Most calls have no base (every link a card draws is checked again): `new URL(undefined)` throws, and a thrown
  // and caught error per call was 47 of the 2100 ms 1000 cards took.
  if (base === undefined) return undefined;
  // A URL object can change after it was passed: only a string's parse is kept.
  if (typeof base === 'string' && lastBase?.raw === base) return lastBase.url;
  let url: URL | undefined;
  try {
    url = http(new URL(base));
  } catch {
    // no usable base
  }
  lastBase = { raw: base, url };
  return url;
}

/**
 * The links a widget draws for each story (an item's `url` and `external_url`), as the normaliser made them with
 * `safeUrl`. Every link is checked again where it becomes an `href` (`sinkUrl`): parsing each again was 11 ms of a
 * 1000-card render. The oldest go first past the cap, which holds the links of a feed of a few hundred stories and
 * bounds what a page that swaps feeds for days keeps.
 */
const links = new Set<string>();

/** Notes `href`, a link `safeUrl` returned, for `isCheckedLink`; returns it. */
export function checkedLink(href: string | undefined): string | undefined {
  if (href && !links.has(href)) {
    if (links.size >= 2048) links.delete(links.values().next().value!);
    links.add(href);
  }
  return href;
}

/** True for a string `checkedLink` noted: `safeUrl` returned it, and a check would pass it again without a parse. */
export const isCheckedLink = (url: string): boolean => links.has(url);

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
  const baseUrl = parsedBase(base);
  try {
    const url = http(new URL(!baseUrl && /^[\\/]{2}/.test(input) ? `https:${input}` : input, baseUrl));
    if (url?.hostname) {
      // Each setter serialises the URL again: only a URL that has credentials pays for it.
      if (url.username || url.password) url.username = url.password = '';
      const href = url.href;
      // The serializer percent-encodes these, so one in `href` would mean the parser let something odd through.
      if (href.length <= MAX_URL_LENGTH && !/[\0- \x7f-\x9f]/.test(href)) return href;
    }
  } catch {
    // not a URL
  }
  return;
}
