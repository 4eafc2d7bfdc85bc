import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/feed/dates.js';
import { LIMITS, normalizeFeed, normalizeFeedInSlices } from '../../src/feed/normalize.js';
import { cleanText, htmlToText } from '../../src/feed/text.js';
import { MAX_URL_LENGTH, safeUrl } from '../../src/feed/url.js';

const RUNS = 2000;

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  ' javascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u200bjavascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://news.example/1',
  'about:blank',
  'mailto:a@news.example',
  '//evil.example/x',
  '\\\\evil.example\\x',
  '/\\evil.example/x',
  'https:evil.example',
  'https://user:pass@evil.example/',
  'https://',
  'http://[::1',
  `https://news.example/${'a'.repeat(MAX_URL_LENGTH)}`,
  '/relative/path',
  'relative.jpg',
  '?q=1',
  '#frag',
  '',
  '   ',
  'https://news.example/ok',
  'http://news.example/ok?x=<script>',
];

// Hostile strings written by others (XSS payloads, naughty strings), when the shared corpus is present.
const XSS_DIR = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/corpus/xss');
function corpusStrings(): string[] {
  const out: string[] = [];
  try {
    const purify: unknown = JSON.parse(
      readFileSync(resolve(XSS_DIR, 'cure53_DOMPurify__test_fixtures_expect.json'), 'utf8'),
    );
    if (Array.isArray(purify)) {
      for (const entry of purify) {
        const payload: unknown =
          entry && typeof entry === 'object' ? (entry as { payload?: unknown }).payload : undefined;
        if (typeof payload === 'string') out.push(payload);
      }
    }
    const blns: unknown = JSON.parse(
      readFileSync(resolve(XSS_DIR, 'minimaxir_big-list-of-naughty-strings__blns.json'), 'utf8'),
    );
    if (Array.isArray(blns)) out.push(...blns.filter((s): s is string => typeof s === 'string'));
  } catch {
    // Corpus absent (clone outside the workplace): the built-in list still covers the known tricks.
  }
  return out;
}
const NAUGHTY = existsSync(XSS_DIR) ? corpusStrings() : [];

const hostileUrl = fc.oneof(
  fc.constantFrom(...HOSTILE_URLS),
  fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\n', '\u0000', '\u001f', '\u00a0'),
      fc.constantFrom(...HOSTILE_URLS),
    )
    .map(([prefix, url]) => prefix + url),
);

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('&amp;', '&#0;', '&#x110000;', '<script>alert(1)</script>', '\u202e', '\ud800', 'a\u0000b'),
  ...(NAUGHTY.length ? [fc.constantFrom(...NAUGHTY)] : []),
);

const urlish = fc.oneof(
  { weight: 4, arbitrary: hostileUrl },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: text },
);

/** Anything a field might hold: mostly URL-ish and text, sometimes any JSON-ish value. */
const value = fc.oneof(
  { weight: 5, arbitrary: urlish },
  { weight: 2, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(null, true, false, 0, -1, 1e21)),
  },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> =>
  fc.oneof({ weight: 3, arbitrary: arb }, value);
const list = <T>(arb: fc.Arbitrary<T>, maxLength = 5): fc.Arbitrary<T[] | unknown> =>
  maybe(fc.array(fc.oneof({ weight: 4, arbitrary: arb }, value), { maxLength }));
const optional = { requiredKeys: [] as never[] };

const size = fc.oneof(fc.integer({ min: -10, max: 25_000 }), value);
const dateish = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.constantFrom('2018-01-06T08:00', 'Fri, 31 May 2019 12:17:58 -0700', '1969-12-31', '2019-02-29', '24:00'),
  value,
);

