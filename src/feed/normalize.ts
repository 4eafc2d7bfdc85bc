/**
 * Raw JSON Feed (1.0 / 1.1 + `_wire`) → the normalised model in `types.ts`. This is the only code that reads
 * feed JSON, so it is written to accept any JSON value a hostile or sloppy publisher can produce: every field is
 * type-checked, every string becomes capped plain text, every URL goes through `safeUrl`, and whatever is
 * dropped or repaired is reported as a warning instead of an exception.
 */
import { parseDate } from './dates.js';
import { cleanText, countWords, decodeEntities, htmlToText, tidyText } from './text.js';
import type { NormalizeResult, Feed, ImageSource } from './types.js';
import { safeUrl } from './url.js';

/**
 * Caps on what one feed can put in front of a reader. Lengths are in code points. They bound memory and layout
 * (one megabyte "title" must not freeze a news page) and are generous for real journalism.
 */
export const LIMITS = {
  maxItems: 500,
  title: 300,
  summary: 600,
  description: 1000,
  caption: 1000,
  alt: 1000,
  credit: 300,
  name: 200,
  /** Kicker, section and dateline: one short line each. */
  label: 100,
  tag: 60,
  maxTags: 20,
  maxAuthors: 10,
  maxGallery: 500,
  maxRelated: 50,
  maxSrcset: 16,
  /** Ids longer than this are not ids but payloads; such items fall back to their URL. */
  id: 2048,
  language: 35,
  /** Body text counted for reading time; beyond this the count is a lower bound. */
  contentText: 200_000,
  /** HTML read to find the body text; `content_html` past this is ignored. */
  contentHtml: 2_000_000,
  /** Largest accepted photo width/height in pixels. */
  photoSize: 20_000,
  maxWarnings: 100,
} as const;

type Json = Record<string, unknown>;
/** Reads the field `raw` found at path `at`, of the object `o` that is being read into `out`. */
type Reader = (raw: unknown, at: string, out: Json, o?: unknown) => unknown;

const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

// Own properties only: a feed key can never reach something on Object.prototype. Anything but an object has
// no fields.
const get = (o: unknown, key: string): unknown => (isObject(o) && Object.hasOwn(o, key) ? o[key] : undefined);

/** Missing, null or blank: nothing to read and nothing to warn about. */
const absent = (v: unknown): boolean => v == null || (typeof v === 'string' && !v.trim());

/** A value as a warning shows it: strings quoted (the first 80 characters), objects and arrays by kind. */
const show = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v.slice(0, 80))
    : Array.isArray(v)
      ? 'an array'
      : isObject(v)
        ? 'an object'
        : String(v);

const pixels = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) > 0 && (v as number) <= LIMITS.photoSize;

/**
 * Reads a parsed JSON value as a JSON Feed. `feedUrl` is the absolute URL the feed was loaded from; relative
 * URLs resolve against the item's `url`, then `home_page_url`, then `feedUrl`. Never throws: input that is
 * not a JSON Feed gives `feed: null`, and everything dropped or repaired is listed in `warnings`.
 *
 * Warnings name the field as a path (`items[3]._wire.image.url`) and are deduplicated by message: a feed whose
 * every item repeats the same mistake gets one line with a count, and the list never exceeds
 * `LIMITS.maxWarnings` entries.
 */
