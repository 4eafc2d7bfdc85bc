/**
 * Feed dates to ISO 8601 UTC. JSON Feed requires RFC 3339, but real feeds also ship RFC 822 dates (copied from
 * their RSS template) and zone-less local times. `Date.parse` is not used: what it accepts differs between
 * engines, and a widget must show the same date in every browser.
 *
 * A date without a zone is read as UTC. The widget cannot know the publisher's zone, and guessing the
 * reader's zone (what `new Date('2018-01-06T08:00')` does) would show each reader a different instant; UTC is
 * at least the same for everyone and off by no more than the publisher's offset.
 */

const RFC3339 =
  /^(\d{4})-(\d\d)-(\d\d)(?:[t ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?\s*(?:z|([+-])(\d\d)(?::?(\d\d))?)?)?$/i;

// `[Weekday,] D Mon YYYY HH:MM[:SS] [zone]`. The weekday is not checked: feeds get it wrong more often than
// the date, and the date is what is shown. Zones: numeric, the US ones RFC 822 names (EST, EDT, CST, CDT,
// MST, MDT, PST, PDT) and any other name, read per RFC 5322 §4.3 as -0000, i.e. UTC (that covers UT, GMT and
// Z, and the military letters, whose signs RFC 822 got backwards).
const RFC822 =
  /^(?:[a-z]{3,9},?\s*)?(\d\d?)\s+([a-z]{3,9})\.?\s+(\d\d(?:\d\d)?)\s+(\d\d?):(\d\d)(?::(\d\d))?\s*([+-]\d{4}|([ecmp])([sd])t|[a-z]{1,5})?$/i;

// A month is its English name or any start of it from three letters on: "Jan", "Sept", "September".
const MONTHS = 'january february march april may june july august september october november december'.split(
  ' ',
);

const pad = (n: number | string): string => `${n}`.padStart(2, '0');

/**
 * The instant `raw` names, as `YYYY-MM-DDTHH:MM:SS.sssZ`, or `undefined` when it is not a date string we can
 * read unambiguously or falls outside 1970–2200. Numbers are refused: a bare number in a date field could be
 * seconds or milliseconds, and guessing wrong shows a date decades off.
 */
export const parseDate = (raw: unknown): string | undefined => {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s.length > 64) return;
  let m = RFC3339.exec(s);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', sec = '00', fraction = '', sign, oh = '0', om = '0'] = m;
    // 60 is a leap second (RFC 3339 allows it); JS dates have none, so it is read as the last moment of :59.
    const leap = sec === '60';
    const date = new Date(
      Date.UTC(+y, +mo - 1, +d, +h, +mi, leap ? 59 : +sec, leap ? 999 : +`${fraction}00`.slice(0, 3)),
    );
    // Out-of-range fields (Feb 30, 24:00, month 13) roll over into other ones: the date must read back the same.
    if (
      !date.toISOString().startsWith(`${y}-${mo}-${d}T${h}:${mi}:${leap ? 59 : sec}`) ||
      +oh > 23 ||
      +om > 59
    ) {
      return;
    }
    const out = new Date(+date - (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000).toISOString();
    // Years past 9999 print as "+010000": below "1970" like every year before 1970.
    return out >= '1970' && out < '2201' ? out : undefined;
  }
  m = RFC822.exec(s);
  if (!m) return;
  const [, d, month, y, h, mi, sec = '00', zone = '', us, dst] = m;
  // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  const year = y.length < 3 ? (+y < 50 ? 20 : 19) + y : y;
  const mo = MONTHS.findIndex((name) => name.startsWith(month.toLowerCase())) + 1;
  // US zones: Eastern is -5 h, Central -6, Mountain -7, Pacific -8; daylight time is one hour less.
  const offset = us
    ? `-0${'ecmp'.indexOf(us.toLowerCase()) + 5 - +/d/i.test(dst)}00`
    : /^[+-]/.test(zone)
      ? zone
      : '';
  return parseDate(`${year}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}:${sec}${offset}`);
};