const author = fc.record({ name: maybe(text), url: value, avatar: value }, optional);
const photo = fc.record(
  {
    url: value,
    width: size,
    height: size,
    alt: maybe(text),
    caption: maybe(text),
    credit_text: maybe(text),
    creator: fc.oneof(text, fc.record({ name: value }, optional), value),
    copyright_notice: maybe(text),
    license: value,
    acquire_license_page: value,
    permalink: value,
    srcset: list(fc.record({ url: value, width: size }, optional), 20),
  },
  optional,
);
const related = fc.oneof(
  value,
  fc.record(
    {
      id: value,
      url: value,
      title: maybe(text),
      image: fc.oneof(photo, value),
      date_published: dateish,
      section: value,
    },
    optional,
  ),
);
const item = fc.record(
  {
    id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 }), value),
    url: value,
    external_url: value,
    title: maybe(text),
    summary: maybe(text),
    content_text: maybe(text),
    content_html: maybe(text),
    date_published: dateish,
    date_modified: dateish,
    author: fc.oneof(author, value),
    authors: list(author),
    tags: list(text, 25),
    language: fc.oneof(fc.constantFrom('en', 'de-DE', 'zh_Hant_TW'), value),
    image: value,
    banner_image: value,
    _wire: maybe(
      fc.record(
        {
          kicker: maybe(text),
          section: maybe(text),
          dateline: maybe(text),
          image: fc.oneof(photo, value),
          gallery: list(photo),
          related: list(related, 8),
          comments: maybe(
            fc.record(
              { count: fc.oneof(fc.integer({ min: -5, max: 1000 }), value), url: value, status: value },
              optional,
            ),
          ),
        },
        optional,
      ),
    ),
  },
  optional,
);
const feedArb = fc.record(
  {
    version: fc.oneof(
      fc.constantFrom(
        'https://jsonfeed.org/version/1',
        'https://jsonfeed.org/version/1.1',
        'http://jsonfeed.org/version/1',
      ),
      value,
    ),
    title: maybe(text),
    home_page_url: value,
    feed_url: value,
    description: maybe(text),
    icon: value,
    favicon: value,
    language: value,
    author: fc.oneof(author, value),
    authors: list(author),
    _wire: maybe(
      fc.record(
        {
          about: value,
          publisher: maybe(fc.record({ name: maybe(text), url: value, logo: value }, optional)),
          comments: maybe(fc.record({ login_url: value, register_url: value, count_url: value }, optional)),
        },
        optional,
      ),
    ),
    items: fc.array(fc.oneof({ weight: 6, arbitrary: item }, value), { maxLength: 6 }),
  },
  { requiredKeys: ['items'] },
);
const feedUrlArb = fc.option(fc.oneof(fc.webUrl(), hostileUrl), { nil: undefined });

// Every field of the model that holds a URL. `image` is a Photo, checked through its `url`.
const URL_KEY =
  /^(url|[a-zA-Z]+Url|avatar|icon|favicon|logo|license|acquireLicensePage|permalink|bannerImage|about)$/;
const TEXT_KEYS: Record<string, number> = {
  title: LIMITS.title,
  summary: LIMITS.summary,
  description: LIMITS.description,
  name: LIMITS.name,
  alt: LIMITS.alt,
  caption: LIMITS.caption,
  creditText: LIMITS.credit,
  creator: LIMITS.credit,
  copyrightNotice: LIMITS.credit,
  kicker: LIMITS.label,
  section: LIMITS.label,
  dateline: LIMITS.label,
};
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL =
  /[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */
const ISO = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function assertSafeUrl(url: string, path: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${path}: ${JSON.stringify(url)} does not parse as an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`${path}: ${JSON.stringify(url)} has protocol ${parsed.protocol}`);
  }
  if (parsed.href !== url || parsed.username || parsed.password || url.length > MAX_URL_LENGTH) {
    throw new Error(`${path}: ${JSON.stringify(url)} is not a canonical credential-free URL`);
  }
}

function assertText(s: string, max: number, path: string): void {
  if (CONTROL.test(s))
    throw new Error(`${path}: control character or lone surrogate in ${JSON.stringify(s)}`);
  if (s !== s.trim()) throw new Error(`${path}: untrimmed ${JSON.stringify(s)}`);
  if ([...s].length > max) throw new Error(`${path}: longer than ${max}`);
}

// How much the generated feeds actually exercised, so a generator that stopped producing URLs would show.
const stats = { urls: 0, items: 0 };

