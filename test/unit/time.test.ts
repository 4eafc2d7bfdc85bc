import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative, prepareDateFormatters } from '../../src/shared/time.js';

const NOW = Date.parse('2023-09-15T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelative', () => {
  it('picks the unit after rounding, so no "60 minutes ago" or "24 hours ago"', () => {
    expect(formatRelative('en', ago(59.7 * MINUTE), NOW)).toBe('1 hour ago');
    expect(formatRelative('en', ago(23.8 * HOUR), NOW)).toBe('1 day ago');
    expect(formatRelative('en', ago(42 * MINUTE), NOW)).toBe('42 minutes ago');
    expect(formatRelative('en', ago(10 * 1000), NOW)).toBe('this minute');
  });

  it('gives days as numbers, not "yesterday", and stops being relative after a week', () => {
    expect(formatRelative('en', ago(36 * HOUR), NOW)).toBe('2 days ago');
    expect(formatRelative('en', ago(6.4 * DAY), NOW)).toBe('6 days ago');
    expect(formatRelative('en', ago(7 * DAY), NOW)).toBeUndefined();
    expect(formatRelative('ru', ago(3 * HOUR), NOW)).toBe('3 часа назад');
  });
});

/** Midday on that day in the machine's time zone, where dates are formatted: the same day in any zone. */
const midday = (year: number, month: number, day: number) => new Date(year, month - 1, day, 12).toISOString();

describe('formatDate', () => {
  const SEED = midday(2023, 9, 15);
  const MARCH = midday(2024, 3, 5);

  it('writes an Intl date style in the reader language, long by default', () => {
    expect(formatDate('en', SEED)).toBe('September 15, 2023');
    expect(formatDate('en', SEED, false, 'short')).toBe('9/15/23');
    expect(formatDate('ru', SEED, false, 'long')).toBe('15 сентября 2023 г.');
  });

  it('writes a house pattern as the seed page shows its dates', () => {
    expect(formatDate('en', SEED, false, 'dd.MM.yyyy')).toBe('15.09.2023');
    expect(formatDate('en', MARCH, false, 'd/M/yy')).toBe('5/3/24');
    expect(formatDate('en', MARCH, false, 'd MMMM yyyy')).toBe('5 March 2024');
    expect(formatDate('ru', MARCH, false, 'd MMM')).toMatch(/^5 март/);
  });

  it('names the time zone beside the time of day, as a server-rendered tooltip is read elsewhere', () => {
    const zone = new Intl.DateTimeFormat('en', { timeZoneName: 'short' })
      .formatToParts(new Date(SEED))
      .find((part) => part.type === 'timeZoneName')!.value;
    expect(formatDate('en', SEED, true)).toMatch(/^September 15, 2023.* 12:00\sPM /);
    expect(formatDate('en', SEED, true).endsWith(` ${zone}`)).toBe(true);
    expect(formatDate('ru', SEED, true)).toMatch(/^15 сентября 2023 г\..* 12:00 /);
  });

  it('keeps what is not a token as written, and gives an empty text for a date that is not one', () => {
    expect(formatDate('en', SEED, false, 'yyyy — "week" dd')).toBe('2023 — "week" 15');
    expect(formatDate('en', 'not a date', false, 'dd.MM.yyyy')).toBe('');
  });
});

describe('prepareDateFormatters', () => {
  it('builds the formatters a date and its tooltip use, so formatting them later builds none', () => {
    const Original = Intl.DateTimeFormat;
    const built: unknown[] = [];
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args) {
        built.push(args);
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      // A language no other test in this file formats in: its formatters are not cached yet.
      prepareDateFormatters('fi');
      expect(built).toHaveLength(2);
      expect(formatDate('fi', midday(2023, 9, 15))).toBe('15. syyskuuta 2023');
      expect(formatDate('fi', midday(2023, 9, 15), true)).toMatch(/^15\. syyskuuta 2023/);
      expect(built).toHaveLength(2);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
