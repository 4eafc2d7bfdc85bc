/**
 * Feed dates to ISO 8601 UTC. JSON Feed requires RFC 3339, but real feeds also ship RFC 822 dates (copied from
 * their RSS template) and zone-less local times. `Date.parse` is not used for anything but its own ISO output:
 * what it accepts beyond ISO differs between engines, and a widget must show the same date in every browser.
 *
 * A date without a zone is read as UTC. The widget cannot know the publisher's zone, and guessing the
 * reader's zone (what `new Date('2018-01-06T08:00')` does) would show each reader a different instant; UTC is
 * at least the same for everyone and off by no more than the publisher's offset.
 */

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
// prettier-ignore
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
];

// RFC 822 zones, plus unambiguous ones seen in European and Asia-Pacific feeds. Offsets in minutes.
// prettier-ignore
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480,
  pdt: -420, akst: -540, akdt: -480, hst: -600, wet: 0, west: 60, cet: 60, cest: 120, met: 60, mest: 120,
  eet: 120, eest: 180, jst: 540, kst: 540, aest: 600, aedt: 660, acst: 570, acdt: 630, awst: 480,
  nzst: 720, nzdt: 780,
};

// `[Weekday,] D Mon YYYY HH:MM[:SS] [zone]`. The weekday is not checked: feeds get it wrong more often than
// the date, and the date is what is shown.
const RFC822 =
  /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMinutes: number,
): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  // 60 is a leap second (RFC 3339 allows it); JS dates have none, so it is read as the last moment of :59.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, Math.min(second, 59), second === 60 ? 999 : ms);
  const time = utc.getTime() - offsetMinutes * 60_000;
  if (!Number.isFinite(time)) return undefined;
  const date = new Date(time);
  const y = date.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return undefined;
  return date.toISOString();
}

function parseOffset(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function parseRfc3339(s: string): string | undefined {
  const m = RFC3339.exec(s);
  if (!m) return undefined;
  const offset = parseOffset(m[8]);
  if (offset === undefined) return undefined;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return build(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4] ?? '0'),
    Number(m[5] ?? '0'),
    Number(m[6] ?? '0'),
    ms,
    offset,
  );
}

function parseMonth(name: string): number | undefined {
  const lower = name.toLowerCase();
  const month = MONTHS[lower.slice(0, 3)];
  if (month === undefined) return undefined;
  if (lower.length === 3 || lower === 'sept' || MONTH_NAMES[month - 1] === lower) return month;
  return undefined;
}

function parseRfc822(s: string): string | undefined {
  const m = RFC822.exec(s);
  if (!m) return undefined;
  const month = parseMonth(m[2] ?? '');
  if (month === undefined) return undefined;
  let year = Number(m[3]);
  // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  const zone = m[7];
  let offset = 0;
  if (zone !== undefined) {
    if (/^[+-]/.test(zone)) {
      const parsed = parseOffset(`${zone.slice(0, 3)}:${zone.slice(3)}`);
      if (parsed === undefined) return undefined;
      offset = parsed;
    } else {
      // RFC 5322 §4.3: an unknown alphabetic zone (including the military letters, whose signs RFC 822 got
      // backwards) SHOULD be read as -0000, i.e. UTC with the local zone unknown.
      offset = ZONES[zone.toLowerCase()] ?? 0;
    }
  }
  return build(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), 0, offset);
}

/**
 * The instant `raw` names, as `YYYY-MM-DDTHH:MM:SS.sssZ`, or `undefined` when it is not a date string we can
 * read unambiguously or falls outside 1970–2200. Numbers are refused: a bare number in a date field could be
 * seconds or milliseconds, and guessing wrong shows a date decades off.
 */
export function parseDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (s === '' || s.length > 64) return undefined;
  return /^\d{4}-/.test(s) ? parseRfc3339(s) : parseRfc822(s);
}
