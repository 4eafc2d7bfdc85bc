/**
 * Syndication rights (`_wire.rights`, after IPTC ninjs 2.x): what of an item a reader may see at a given instant.
 * Pure: the caller passes the reader's clock, so widgets, the server renderer and tests share one rule.
 */
import type { Feed, FeedItem, Photo } from './types.js';

/**
 * `embargoed`: the item does not exist yet; `expired`: only a link back to the original remains; `withheld` and
 * `canceled`: its text and photos are down and a notice takes their place; `usable`: shown as it is.
 */
export type RightsState = 'embargoed' | 'expired' | 'withheld' | 'canceled' | 'usable';

const instant = (iso: string | undefined): number => (iso ? Date.parse(iso) : NaN);

/** What may be shown of `item` at `now` (ms since epoch; the reader's clock). */
export function rightsState(item: FeedItem, now: number): RightsState {
  // A `<wire-feed>` from an older copy of the library on the same page shares items without rights.
  const rights = item.rights as FeedItem['rights'] | undefined;
  if (!rights) return 'usable';
  // The embargo comes first: before it the item must not even be known to exist, kill or not.
  if (now < instant(rights.embargoed)) return 'embargoed';
  // A kill outranks an expiry: an expired story still links back to the original, a killed one must not.
  if (rights.pubstatus !== 'usable') return rights.pubstatus;
  return now >= instant(rights.expires) ? 'expired' : 'usable';
}

/** The next instant (ms) at which rightsState(item, ·) changes, or undefined; widgets re-render then. */
export function nextRightsChange(item: FeedItem, now: number): number | undefined {
  const rights = item.rights as FeedItem['rights'] | undefined;
  if (!rights) return undefined;
  const current = rightsState(item, now);
  return [instant(rights.embargoed), instant(rights.expires)]
    .filter((at) => at > now)
    .sort((a, b) => a - b)
    .find((at) => rightsState(item, at) !== current);
}

/** The earliest `nextRightsChange` over `items`. */
function nextChangeOf(items: readonly FeedItem[], now: number): number | undefined {
  let next: number | undefined;
  for (const item of items) {
    const at = nextRightsChange(item, now);
    if (at !== undefined && (next === undefined || at < next)) next = at;
  }
  return next;
}

/** What every widget of a feed asks of its items after each update, and from when until when it holds. */
interface RightsSummary {
  /** Items out of embargo: the feed's item count as the page may know it. */
  known: number;
  /** `nextChangeOf` the items. */
  next: number | undefined;
  from: number;
}

const summaries = new WeakMap<readonly FeedItem[], RightsSummary>();

/**
 * `known` and `next` of `items` at `now`. No item's rights change between `from` and `next`, so the answer is kept
 * for that span: a section front of 1000 cards on one feed of 500 stories would otherwise read every story's
 * rights twice per card, half a million times.
 */
export function rightsSummary(items: readonly FeedItem[], now: number): Omit<RightsSummary, 'from'> {
  const kept = summaries.get(items);
  if (kept && now >= kept.from && (kept.next === undefined || now < kept.next)) return kept;
  const summary = {
    known: items.filter((item) => rightsState(item, now) !== 'embargoed').length,
    next: nextChangeOf(items, now),
    from: now,
  };
  summaries.set(items, summary);
  return summary;
}

const origin = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * True when `page` (the URL of the page showing the widget) is on the publisher's own site: the origin of the
 * item's page or of the feed's home page. Unknown (the server, which cannot know where its snippet lands) is a
 * partner's page.
 */
export function onOwnSite(feed: Feed, item: FeedItem, page: string | undefined): boolean {
  const here = origin(page);
  return !!here && (here === origin(item.url) || here === origin(feed.homePageUrl));
}

const allowed = (photo: Photo | undefined, own: boolean): boolean =>
  !!photo && (own || photo.syndication !== false);

/**
 * `item` as a page at `page` may show it: photos licensed for the publisher's own site only (`syndication: false`)
 * left out anywhere else. The item itself when nothing is left out.
 */
export function forPage(feed: Feed, item: FeedItem, page: string | undefined): FeedItem {
  const own = onOwnSite(feed, item, page);
  const gallery = item.gallery.filter((photo) => allowed(photo, own));
  const keepHero = !item.image || allowed(item.image, own);
  if (keepHero && gallery.length === item.gallery.length) return item;
  return { ...item, image: keepHero ? item.image : undefined, gallery };
}