/** Walks the whole normalised result and checks every URL, text and number it can find. */
function check(node: unknown, path: string): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => check(child, `${path}[${i}]`));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, v] of Object.entries(node)) {
    const at = `${path}.${key}`;
    if (v === undefined) throw new Error(`${at}: present but undefined`);
    if (typeof v === 'string') {
      if (URL_KEY.test(key)) {
        assertSafeUrl(v, at);
        stats.urls++;
      } else if (key in TEXT_KEYS) assertText(v, TEXT_KEYS[key] ?? 0, at);
      else if (key === 'datePublished' || key === 'dateModified') {
        const year = Number(ISO.exec(v)?.[1]);
        if (!(year >= 1970 && year <= 2200)) throw new Error(`${at}: bad date ${v}`);
      } else if (key === 'image') throw new Error(`${at}: image must be a photo object`);
    }
    if (typeof v === 'number' && !(Number.isInteger(v) && v >= 0)) throw new Error(`${at}: bad number ${v}`);
    if ((key === 'width' || key === 'height') && !(typeof v === 'number' && v > 0 && v <= LIMITS.photoSize)) {
      throw new Error(`${at}: bad size ${String(v)}`);
    }
    check(v, at);
  }
}

function checkResult(result: ReturnType<typeof normalizeFeed>): void {
  expect(result.warnings.length).toBeLessThanOrEqual(LIMITS.maxWarnings);
  expect(result.warnings.every((w) => typeof w === 'string')).toBe(true);
  const feed = result.feed;
  if (!feed) return;
  check(feed, 'feed');
  stats.items += feed.items.length;
  // Plain data only: survives a JSON round trip unchanged.
  expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
  expect(feed.items.length).toBeLessThanOrEqual(LIMITS.maxItems);
  expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
  const ids = new Set(feed.items.map((i) => i.id));
  for (const i of feed.items) {
    expect(i.id).not.toBe('');
    expect(i.tags.length).toBeLessThanOrEqual(LIMITS.maxTags);
    i.tags.forEach((t) => assertText(t, LIMITS.tag, `${i.id}.tags`));
    expect(i.authors.length).toBeLessThanOrEqual(LIMITS.maxAuthors);
    expect(i.related.length).toBeLessThanOrEqual(LIMITS.maxRelated);
    for (const r of i.related) if (typeof r === 'string') expect(ids.has(r)).toBe(true);
    if (i.comments) expect(['open', 'closed', 'disabled']).toContain(i.comments.status);
    for (const p of [i.image, ...i.gallery]) {
      if (!p) continue;
      expect(p.srcset.length).toBeLessThanOrEqual(LIMITS.maxSrcset);
      for (let k = 1; k < p.srcset.length; k++) {
        expect(p.srcset[k]?.width ?? 0).toBeGreaterThan(p.srcset[k - 1]?.width ?? Infinity);
      }
    }
  }
}

