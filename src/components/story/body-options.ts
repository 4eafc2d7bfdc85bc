/**
 * The options of the body sanitiser for one story, shared by `<wire-story>` and the server render so both write
 * the same body. Kept out of `sanitize.ts`, so that lazy chunk imports nothing the bundle already has.
 */
import type { FeedItem, Photo } from '../../feed/types.js';
import { safeUrl } from '../../feed/url.js';
import { t } from '../../i18n/i18n.js';
import type { BodyOptions } from './sanitize.js';

const photosOf = (item: FeedItem): Photo[] => [...(item.image ? [item.image] : []), ...item.gallery];

/**
 * `shown` is the item as this page may show it (photos not licensed to it already taken out); `original` the item
 * as the feed has it. A body picture that is one of the photos taken out is left out too.
 */
export function bodyOptions(shown: FeedItem, original: FeedItem, lang: string): BodyOptions {
  const kept = new Set(photosOf(shown).map((photo) => photo.url));
  const withheld = new Set(
    photosOf(original)
      .map((photo) => photo.url)
      .filter((url) => !kept.has(url)),
  );
  const credits = new Map<string, string>();
  for (const photo of photosOf(shown)) {
    const credit = photo.creditText || photo.copyrightNotice || photo.creator;
    if (credit) credits.set(photo.url, credit);
  }
  return {
    base: shown.url,
    withheld,
    credits,
    safeUrl,
    loadLabel: (host) => t(lang, 'storyEmbedLoad', { host }),
    openLabel: (host) => t(lang, 'storyEmbedOpen', { host }),
    lang,
  };
}
