/**
 * Raw JSON Feed (1.0 / 1.1 + `_wire`) → the normalised model in `types.ts`. This is the only code that reads
 * feed JSON, so it is written to accept any JSON value a hostile or sloppy publisher can produce: every field is
 * type-checked, every string becomes capped plain text, every URL goes through `safeUrl`, and whatever is
 * dropped or repaired is reported as a warning instead of an exception.
 */
import { parseDate } from './dates.js';
import { cleanText, countWords, decodeEntities, htmlToText, tidyText, type TagBudget } from './text.js';
import type {
  Author,
  CommentStatus,
  Correction,
  ExternalStory,
  Feed,
  FeedComments,
  FeedItem,
  ImageSource,
  ItemComments,
  NormalizeResult,
  Photo,
  PubStatus,
  Publisher,
  Rights,
  Source,
} from './types.js';
import { checkedLink, safeUrl } from './url.js';

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
  /**
   * Tags read in all of a feed's `content_html` together; past them the HTML is not read. Each tag costs as much as
   * a line of text, so this, not the length, bounds the work: tag soup cannot stall the page, and real feeds
   * (a tag every 30 to 50 characters) fit several megabytes of HTML.
   */
  htmlTags: 200_000,
  /** Usage terms and correction notices: a short paragraph each. */
  notice: 1000,
  /** Largest accepted photo width/height in pixels. */
  photoSize: 20_000,
  maxWarnings: 100,
} as const;

type Json = Record<string, unknown>;

// Set to false by the browser builds (vite.config.ts), which ship no warning text: a reader never sees it, and the
// messages were about half a kilobyte of every widget. Node, the server render, the tests and a bundler building
// from source keep them; a bundler can drop them the same way (`define: { __WIRE_WARNINGS__: 'false' }`).
declare const __WIRE_WARNINGS__: boolean | undefined;
const WARNINGS = typeof __WIRE_WARNINGS__ === 'undefined' || __WIRE_WARNINGS__;

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
  typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= LIMITS.photoSize;

/** The warning path of field `key` of the object at `at` (the feed itself is at ''). */
const path = (at: string, key: string): string => (at ? `${at}.${key}` : key);

/** A feed field as capped plain text. */
const text = (o: unknown, key: string, max: number): string => cleanText(get(o, key), max);

/**
 * How many entries of a list are looked at, accepted or not. Caps on accepted entries alone let a list of a
 * million rejects or duplicates be read whole; twice the cap leaves room for the odd bad entry in a real feed.
 */
const examined = (max: number): number => max * 2;

// A tag list written as one comma-separated string is split only this far: enough for every tag examined to be
// as long as `cleanText` ever reads.
const TAG_STRING = examined(LIMITS.maxTags) * (LIMITS.tag * 8 + 1024);

/** The types of the model's values, whose `toJSON` the round trip would call. */
const TO_JSON = [Object, Array, String, Number, Boolean];

/** The copy `JSON.parse(JSON.stringify(value))` makes of the model, without calling anything the page defined. */
function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(plainCopy(value[i]));
    return out;
  }
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = plainCopy(field);
  }
  return out;
}

/**
 * Reads a parsed JSON value as a JSON Feed. `feedUrl` is the absolute URL the feed was loaded from; relative
 * URLs resolve against the item's `url`, then `home_page_url`, then `feedUrl`. Never throws: input that is
 * not a JSON Feed gives `feed: null`, and everything dropped or repaired is listed in `warnings`.
 *
 * Warnings name the field as a path (`items[3]._wire.image.url`) and are deduplicated by message: a feed whose
 * every item repeats the same mistake gets one line with a count, and the list never exceeds
 * `LIMITS.maxWarnings` entries.
 *
 * Every reader below returns a type of the model, built as an object literal, so a field renamed in `types.ts`
 * fails to compile here. Readers run in the order the fields appear in the feed, which is the order of warnings.
 */