describe('normalizeFeed properties', () => {
  it('never throws on any value', () => {
    const anything = fc.anything({
      maxDepth: 4,
      withNullPrototype: true,
      withObjectString: true,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withSparseArray: true,
      stringUnit: 'binary',
    });
    fc.assert(
      fc.property(anything, feedUrlArb, (input, feedUrl) => {
        checkResult(normalizeFeed(input, feedUrl));
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws when items and fields hold arbitrary values', () => {
    const anyField = fc.dictionary(
      fc.constantFrom(
        'id',
        'url',
        'title',
        'image',
        '_wire',
        'authors',
        'author',
        'tags',
        'summary',
        'content_html',
      ),
      fc.anything({ maxDepth: 3, withNullPrototype: true, withSparseArray: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyField, fc.anything({ maxDepth: 2 })), { maxLength: 8 }),
        feedUrlArb,
        (items, url) => {
          checkResult(normalizeFeed({ version: 'https://jsonfeed.org/version/1.1', items }, url));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('puts only canonical http(s) URLs and clean, capped text into the model for near-valid hostile feeds', () => {
    fc.assert(
      fc.property(feedArb, feedUrlArb, (input, feedUrl) => {
        const result = normalizeFeed(input, feedUrl);
        expect(result.feed).not.toBeNull();
        checkResult(result);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads a feed in slices into the same model and warnings as at once, pausing after items only', async () => {
    await fc.assert(
      fc.asyncProperty(feedArb, feedUrlArb, async (input, feedUrl) => {
        let pauses = 0;
        // A clock that never moves and a zero budget: a pause after every item the reader looks at, and one before
        // the model is copied out.
        const sliced = await normalizeFeedInSlices(
          input,
          feedUrl,
          async () => void pauses++,
          0,
          () => 0,
        );
        expect(sliced).toEqual(normalizeFeed(input, feedUrl));
        const { items } = input as { items: unknown[] };
        expect(pauses).toBe(Math.min(items.length, LIMITS.maxItems * 2) + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('exercised many surviving items and URLs', () => {
    stats.urls = 0;
    stats.items = 0;
    fc.assert(
      fc.property(feedArb, feedUrlArb, (input, feedUrl) => checkResult(normalizeFeed(input, feedUrl))),
      { numRuns: 500, seed: 42 },
    );
    expect(stats.items).toBeGreaterThan(500);
    expect(stats.urls).toBeGreaterThan(1000);
  });

  it('the checker itself catches an unsafe URL, so the properties above can fail', () => {
    expect(() => check({ items: [{ image: { url: 'javascript:alert(1)' } }] }, 'feed')).toThrow(
      /protocol javascript:/,
    );
    expect(() => check({ avatar: '//evil.example/x' }, 'feed')).toThrow(/does not parse/);
    expect(() => check({ title: 'a\u0000b' }, 'feed')).toThrow(/control character/);
  });
});

describe('helper properties', () => {
  it('safeUrl returns undefined or a canonical http(s) URL, for any input and base', () => {
    fc.assert(
      fc.property(
        fc.oneof(urlish, fc.string({ unit: 'binary' })),
        fc.option(fc.oneof(fc.webUrl(), hostileUrl), { nil: undefined }),
        (raw, base) => {
          const url = safeUrl(raw, base);
          if (url !== undefined) assertSafeUrl(url, 'safeUrl');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('cleanText output is trimmed, control-free and at most max code points', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.anything()), fc.integer({ min: 0, max: 400 }), (raw, max) => {
        assertText(cleanText(raw, max), max, 'cleanText');
      }),
      { numRuns: RUNS },
    );
  });

  it('htmlToText never shows what is inside a script, style or comment', () => {
    const noMarkup = fc.string().map((s) => s.replace(/[<>]/g, ''));
    const wrapper = fc.constantFrom(
      (x: string) => `<script>${x}</script>`,
      (x: string) => `<SCRIPT type="module">${x}</script >`,
      (x: string) => `<style>${x}</style>`,
      (x: string) => `<!--${x}-->`,
      (x: string) => `<template><p>${x}</p></template>`,
      (x: string) => `<svg><text>${x}</text></svg>`,
      (x: string) => `<iframe srcdoc="${x}">${x}</iframe>`,
    );
    fc.assert(
      fc.property(noMarkup, noMarkup, wrapper, (before, after, wrap) => {
        const out = htmlToText(`${before}${wrap('SECRET-MARKER')}${after}`);
        expect(out).not.toContain('SECRET-MARKER');
      }),
      { numRuns: RUNS },
    );
  });

  it('parseDate returns undefined or an ISO UTC string in 1970–2200 that round-trips through Date', () => {
    fc.assert(
      fc.property(fc.oneof(dateish, fc.string()), (raw) => {
        const iso = parseDate(raw);
        if (iso === undefined) return;
        const year = Number(ISO.exec(iso)?.[1]);
        expect(year >= 1970 && year <= 2200).toBe(true);
        expect(new Date(iso).toISOString()).toBe(iso);
      }),
      { numRuns: RUNS },
    );
  });

  it('parseDate reads back any in-range instant written as RFC 3339 or RFC 1123', () => {
    const instant = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2200-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        expect(parseDate(d.toISOString())).toBe(d.toISOString());
        const seconds = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
        expect(parseDate(d.toUTCString())).toBe(seconds);
      }),
      { numRuns: RUNS },
    );
  });
});
