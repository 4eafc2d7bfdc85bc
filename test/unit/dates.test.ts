import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/feed/dates.js';

describe('parseDate: RFC 3339', () => {
  it.each([
    ['2010-02-07T14:04:00-05:00', '2010-02-07T19:04:00.000Z'],
    ['2017-06-27T00:54:17Z', '2017-06-27T00:54:17.000Z'],
    ['2020-02-21T18:08:06+01:00', '2020-02-21T17:08:06.000Z'],
    ['2021-02-21T00:00:00.000Z', '2021-02-21T00:00:00.000Z'],
    ['2019-05-31T12:17:58.123456789+05:30', '2019-05-31T06:47:58.123Z'],
    ['2019-05-31T12:17:58.5Z', '2019-05-31T12:17:58.500Z'],
    ['2019-05-31t12:17:58z', '2019-05-31T12:17:58.000Z'],
    ['2019-05-31 12:17:58Z', '2019-05-31T12:17:58.000Z'],
    ['2019-05-31T12:17:58+0200', '2019-05-31T10:17:58.000Z'],
    ['  2019-05-31T12:17:58Z  ', '2019-05-31T12:17:58.000Z'],
    // Offsets can move the date across midnight and the year boundary.
    ['2019-12-31T23:30:00-01:00', '2020-01-01T00:30:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('reads zone-less times as UTC, whatever zone the reader is in', () => {
    expect(parseDate('2018-01-06T08:00')).toBe('2018-01-06T08:00:00.000Z');
    expect(parseDate('2018-01-06T08:00:00')).toBe('2018-01-06T08:00:00.000Z');
    expect(parseDate('2018-01-06')).toBe('2018-01-06T00:00:00.000Z');
  });

  it('reads a leap second as the end of the previous second', () => {
    expect(parseDate('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.999Z');
  });

  it.each([
    '2019-02-29T00:00:00Z',
    '2019-13-01T00:00:00Z',
    '2019-00-10T00:00:00Z',
    '2019-04-31',
    '2019-05-31T24:00:00Z',
    '2019-05-31T12:60:00Z',
    '2019-05-31T12:00:61Z',
    '2019-05-31T12:00:00+24:00',
    '2019-05-31T12:00:00+05:60',
    '2019-5-31',
    '2019-05-31T12',
    '2019-05-31T12:00:00 PST',
    '2019-05-31T12:00:00Zjunk',
  ])('rejects malformed %j', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });

  it('accepts leap days in leap years only', () => {
    expect(parseDate('2020-02-29')).toBe('2020-02-29T00:00:00.000Z');
    expect(parseDate('2100-02-29')).toBeUndefined();
  });
});

describe('parseDate: RFC 822 / 1123', () => {
  it.each([
    ['Fri, 31 May 2019 12:17:58 -0700', '2019-05-31T19:17:58.000Z'],
    ['Tue, 06 Feb 2018 06:34:12 -0700', '2018-02-06T13:34:12.000Z'],
    ['Mon, 01 Jan 2018 00:00:00 GMT', '2018-01-01T00:00:00.000Z'],
    ['Mon, 01 Jan 2018 00:00:00 UT', '2018-01-01T00:00:00.000Z'],
    ['Mon, 01 Jan 2018 00:00:00 Z', '2018-01-01T00:00:00.000Z'],
    ['Mon, 01 Jan 2018 00:00:00 +0530', '2017-12-31T18:30:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 EST', '2018-01-01T13:00:00.000Z'],
    ['Sun, 01 Jul 2018 08:00:00 EDT', '2018-07-01T12:00:00.000Z'],
    ['Sun, 01 Jul 2018 08:00:00 PDT', '2018-07-01T15:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 CST', '2018-01-01T14:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 MST', '2018-01-01T15:00:00.000Z'],
    ['Sun, 01 Jul 2018 08:00:00 mdt', '2018-07-01T14:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 PST', '2018-01-01T16:00:00.000Z'],
    // Optional weekday and seconds, one-digit day, full month name, lower-case names.
    ['1 Jan 2018 08:00 GMT', '2018-01-01T08:00:00.000Z'],
    ['Monday, 1 January 2018 08:00:00 +0000', '2018-01-01T08:00:00.000Z'],
    ['mon, 01 jan 2018 08:00:00 gmt', '2018-01-01T08:00:00.000Z'],
    ['Sat, 01 Sept 2018 08:00:00 GMT', '2018-09-01T08:00:00.000Z'],
    ['Sat, 01 Sep. 2018 08:00:00 GMT', '2018-09-01T08:00:00.000Z'],
    // No zone, a zone RFC 822 does not name (CET, CEST, ...) or a military letter: RFC 5322 says read as -0000.
    ['Mon, 01 Jan 2018 08:00:00', '2018-01-01T08:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 XYZ', '2018-01-01T08:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 CET', '2018-01-01T08:00:00.000Z'],
    ['Sun, 01 Jul 2018 08:00:00 cest', '2018-07-01T08:00:00.000Z'],
    ['Sun, 01 Jul 2018 08:00:00 ESTX', '2018-07-01T08:00:00.000Z'],
    ['Mon, 01 Jan 2018 08:00:00 A', '2018-01-01T08:00:00.000Z'],
    // Two-digit years per RFC 2822.
    ['Mon, 01 Jan 18 08:00:00 GMT', '2018-01-01T08:00:00.000Z'],
    ['Wed, 01 Jan 97 08:00:00 GMT', '1997-01-01T08:00:00.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('ignores a wrong weekday, since the date is what is shown', () => {
    expect(parseDate('Mon, 31 May 2019 12:17:58 -0700')).toBe('2019-05-31T19:17:58.000Z');
  });

  it.each([
    'Fri, 31 Foo 2019 12:17:58 -0700',
    'Fri, 31 Mayo 2019 12:17:58 -0700',
    'Fri, 31 Maybe 2019 12:17:58 -0700',
    'Fri, 31 Mai 2019 12:17:58 -0700',
    'Fri, 31 Jun 2019 12:17:58 -0700',
    'Fri, 31 May 2019 25:17:58 -0700',
    'Fri, 31 May 2019 12:17:58 -9900',
    'Fri, 31 May 2019 12:17:58 -07',
    'Fri, 31 May 2019',
    '31/05/2019',
    'May 31, 2019',
    'yesterday',
  ])('rejects %j', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('parseDate: everything else', () => {
  it('refuses numbers, which could be seconds or milliseconds', () => {
    expect(parseDate(1559330278)).toBeUndefined();
    expect(parseDate(1559330278000)).toBeUndefined();
    expect(parseDate('1559330278')).toBeUndefined();
  });

  it('refuses non-strings and empty strings', () => {
    for (const raw of [undefined, null, true, {}, [], ['2019-05-31'], new Date(0), '', '   ']) {
      expect(parseDate(raw)).toBeUndefined();
    }
  });

  it('accepts only years from 1970 to 2200', () => {
    expect(parseDate('1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(parseDate('1969-12-31T23:59:59Z')).toBeUndefined();
    expect(parseDate('1970-01-01T00:30:00+01:00')).toBeUndefined();
    expect(parseDate('2200-12-31T23:59:59Z')).toBe('2200-12-31T23:59:59.000Z');
    expect(parseDate('2201-01-01T00:00:00Z')).toBeUndefined();
    expect(parseDate('0001-01-01')).toBeUndefined();
    expect(parseDate('9999-12-31')).toBeUndefined();
    expect(parseDate('Wed, 01 Jan 69 08:00:00 GMT')).toBeUndefined();
  });

  it('refuses absurdly long strings without trying to parse them', () => {
    expect(parseDate(`2019-05-31T12:17:58${'0'.repeat(100)}Z`)).toBeUndefined();
  });

  it('does not depend on the engine: formats Date.parse may accept are refused', () => {
    expect(parseDate('2019/05/31')).toBeUndefined();
    expect(parseDate('Fri May 31 2019 12:17:58 GMT-0700 (Pacific Daylight Time)')).toBeUndefined();
  });
});
