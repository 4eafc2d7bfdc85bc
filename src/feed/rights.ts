/**
 * What a partner may show of an item at a given moment, from its `_wire.rights`: nothing before the embargo lifts,
 * only a link back once it expires, a short notice when the publisher withheld or cancelled it. Pure, so the
 * server render and every widget decide the same from the same clock.
 */
import type { FeedItem } from './types.js';

export type RightsState = 'embargoed' | 'expired' | 'withheld' | 'canceled' | 'usable';

const instant = (iso: string | undefined): number | undefined => {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

/** What may be shown of `item` at `now` (ms since epoch; the reader's clock). */
export function rightsState(item: FeedItem, now: number): RightsState {
  const embargoed = instant(item.rights.embargoed);
  if (embargoed !== undefined && now < embargoed) return 'embargoed';
  const expires = instant(item.rights.expires);
  if (expires !== undefined && now >= expires) return 'expired';
  return item.rights.pubstatus === 'usable' ? 'usable' : item.rights.pubstatus;
}

/** The next instant (ms) at which rightsState(item, ·) changes, or undefined; widgets re-render then. */
export function nextRightsChange(item: FeedItem, now: number): number | undefined {
  const next = [instant(item.rights.embargoed), instant(item.rights.expires)].filter(
    (at): at is number => at !== undefined && at > now,
  );
  return next.length ? Math.min(...next) : undefined;
}
