import { describe, expect, it } from 'vitest';
import { formatRelative } from '../../src/shared/time.js';

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