export function normalizeFeed(input: unknown, feedUrl?: string): NormalizeResult {
  const shown: [text: string, repeats: number][] = [];
  const byMessage = new Map<string, [string, number]>();
  let omitted = 0;
  const warnings = (): string[] => [
    ...shown.map(([text, repeats]) => (repeats ? `${text} (+${repeats} more)` : text)),
    ...(omitted ? [`${omitted} more warnings omitted`] : []),
  ];
  const warn = (at: string, message: string): undefined => {
    const line = byMessage.get(message);
    if (line) line[1]++;
    else if (shown.length < LIMITS.maxWarnings - 1) {
      shown.push([`${at}: ${message}`, 0]);
      byMessage.set(message, shown.at(-1)!);
    } else omitted++;
  };
  const expected = (at: string, what: string, raw: unknown): undefined =>
    warn(at, `not ${what}: ${show(raw)}`);
  /** A reader keeping what `read` returns for a present value, with a warning when `read` refuses it. */
  const check =
    <T>(what: string, read: (raw: unknown) => T | undefined) =>
    (raw: unknown, at: string): T | undefined =>
      absent(raw) ? undefined : (read(raw) ?? expected(at, what, raw));
  const object = check('an object', (v) => (isObject(v) ? v : undefined));

  // What relative URLs resolve against right now: the feed's base, or the item's (or related story's) url.
  let base: string | undefined;
  let feedBase: string | undefined;
  let loadedFrom: string | undefined;
  let feedAuthors: unknown;
  const ids = new Set<string>();

  const url = (raw: unknown, at: string): string | undefined =>
    absent(raw)
      ? undefined
      : (safeUrl(raw, base) ??
        expected(at, !base && safeUrl(raw, 'http://a/') ? 'an absolute URL' : 'an http(s) URL', raw));
  // Ids longer than LIMITS.id are payloads; an item or story without a usable id is known by its url.
  const id = (raw: unknown, at: string, out: Json = {}): unknown =>
    check(`an id of up to ${LIMITS.id} characters`, (v) =>
      typeof v === 'number' && isFinite(v)
        ? `${v}`
        : typeof v === 'string' && v.length <= LIMITS.id
          ? v
          : undefined,
    )(raw, at) ??
    (out.url && (warn(at, 'no usable id; url used'), out.url));

  /**
   * Reads the fields `spec` lists from `o` into `out`, in order and camelCased: `key` is text capped at
   * `LIMITS[key]`; `key:kind` is read by `KINDS[kind]`, or is text capped at `LIMITS[kind]`.
   */
  const fields = <T = Json>(o: unknown, at: string, spec: string, out: Json = {}): T => {
    for (const field of spec.split(' ')) {
      const [key, kind = key] = field.split(':') as [string, string?];
      const raw = get(o, key);
      out[key.replace(/_(.)/g, (_, c: string) => c.toUpperCase())] = KINDS[kind]
        ? KINDS[kind](raw, at ? `${at}.${key}` : key, out, o)
        : cleanText(raw, LIMITS[kind as keyof typeof LIMITS]);
    }
    return out as T;
  };

  /** Up to `max` entries of a list, each read with `read`; what it refuses is left out. */
  const list =
    <T>(max: number, read: (raw: unknown, at: string) => T | undefined) =>
    (raw: unknown, at: string): T[] => {
      const out: T[] = [];
      const entries = check('an array', (v) => (Array.isArray(v) ? v : undefined))(raw, at) ?? [];
      for (let i = 0; i < entries.length; i++) {
        if (out.length >= max) {
          warn(at, `more than ${max}; rest dropped`);
          break;
        }
        const value = read(entries[i], `${at}[${i}]`);
        if (value !== undefined) out.push(value);
      }
      return out;
    };

  /** An author, or the publisher (`image` is `logo`): dropped when it has neither name nor URL. */
  const person = (raw: unknown, at: string, image = 'avatar'): Json | undefined => {
    const o = object(raw, at);
    const who = o && fields(o, at, `name url:url ${image}:url`);
    return !who || Object.values(who).join('') ? who : warn(at, 'no name or URL; dropped');
  };

  /**
   * A PHOTO object or a bare URL string. `fallback` is the item's own `image`, used when the PHOTO describes
   * it without repeating the URL.
   */
  const photo = (raw: unknown, at: string, fallback?: unknown): Json | undefined => {
    const o = object(typeof raw === 'string' ? { url: raw } : raw, at);
    const photoUrl = url(get(o, 'url'), `${at}.url`) ?? fallback;
    return photoUrl
      ? fields(
          o,
          at,
          'alt caption credit_text:credit copyright_notice:credit creator:creator width:pixels height:pixels ' +
            'license:url acquire_license_page:url permalink:url srcset:srcset',
          { url: photoUrl },
        )
      : o && warn(at, 'no http(s) url; dropped');
  };

  /** An item, or a story from elsewhere in `_wire.related`: `url`, `id` (else the url), then `spec`. */
  const story = (raw: unknown, at: string, spec: string): Json | undefined => {
    const o = object(raw, at);
    const out = fields(o, at, 'url:url id:id');
    if (!out.id) return o && warn(at, 'no id or http(s) url; dropped');
    const outer = base;
    base = (out.url as string | undefined) ?? base;
    fields(o, at, spec, out);
    base = outer;
    return out;
  };

  // How `fields` reads each kind of field: plain values first, then the parts of the feed, its items and photos.
  const KINDS: Record<string, Reader> = {
    url,
    id,
    date: check('an RFC 3339 or RFC 822 date', parseDate),
    language: check('a language tag', (v) => {
      const tag = typeof v === 'string' ? v.trim() : '';
      // `de_DE` is a common locale spelling; `lang` wants BCP 47 hyphens.
      return tag.length <= LIMITS.language && /^[a-z]{2,8}(?:[-_][a-z\d]{1,8})*$/i.test(tag)
        ? tag.replace(/_/g, '-')
        : undefined;
    }),
    pixels: check(`1 to ${LIMITS.photoSize} px`, (v) => (pixels(v) ? v : undefined)),

    version: (raw) => {
      const v = typeof raw === 'string' && /jsonfeed\.org\/version\/(1(?:\.1)?)\/?$/i.exec(raw.trim())?.[1];
      return v || expected('version', 'a JSON Feed version URL (read as 1.1)', raw) || '1.1';
    },
    home: (raw, at) => {
      const home = url(raw, at);
      base = feedBase = home ?? loadedFrom;
      return home;
    },
    // Where the feed says it lives, else where it was actually loaded from.
    feedUrl: (raw, at) => url(raw, at) ?? loadedFrom,
    feedWire: (raw, at, out) =>
      void fields(object(raw, at), at, 'about:url publisher:publisher comments:endpoints', out),
    publisher: (raw, at) => person(raw, at, 'logo'),
    // The feed's comment endpoints, left out when none is usable.
    endpoints: (raw, at) => {
      const out = fields(object(raw, at), at, 'login_url:url register_url:url count_url:url');
      return Object.values(out).some(Boolean) ? out : undefined;
    },

    items: (raw, at, out) => {
      feedAuthors = out.authors;
      return list(LIMITS.maxItems, (raw, at) => {
        if (!isObject(raw)) return expected(at, 'an object', raw);
        base = feedBase;
        const item = story(
          raw,
          at,
          'external_url:url title summary:summary date_published:date date_modified:date authors:authors ' +
            'tags:tags language:language image:url banner_image:url _wire:wire',
        );
        const id = item?.id as string;
        if (!item || ids.has(id)) return item && warn(at, `duplicate id ${show(id)}; dropped`);
        ids.add(id);
        return item;
      })(raw, at);
    },
    /** The summary, else the start of the body text; also counts the body's words. */
    summary: (raw, _, out, o) => {
      const text = get(o, 'content_text');
      const html = get(o, 'content_html');
      // content_text is preferred for both summary and word count, so the HTML is only read when it is missing.
      const body =
        typeof text === 'string' && text.trim()
          ? decodeEntities(text.slice(0, LIMITS.contentText))
          : typeof html === 'string'
            ? htmlToText(html.slice(0, LIMITS.contentHtml))
            : '';
      out.wordCount = countWords(body.slice(0, LIMITS.contentText));
      return cleanText(raw, LIMITS.summary) || tidyText(body, LIMITS.summary);
    },
    /** v1.1 `authors` when it names anyone, else the v1 `author` object, else (for items) the feed's authors. */
    authors: (raw, at, _, o) => {
      const out = list(LIMITS.maxAuthors, person)(raw, at);
      const single = out.length ? undefined : person(get(o, 'author'), at.slice(0, -1));
      return out.length ? out : single ? [single] : (feedAuthors ?? []);
    },
    wire: (raw, at, out) =>
      void fields(
        object(raw, at),
        at,
        'kicker:label section:label dateline:label image:hero gallery:gallery related:related comments:comments',
        out,
      ),
    // The hero photo: the item's `image`, described by `_wire.image` (whose own url wins).
    hero: (raw, at, out) => photo(absent(raw) ? out.image : raw, at, out.image),
    gallery: list(LIMITS.maxGallery, photo),

    // Ids of this feed's items (checked once all items are read) and stories from elsewhere, each once.
    related: (raw, at) => {
      const seen = new Set<unknown>();
      return list(LIMITS.maxRelated, (entry, at) => {
        const value =
          typeof entry === 'string' || typeof entry === 'number'
            ? id(entry, at)
            : story(entry, at, 'title section:label date_published:date image:hero');
        const key = isObject(value) ? value.id : value;
        return key !== undefined && !seen.has(key) && seen.add(key) ? value : undefined;
      })(raw, at);
    },

    comments: (raw, at) => object(raw, at) && fields(raw, at, 'url:url status:status count:count'),
    status: (raw, at) =>
      check('open, closed or disabled', (v) =>
        v === 'open' || v === 'closed' || v === 'disabled' ? v : undefined,
      )(raw, at) ?? 'open',
    count: check('a count', (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? v : undefined)),

    // A string, an object with a name, or a list of those.
    creator: (raw) => {
      const name = (c: unknown): string => cleanText(isObject(c) ? get(c, 'name') : c, LIMITS.credit);
      return Array.isArray(raw)
        ? tidyText(raw.slice(0, LIMITS.maxAuthors).map(name).filter(Boolean).join(', '), LIMITS.credit)
        : name(raw);
    },

    tags: (raw, at) => {
      const seen = new Set<string>();
      // Some CMS templates (rose.json) print the tag list as one comma-separated string.
      if (typeof raw === 'string') raw = warn(at, 'a string; split at commas') ?? raw.split(',');
      return list(LIMITS.maxTags, (entry) => {
        const tag = cleanText(entry, LIMITS.tag);
        const key = tag.toLowerCase();
        return tag && !seen.has(key) && seen.add(key) ? tag : undefined;
      })(raw, at);
    },

    // Reading far past the cap would only cost time: only the narrowest LIMITS.maxSrcset survive anyway.
    srcset: (raw, at) => {
      const seen = new Set<unknown>();
      return (
        list(LIMITS.maxSrcset * 8, (entry, at): ImageSource | undefined => {
          const source = { url: safeUrl(get(entry, 'url'), base), width: get(entry, 'width') };
          return source.url && pixels(source.width)
            ? (source as ImageSource)
            : warn(at, 'no http(s) url and width; dropped');
        })(raw, at)
          // One candidate per width: `srcset` with two candidates of equal width is invalid and browsers drop it.
          .sort((a, b) => a.width - b.width)
          .filter((s) => !seen.has(s.width) && !seen.has(s.url) && seen.add(s.width).add(s.url))
          .slice(0, LIMITS.maxSrcset)
      );
    },
  };

  const read = (): Feed | null => {
    if (!isObject(input)) return warn('not a JSON Feed', show(input)) ?? null;
    if (!Array.isArray(get(input, 'items'))) {
      const rss = get(input, 'rss') || get(input, 'channel');
      return warn('not a JSON Feed', rss ? 'RSS as JSON' : 'no "items" array') ?? null;
    }
    base = loadedFrom = check('an http(s) URL', (u) => safeUrl(u))(feedUrl, 'feed URL');
    const feed = fields<Feed>(
      input,
      '',
      'version:version title home_page_url:home feed_url:feedUrl description icon:url favicon:url ' +
        'language:language authors:authors _wire:feedWire items:items',
    );
    // A bare id promises "an item of this feed"; one that is not here (or was cut by the item cap) would give
    // the teaser nothing to show.
    for (const i of feed.items) {
      i.related = i.related.filter(
        (r) =>
          typeof r !== 'string' ||
          ids.has(r) ||
          warn(`item ${show(i.id)}`, `related id ${show(r)} not in feed; dropped`),
      );
    }
    // The model is plain JSON data: the round trip leaves out the fields that stayed undefined (so it serialises
    // and compares cleanly) and gives every item its own copy of the feed's authors.
    return JSON.parse(JSON.stringify(feed)) as Feed;
  };

  try {
    return { feed: read(), warnings: warnings() };
  } catch (error) {
    // Unreachable for JSON values, but a widget on someone's front page must not die on a bug here.
    let reason = 'unknown error';
    try {
      reason = String((error as Error).message ?? error);
    } catch {
      // keep the generic reason
    }
    return {
      feed: null,
      warnings: [...warnings().slice(0, LIMITS.maxWarnings - 1), `could not read the feed: ${reason}`],
    };
  }
}
