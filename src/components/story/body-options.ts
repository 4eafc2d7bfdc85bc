/**
 * The options of the body sanitiser for one story, shared by `<wire-story>` and the server render so both write
 * the same body. Kept out of `sanitize.ts`, so that lazy chunk imports nothing the bundle already has.
 */
import type { FeedItem, Photo } from '../../feed/types.js';
import { safeUrl } from '../../feed/url.js';
import { t } from '../../i18n/i18n.js';
import type { BodyOptions } from './sanitize.js';

export function bodyOptions(item: FeedItem, lang: string): BodyOptions {
  const photos: Photo[] = [...(item.image ? [item.image] : []), ...item.gallery];
  const withheld = new Set<string>();
  const credits = new Map<string, string>();
  for (const photo of photos) {
    if (!photo.syndication) withheld.add(photo.url);
    const credit = photo.creditText || photo.copyrightNotice || photo.creator;
    if (credit) credits.set(photo.url, credit);
  }
  return {
    base: item.url,
    withheld,
    credits,
    safeUrl,
    loadLabel: (host) => t(lang, 'storyEmbedLoad', { host }),
    openLabel: (host) => t(lang, 'storyEmbedOpen', { host }),
  };
}
