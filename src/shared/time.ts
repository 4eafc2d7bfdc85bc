/**
 * Dates for readers: absolute in their locale, relative ("2 hours ago") while recent. Every element that shows
 * a relative time subscribes to ONE page-wide timer (github/relative-time-element's pattern), which runs only
 * while at least one subscriber is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a date is shown absolute. */
export const RELATIVE_LIMIT = 7 * DAY;

const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
/** Relative times are in minutes at best: a tick every half minute keeps them at most 30 s stale. */
const TICK_MS = 30_000;

function subscribe(callback: () => void): () => void {
  subscribers.add(callback);
  timer ??= setInterval(() => subscribers.forEach((notify) => notify()), TICK_MS);
  return () => {
    subscribers.delete(callback);
    if (subscribers.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders its host on the shared tick while connected. */
export class TickController implements ReactiveController {
  private unsubscribe?: () => void;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.unsubscribe = subscribe(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

/**
 * Formatted dates by language, style and ISO string. A card formats its date twice (text and tooltip) on every
 * render and a page of cards repeats a handful of dates: formatting was a twentieth of 1000 cards' script time.
 * The cache is dropped when it grows past what a page plausibly shows.
 */
const formatted = new Map<string, string>();

/** The `Intl` date styles a `date-format` attribute may name; anything else is read as a pattern. */
const STYLES = new Set(['full', 'long', 'medium', 'short']);

/**
 * A date in the reader's language: "September 15, 2023" (`format` `long`, the default), another `Intl` date style
 * (`full`, `medium`, `short`), or a publisher's house pattern such as `dd.MM.yyyy` ("15.09.2023"). `withTime`, with
 * the default style, adds the time of day and its zone ("September 15, 2023 at 6:03 AM UTC", for tooltips).
 */
export function formatDate(lang: string, iso: string, withTime = false, format = 'long'): string {
  const key = `${lang}|${withTime}|${format}|${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 1000) formatted.clear();
    text = formatDateNow(lang, iso, withTime, format);
    formatted.set(key, text);
  }
  return text;
}

/**
 * With the time, the zone is named: a server-rendered tooltip is the server's clock, and hydration keeps its text.
 * `Intl` takes no zone beside `dateStyle`, so that date is written out as the `long` style's parts.
 */
const WITH_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

function dateFormatter(lang: string, withTime: boolean, format: string): Intl.DateTimeFormat {
  const dateStyle = format as Intl.DateTimeFormatOptions['dateStyle'];
  return formatter(
    `d|${lang}|${withTime}|${format}`,
    () => new Intl.DateTimeFormat(lang, withTime ? WITH_TIME : { dateStyle }),
  );
}

/**
 * Builds the formatters a story's date uses by default (the `long` style, and with the time for its tooltip)
 * before a render needs them: the first date formatter of a language loads its calendar data, even after the
 * page's first `Intl` formatter (building these two took 18-50 ms under 4x CPU throttling). It throws for a tag
 * `Intl` refuses, where `formatDate` falls back to the ISO date.
 */
export function prepareDateFormatters(lang: string): void {
  dateFormatter(lang, false, 'long');
  dateFormatter(lang, true, 'long');
}

function formatDateNow(lang: string, iso: string, withTime: boolean, format: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    if (!STYLES.has(format)) return formatPattern(lang, date, format);
    return dateFormatter(lang, withTime, format).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** Longest first, so `MMMM` is not read as two `MM`. */
const TOKENS = /yyyy|yy|MMMM|MMM|MM|M|dd|d/g;

/**
 * `pattern` with its tokens replaced, in the reader's time zone: `yyyy` 2023, `yy` 23, `MMMM` September, `MMM`
 * Sep (both in the reader's language), `MM` 09, `M` 9, `dd` 05, `d` 5. Everything else is kept as written.
 */
function formatPattern(lang: string, date: Date, pattern: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const month = (style: 'long' | 'short') =>
    formatter(`m|${lang}|${style}`, () => new Intl.DateTimeFormat(lang, { month: style })).format(date);
  const values: Record<string, () => string> = {
    yyyy: () => String(date.getFullYear()),
    yy: () => two(date.getFullYear() % 100),
    MMMM: () => month('long'),
    MMM: () => month('short'),
    MM: () => two(date.getMonth() + 1),
    M: () => String(date.getMonth() + 1),
    dd: () => two(date.getDate()),
    d: () => String(date.getDate()),
  };
  return pattern.slice(0, 64).replace(TOKENS, (token) => values[token]!());
}

/** "3 hours ago" while the date is within a week of `now`, otherwise undefined. */
export function formatRelative(lang: string, iso: string, now = Date.now()): string | undefined {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff) || Math.abs(diff) >= RELATIVE_LIMIT) return undefined;
  // The unit is chosen after rounding, so 59.7 minutes reads "1 hour ago", never "60 minutes ago"; halves round
  // away from zero in the past as in the future (Math.round alone sends -1.5 to -1).
  const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
  const minutes = round(diff / MINUTE);
  const hours = round(diff / HOUR);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    Math.abs(minutes) < 60
      ? [minutes, 'minute']
      : Math.abs(hours) < 24
        ? [hours, 'hour']
        : [round(diff / DAY), 'day'];
  try {
    // "now" and "in 5 minutes" read well; for days, "yesterday" would be wrong for a story 36 hours old that
    // was published two calendar days ago, so days are always a number.
    const numeric = unit === 'day' ? 'always' : 'auto';
    return formatter(`r|${lang}|${numeric}`, () => new Intl.RelativeTimeFormat(lang, { numeric })).format(
      value,
      unit,
    );
  } catch {
    return undefined;
  }
}