export function normalizeFeed(input: unknown, feedUrl?: string): NormalizeResult {
  return finish(normalizeSteps(input, feedUrl));
}

/** Runs a generator to its end and returns what it returns. */
function finish<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * `normalizeFeed` for a page's main thread: the same result, but after each item it reads (and before it copies the
 * model out) `pause` is awaited once `slice` ms have passed since the last pause (by `now`). A feed of hundreds of
 * items is then read in several short tasks rather than one long one.
 */
export async function normalizeFeedInSlices(
  input: unknown,
  feedUrl: string | undefined,
  pause: () => Promise<void>,
  slice: number,
  now: () => number = () => performance.now(),
): Promise<NormalizeResult> {
  const steps = normalizeSteps(input, feedUrl);
  let start = now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (now() - start >= slice) {
      await pause();
      start = now();
    }
  }
}

/** What `normalizeFeed` does, yielding after each item and before the model is copied out. */
function* normalizeSteps(input: unknown, feedUrl?: string): Generator<void, NormalizeResult> {
  const shown: [text: string, repeats: number][] = [];
  const byMessage = new Map<string, [string, number]>();
  let omitted = 0;
  const warnings = (): string[] => [
    ...shown.map(([text, repeats]) => (repeats ? `${text} (+${repeats} more)` : text)),
    ...(omitted ? [`${omitted} more warnings omitted`] : []),
  ];
  // Called as `warn?.(…)`: without warnings the call, its message included, is gone from the build, as optional
  // calls on undefined evaluate no arguments.
  const warn = WARNINGS
    ? (at: string, message: string): undefined => {
        const line = byMessage.get(message);
        if (line) line[1]++;
        else if (shown.length < LIMITS.maxWarnings - 1) {
          shown.push([`${at}: ${message}`, 0]);
          byMessage.set(message, shown.at(-1)!);
        } else omitted++;
      }
    : undefined;
  const expected = WARNINGS
    ? (at: string, what: string | false, raw: unknown): undefined => warn?.(at, `not ${what}: ${show(raw)}`)
    : undefined;
  /**
   * A reader keeping what `read` returns for a present value, with a warning when `read` refuses it. `what` is
   * written `WARNINGS && '…'` so that the description goes with the warnings.
   */
  const check =
    <T>(what: string | false, read: (raw: unknown) => T | undefined) =>
    (raw: unknown, at: string): T | undefined =>
      absent(raw) ? undefined : (read(raw) ?? expected?.(at, what, raw));
  const object = check(WARNINGS && 'an object', (v) => (isObject(v) ? v : undefined));
  const array = check(WARNINGS && 'an array', (v) => (Array.isArray(v) ? (v as unknown[]) : undefined));

  // Ids of the items kept so far: later items with one of them are duplicates.
  const ids = new Set<string>();
  const htmlTags: TagBudget = { tags: LIMITS.htmlTags };

  /** An http(s) URL, relative ones resolved against `base`. */
  const url = (raw: unknown, at: string, base: string | undefined): string | undefined =>
    absent(raw)
      ? undefined
      : (safeUrl(raw, base) ??
        expected?.(at, !base && safeUrl(raw, 'http://a/') ? 'an absolute URL' : 'an http(s) URL', raw));
  /** Ids longer than LIMITS.id are payloads; an item or story without a usable id is known by its `link`. */
  const id = (raw: unknown, at: string, link?: string): string | undefined =>
    check(WARNINGS && `an id of up to ${LIMITS.id} characters`, (v) =>
      typeof v === 'number' && isFinite(v)
        ? `${v}`
        : typeof v === 'string' && v.length <= LIMITS.id
          ? v
          : undefined,
    )(raw, at) ??
    (link && (warn?.(at, 'no usable id; url used'), link));
  const date = check(WARNINGS && 'an RFC 3339 or RFC 822 date', parseDate);
  const language = check(WARNINGS && 'a language tag', (v) => {
    const tag = typeof v === 'string' ? v.trim() : '';
    // `de_DE` is a common locale spelling; `lang` wants BCP 47 hyphens.
    return tag.length <= LIMITS.language && /^[a-z]{2,8}(?:[-_][a-z\d]{1,8})*$/i.test(tag)
      ? tag.replace(/_/g, '-')
      : undefined;
  });
  const size = check(WARNINGS && `1 to ${LIMITS.photoSize} px`, (v) => (pixels(v) ? v : undefined));
  const count = check(WARNINGS && 'a count', (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined,
  );
  const status = (raw: unknown, at: string): CommentStatus =>
    check(WARNINGS && 'open, closed or disabled', (v) =>
      v === 'open' || v === 'closed' || v === 'disabled' ? v : undefined,
    )(raw, at) ?? 'open';

  // Only `false` withholds a photo from partners; anything else unreadable is reported and read as the default.
  const syndication = (raw: unknown, at: string): boolean =>
    check(WARNINGS && 'true or false', (v) => (typeof v === 'boolean' ? v : undefined))(raw, at) ?? true;
  const pubstatus = check(WARNINGS && 'usable, withheld or canceled', (v): PubStatus | undefined => {
    const word = typeof v === 'string' ? v.trim().toLowerCase() : '';
    // ninjs spells it "canceled"; a British "cancelled" is still a kill and must not publish the story.
    return word === 'usable' || word === 'withheld'
      ? word
      : /^cancell?ed$/.test(word)
        ? 'canceled'
        : undefined;
  });

  /**
   * Up to `max` entries of a list, each read with `read`; what it refuses is left out. No more than `look`
   * entries are read, accepted or not, so the work is bounded by the cap whatever the list holds.
   */
  const list = <T>(
    raw: unknown,
    at: string,
    max: number,
    read: (raw: unknown, at: string) => T | undefined,
    look?: number,
  ): T[] => finish(listSteps(raw, at, max, read, look));

  /** `list`, yielding after each entry it reads. */
  function* listSteps<T>(
    raw: unknown,
    at: string,
    max: number,
    read: (raw: unknown, at: string) => T | undefined,
    look = examined(max),
  ): Generator<void, T[]> {
    const out: T[] = [];
    const entries = array(raw, at) ?? [];
    for (let i = 0; i < entries.length; i++) {
      if (out.length >= max) {
        warn?.(at, `more than ${max}; rest dropped`);
        break;
      }
      if (i >= look) {
        warn?.(at, `examined ${look} entries; rest dropped`);
        break;
      }
      const value = read(entries[i], `${at}[${i}]`);
      if (value !== undefined) out.push(value);
      yield;
    }
    return out;
  }

  /** A name with a URL and one picture (`avatar` for an author, `logo` for a publisher); dropped when all are empty. */
  const named = <K extends 'avatar' | 'logo'>(
    raw: unknown,
    at: string,
    base: string | undefined,
    picture: K,
  ) => {
    const o = object(raw, at);
    if (!o) return;
    const who = {
      name: text(o, 'name', LIMITS.name),
      url: url(get(o, 'url'), `${at}.url`, base),
      [picture]: url(get(o, picture), `${at}.${picture}`, base),
    } as { name: string; url?: string } & Record<K, string | undefined>;
    return who.name || who.url || who[picture] ? who : warn?.(at, 'no name or URL; dropped');
  };
  const author = (raw: unknown, at: string, base: string | undefined): Author | undefined =>
    named(raw, at, base, 'avatar');

  /** v1.1 `authors` when it names anyone, else the v1 `author` object, else (for items) the feed's authors. */
  const authors = (o: Json, at: string, base: string | undefined, inherited: Author[]): Author[] => {
    const listed = list(get(o, 'authors'), path(at, 'authors'), LIMITS.maxAuthors, (raw, at) =>
      author(raw, at, base),
    );
    const single = listed.length ? undefined : author(get(o, 'author'), path(at, 'author'), base);
    return listed.length ? listed : single ? [single] : inherited;
  };

  const publisher = (raw: unknown, at: string, base: string | undefined): Publisher | undefined =>
    named(raw, at, base, 'logo');

  // Reading far past the cap would only cost time: only the narrowest LIMITS.maxSrcset survive anyway.
  const srcset = (raw: unknown, at: string, base: string | undefined): ImageSource[] => {
    const seen = new Set<unknown>();
    const max = LIMITS.maxSrcset * 8;
    return (
      list(
        raw,
        at,
        max,
        (entry, at): ImageSource | undefined => {
          const src = safeUrl(get(entry, 'url'), base);
          const width = get(entry, 'width');
          return src && pixels(width) ? { url: src, width } : warn?.(at, 'no http(s) url and width; dropped');
        },
        max,
      )
        // One candidate per width: `srcset` with two candidates of equal width is invalid and browsers drop it.
        .sort((a, b) => a.width - b.width)
        .filter((s) => !seen.has(s.width) && !seen.has(s.url) && seen.add(s.width).add(s.url))
        .slice(0, LIMITS.maxSrcset)
    );
  };

  // A string, an object with a name, or a list of those.
  const creator = (raw: unknown): string => {
    const name = (c: unknown): string => cleanText(isObject(c) ? get(c, 'name') : c, LIMITS.credit);
    return Array.isArray(raw)
      ? tidyText(raw.slice(0, LIMITS.maxAuthors).map(name).filter(Boolean).join(', '), LIMITS.credit)
      : name(raw);
  };

  /**
   * A PHOTO object or a bare URL string. `fallback` is the item's own `image`, used when the PHOTO describes
   * it without repeating the URL.
   */
  const photo = (
    raw: unknown,
    at: string,
    base: string | undefined,
    fallback?: string,
  ): Photo | undefined => {
    const o = object(typeof raw === 'string' ? { url: raw } : raw, at);
    const src = url(get(o, 'url'), `${at}.url`, base) ?? fallback;
    if (!src) return o && warn?.(at, 'no http(s) url; dropped');
    return {
      url: src,
      alt: text(o, 'alt', LIMITS.alt),
      caption: text(o, 'caption', LIMITS.caption),
      creditText: text(o, 'credit_text', LIMITS.credit),
      copyrightNotice: text(o, 'copyright_notice', LIMITS.credit),
      creator: creator(get(o, 'creator')),
      width: size(get(o, 'width'), `${at}.width`),
      height: size(get(o, 'height'), `${at}.height`),
      license: url(get(o, 'license'), `${at}.license`, base),
      acquireLicensePage: url(get(o, 'acquire_license_page'), `${at}.acquire_license_page`, base),
      permalink: url(get(o, 'permalink'), `${at}.permalink`, base),
      srcset: srcset(get(o, 'srcset'), `${at}.srcset`, base),
      usageTerms: text(o, 'usage_terms', LIMITS.notice),
      syndication: syndication(get(o, 'syndication'), `${at}.syndication`),
    };
  };

  /** What items and related stories from elsewhere start with: `url`, then `id` (else the url). */
  const head = (o: Json, at: string, base: string | undefined): { link?: string; key?: string } => {
    const link = checkedLink(url(get(o, 'url'), `${at}.url`, base));
    return { link, key: id(get(o, 'id'), `${at}.id`, link) };
  };

  /** A story from elsewhere in `_wire.related`; its own `url` is the base for its picture. */
  const external = (raw: unknown, at: string, base: string | undefined): ExternalStory | undefined => {
    const o = object(raw, at);
    if (!o) return;
    const { link, key } = head(o, at, base);
    if (!key) return warn?.(at, 'no id or http(s) url; dropped');
    const image = get(o, 'image');
    return {
      id: key,
      url: link,
      title: text(o, 'title', LIMITS.title),
      section: text(o, 'section', LIMITS.label),
      datePublished: date(get(o, 'date_published'), `${at}.date_published`),
      image: photo(absent(image) ? undefined : image, `${at}.image`, link ?? base),
    };
  };

  // Ids of this feed's items (checked once all items are read) and stories from elsewhere, each once.
  const related = (raw: unknown, at: string, base: string | undefined): (string | ExternalStory)[] => {
    const seen = new Set<string>();
    return list(raw, at, LIMITS.maxRelated, (entry, at) => {
      const value =
        typeof entry === 'string' || typeof entry === 'number' ? id(entry, at) : external(entry, at, base);
      const key = typeof value === 'string' ? value : value?.id;
      return key !== undefined && !seen.has(key) && seen.add(key) ? value : undefined;
    });
  };

  const comments = (raw: unknown, at: string, base: string | undefined): ItemComments | undefined => {
    const o = object(raw, at);
    return (
      o && {
        url: url(get(o, 'url'), `${at}.url`, base),
        status: status(get(o, 'status'), `${at}.status`),
        count: count(get(o, 'count'), `${at}.count`),
      }
    );
  };

  // The feed's comment endpoints, left out when none is usable.
  const endpoints = (raw: unknown, at: string, base: string | undefined): FeedComments | undefined => {
    const o = object(raw, at);
    const out: FeedComments = {
      loginUrl: url(get(o, 'login_url'), `${at}.login_url`, base),
      registerUrl: url(get(o, 'register_url'), `${at}.register_url`, base),
      countUrl: url(get(o, 'count_url'), `${at}.count_url`, base),
    };
    return out.loginUrl || out.registerUrl || out.countUrl ? out : undefined;
  };

  /**
   * `_wire.rights`, defaults filled in. A term that is there but cannot be read cannot be honoured (an embargo, an
   * expiry, a status such as "withdrawn"): the item is withheld rather than published against it.
   */
  const rights = (raw: unknown, at: string): Rights => {
    const o = object(raw, at);
    let unreadable = false;
    const term = <T>(name: string, what: string, read: (raw: unknown, at: string) => T | undefined) => {
      const value = get(o, name);
      const readable = read(value, `${at}.${name}`);
      if (!absent(value) && readable === undefined) {
        unreadable = true;
        warn?.(`${at}.${name}`, `unreadable ${what}; item withheld`);
      }
      return readable;
    };
    const embargoed = term('embargoed', 'embargo', date);
    const expires = term('expires', 'expiry', date);
    const status = term('pubstatus', 'status', pubstatus) ?? 'usable';
    return {
      embargoed,
      expires,
      pubstatus: unreadable && status === 'usable' ? 'withheld' : status,
      copyrightHolder: text(o, 'copyright_holder', LIMITS.credit),
      copyrightNotice: text(o, 'copyright_notice', LIMITS.credit),
      usageTerms: text(o, 'usage_terms', LIMITS.notice),
    };
  };

  // A correction without text says nothing a reader can act on.
  const correction = (raw: unknown, at: string): Correction | undefined => {
    const o = object(raw, at);
    if (!o) return;
    const notice = text(o, 'text', LIMITS.notice);
    return notice
      ? { date: date(get(o, 'date'), `${at}.date`), text: notice }
      : warn?.(at, 'no text; dropped');
  };

  const source = (raw: unknown, at: string, base: string | undefined): Source | undefined => {
    const o = object(raw, at);
    if (!o) return;
    const from: Source = {
      name: text(o, 'name', LIMITS.name),
      url: url(get(o, 'url'), `${at}.url`, base),
      logo: url(get(o, 'logo'), `${at}.logo`, base),
    };
    return from.name ? from : warn?.(at, 'no name; dropped');
  };

  const tags = (raw: unknown, at: string): string[] => {
    const seen = new Set<string>();
    const look = examined(LIMITS.maxTags);
    // Some CMS templates (rose.json) print the tag list as one comma-separated string. One more piece than is
    // examined is split off, so that a longer list still says it was cut.
    const entries =
      typeof raw === 'string'
        ? (warn?.(at, 'a string; split at commas'), raw.slice(0, TAG_STRING).split(',', look + 1))
        : raw;
    return list(
      entries,
      at,
      LIMITS.maxTags,
      (entry) => {
        const tag = cleanText(entry, LIMITS.tag);
        const key = tag.toLowerCase();
        return tag && !seen.has(key) && seen.add(key) ? tag : undefined;
      },
      look,
    );
  };

  /** The summary, else the start of the body text; and the body's words. */
  const standfirst = (o: Json): { summary: string; wordCount: number } => {
    const body = bodyText(get(o, 'content_text'), get(o, 'content_html'), htmlTags);
    return {
      summary: text(o, 'summary', LIMITS.summary) || tidyText(body, LIMITS.summary),
      wordCount: countWords(body.slice(0, LIMITS.contentText)),
    };
  };

  const item = (
    raw: unknown,
    at: string,
    base: string | undefined,
    inherited: Author[],
  ): FeedItem | undefined => {
    if (!isObject(raw)) return expected?.(at, 'an object', raw);
    const { link, key } = head(raw, at, base);
    if (!key) return warn?.(at, 'no id or http(s) url; dropped');
    // Checked before anything else is read: a feed of one item repeated is no more work than one item.
    if (ids.has(key)) return warn?.(at, `duplicate id ${show(key)}; dropped`);
    ids.add(key);
    const here = link ?? base;
    const externalUrl = checkedLink(url(get(raw, 'external_url'), `${at}.external_url`, here));
    const title = text(raw, 'title', LIMITS.title);
    const { summary, wordCount } = standfirst(raw);
    const datePublished = date(get(raw, 'date_published'), `${at}.date_published`);
    const dateModified = date(get(raw, 'date_modified'), `${at}.date_modified`);
    const people = authors(raw, at, here, inherited);
    const labels = tags(get(raw, 'tags'), `${at}.tags`);
    const lang = language(get(raw, 'language'), `${at}.language`);
    const image = url(get(raw, 'image'), `${at}.image`, here);
    const bannerImage = url(get(raw, 'banner_image'), `${at}.banner_image`, here);
    const wire = object(get(raw, '_wire'), `${at}._wire`);
    const hero = get(wire, 'image');
    const html = get(raw, 'content_html');
    return {
      id: key,
      url: link,
      externalUrl,
      title,
      summary,
      wordCount,
      datePublished,
      dateModified,
      authors: people,
      tags: labels,
      language: lang,
      bannerImage,
      kicker: text(wire, 'kicker', LIMITS.label),
      section: text(wire, 'section', LIMITS.label),
      dateline: text(wire, 'dateline', LIMITS.label),
      // The hero photo: the item's `image`, described by `_wire.image` (whose own url wins).
      image: photo(absent(hero) ? image : hero, `${at}._wire.image`, here, image),
      gallery: list(get(wire, 'gallery'), `${at}._wire.gallery`, LIMITS.maxGallery, (raw, at) =>
        photo(raw, at, here),
      ),
      related: related(get(wire, 'related'), `${at}._wire.related`, here),
      comments: comments(get(wire, 'comments'), `${at}._wire.comments`, here),
      // `<wire-story>` sanitises this before showing it; no other reader of the model may render it.
      contentHtml: typeof html === 'string' ? html.slice(0, LIMITS.contentHtml) : '',
      rights: rights(get(wire, 'rights'), `${at}._wire.rights`),
      correction: correction(get(wire, 'correction'), `${at}._wire.correction`),
      source: source(get(wire, 'source'), `${at}._wire.source`, here),
      // `_wire.ednote` is for partner desks, not readers: it is deliberately never read.
    };
  };

  const version = (raw: unknown): Feed['version'] => {
    const v = typeof raw === 'string' && /jsonfeed\.org\/version\/(1(?:\.1)?)\/?$/i.exec(raw.trim())?.[1];
    return v === '1' || v === '1.1'
      ? v
      : (expected?.('version', 'a JSON Feed version URL (read as 1.1)', raw) ?? '1.1');
  };

  function* read(): Generator<void, Feed | null> {
    if (!isObject(input)) return warn?.('not a JSON Feed', show(input)) ?? null;
    if (!Array.isArray(get(input, 'items'))) {
      const rss = get(input, 'rss') || get(input, 'channel');
      return warn?.('not a JSON Feed', rss ? 'RSS as JSON' : 'no "items" array') ?? null;
    }
    const loadedFrom = check(WARNINGS && 'an http(s) URL', (u) => safeUrl(u))(feedUrl, 'feed URL');
    const feedVersion = version(get(input, 'version'));
    const title = text(input, 'title', LIMITS.title);
    const homePageUrl = url(get(input, 'home_page_url'), 'home_page_url', loadedFrom);
    // Feed-level URLs resolve against the site, else where the feed was loaded from.
    const base = homePageUrl ?? loadedFrom;
    const feedUrlField = url(get(input, 'feed_url'), 'feed_url', base) ?? loadedFrom;
    const description = text(input, 'description', LIMITS.description);
    const icon = url(get(input, 'icon'), 'icon', base);
    const favicon = url(get(input, 'favicon'), 'favicon', base);
    const lang = language(get(input, 'language'), 'language');
    const feedAuthors = authors(input, '', base, []);
    const wire = object(get(input, '_wire'), '_wire');
    const feed: Feed = {
      version: feedVersion,
      title,
      homePageUrl,
      // Where the feed says it lives, else where it was actually loaded from.
      feedUrl: feedUrlField,
      description,
      icon,
      favicon,
      language: lang,
      authors: feedAuthors,
      about: url(get(wire, 'about'), '_wire.about', base),
      publisher: publisher(get(wire, 'publisher'), '_wire.publisher', base),
      comments: endpoints(get(wire, 'comments'), '_wire.comments', base),
      items: yield* listSteps(get(input, 'items'), 'items', LIMITS.maxItems, (raw, at) =>
        item(raw, at, base, feedAuthors),
      ),
    };
    // What is left is one pass over every item, then a copy of the whole model: a step of its own.
    yield;
    // A bare id promises "an item of this feed"; one that is not here (or was cut by the item cap) would give
    // the teaser nothing to show.
    for (const i of feed.items) {
      i.related = i.related.filter(
        (r) =>
          typeof r !== 'string' ||
          ids.has(r) ||
          warn?.(`item ${show(i.id)}`, `related id ${show(r)} not in feed; dropped`),
      );
    }
    // The model is plain JSON data: the round trip leaves out the fields that stayed undefined (so it serialises
    // and compares cleanly) and gives every item its own copy of the feed's authors. A page that gave arrays or
    // objects a `toJSON` (Prototype.js does) would have it turn lists into strings: then a copy made here.
    return (
      TO_JSON.some((type) => 'toJSON' in type.prototype) ? plainCopy(feed) : JSON.parse(JSON.stringify(feed))
    ) as Feed;
  }

  try {
    return { feed: yield* read(), warnings: warnings() };
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

/**
 * The body text of an item: `content_text` when it has any (preferred for both summary and word count, so the
 * HTML is only read when it is missing), else the text of `content_html`. Both are read only up to their caps,
 * and the HTML only as far as the feed's tag budget goes.
 */
function bodyText(text: unknown, html: unknown, budget: TagBudget): string {
  return typeof text === 'string' && text.trim()
    ? decodeEntities(text.slice(0, LIMITS.contentText))
    : typeof html === 'string'
      ? htmlToText(html.slice(0, LIMITS.contentHtml), budget)
      : '';
}
