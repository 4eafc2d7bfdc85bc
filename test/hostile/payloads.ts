/**
 * Hostile strings and the feeds that carry them. The corpus (DOMPurify's fixtures and the Big List of Naughty
 * Strings, read from ../shared/corpus by the suites) is joined with our own cases below: mutation XSS, SVG,
 * `srcset` and obfuscated URLs. Every payload that could run script sets the tripwire `window.__pwned`, so a
 * suite only has to look at one global. Plain data, no DOM: the e2e suites use it in Node.
 */

/** Markup that must come out as text: a widget showing it as bold (or at all as an element) rendered HTML. */
export const LITERAL = '<b id="wire-literal">wire literal</b>';

export const OWN_TEXT_PAYLOADS: string[] = [
  LITERAL,
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"></animate></svg>',
  '<svg><a xlink:href="javascript:window.__pwned=1"><text x="20" y="20">x</text></a></svg>',
  '<svg><use href="data:image/svg+xml,&lt;svg id=%22x%22 onload=%22window.__pwned=1%22/&gt;#x"></use></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<svg></p><style><a id="</style><img src=1 onerror=window.__pwned=1>">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__pwned=1>',
  '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<embed src="javascript:window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<details open ontoggle="window.__pwned=1">',
  '<video><source onerror="window.__pwned=1"></video>',
  '<style>@import "javascript:window.__pwned=1";</style>',
  '<div style="background:url(javascript:window.__pwned=1)">',
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg/onload=window.__pwned=1>",
  '</textarea><script>window.__pwned=1</script>',
  '--><script>window.__pwned=1</script><!--',
  ']]><script>window.__pwned=1</script>',
  '${window.__pwned=1}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '<!--?lit$123456$-->',
  '&lt;img src=x onerror=window.__pwned=1&gt;',
  '&amp;lt;script&amp;gt;window.__pwned=1&amp;lt;/script&amp;gt;',
  '\u202eevil\u202c \u200b\u200d\ufeff',
  '\ud800 lone surrogate \udfff',
  'x'.repeat(5000),
];

/** URLs that must never reach an `href`, `src` or `srcset` as anything but http(s). */
export const OWN_URL_PAYLOADS: string[] = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'java\nscript:window.__pwned=1',
  'java\rscript:window.__pwned=1',
  '\u0000javascript:window.__pwned=1',
  '\u0001\u0002javascript:window.__pwned=1',
  '\u2028javascript:window.__pwned=1',
  '&#106;avascript:window.__pwned=1',
  '&#x6A;avascript:window.__pwned=1',
  'javascript&colon;window.__pwned=1',
  'jav&#x09;ascript:window.__pwned=1',
  'javascript://%0Awindow.__pwned=1',
  'javascript:/**/window.__pwned=1//https://news.example/',
  'JAVASCRIPT:window.__pwned=1',
  'vbscript:msgbox(1)',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'data:image/svg+xml,<svg onload="window.__pwned=1"/>',
  'DaTa:text/html,x',
  'blob:https://news.example/0b5c',
  'file:///etc/passwd',
  'filesystem:https://news.example/temporary/x',
  'about:blank',
  'ftp://news.example/x',
  'ws://news.example/socket',
  'mailto:x@news.example',
  'jar:https://news.example/x.jar!/',
  'view-source:https://news.example/',
  'chrome://settings',
  'javascript:alert(1) 1x',
  'https://news.example/a.jpg 1x, javascript:window.__pwned=1 2x',
  'https://news.example/a.jpg,javascript:window.__pwned=1',
  'https://news.example/a.jpg 640w, data:text/html,x 1280w',
  '//evil.example/protocol-relative',
  '\\\\evil.example\\backslashes',
  '/\\evil.example/mixed',
  'https://user:pass@news.example/credentials',
  'https://news.example/"><img src=x onerror=window.__pwned=1>',
  "https://news.example/'onmouseover='window.__pwned=1",
  'https://news.example/ javascript:window.__pwned=1',
  'https://xn--80ak6aa92e.com/',
  'https://news.example/' + 'a'.repeat(3000),
  'http://[::1]/',
  'https://0x7f.1/',
];

/** Every hostile string, each once, in a stable order: ours first, then the corpus. */
export function hostileStrings(corpus: string[]): string[] {
  return [...new Set([...OWN_TEXT_PAYLOADS, ...OWN_URL_PAYLOADS, ...corpus])];
}

/** The corpus files as the fault server serves them (relative to ../shared/corpus). */
export const CORPUS_XSS = {
  dompurify: 'xss/cure53_DOMPurify__test_fixtures_expect.json',
  naughty: 'xss/minimaxir_big-list-of-naughty-strings__blns.json',
} as const;

/** The strings of the two corpus files: DOMPurify's `payload`s and the naughty strings. */
export function corpusStrings(dompurify: unknown, naughty: unknown): string[] {
  const out: string[] = [];
  if (Array.isArray(dompurify))
    for (const entry of dompurify) {
      const payload = (entry as { payload?: unknown }).payload;
      if (typeof payload === 'string') out.push(payload);
    }
  if (Array.isArray(naughty)) for (const s of naughty) if (typeof s === 'string') out.push(s);
  return out;
}

type Json = Record<string, unknown>;

/**
 * Text fields of an item, as [name, setter] pairs. A field number `j` puts string `(i + j·stride) mod n` into
 * item `i`, so across n items every string lands in every field exactly once.
 */
const ITEM_FIELDS: [string, (item: Json, wire: Json, value: string, i: number) => void][] = [
  ['title', (item, _w, v) => (item.title = v)],
  ['summary', (item, _w, v, i) => (i % 3 === 0 ? (item.content_html = v) : (item.summary = v))],
  ['content_text', (item, _w, v) => (item.content_text = v)],
  ['date_published', (item, _w, v) => (item.date_published = v)],
  ['language', (item, _w, v) => (item.language = v)],
  ['tags', (item, _w, v) => (item.tags = [v, `${v} 2`, 'plain'])],
  ['author.name', (item, _w, v) => ((item.authors as Json[])[0]!.name = v)],
  ['author2.name', (item, _w, v) => ((item.authors as Json[])[1]!.name = v)],
  ['kicker', (_i, wire, v) => (wire.kicker = v)],
  ['section', (_i, wire, v) => (wire.section = v)],
  ['dateline', (_i, wire, v) => (wire.dateline = v)],
  ['image.alt', (_i, wire, v) => (photo(wire.image).alt = v)],
  ['image.caption', (_i, wire, v) => (photo(wire.image).caption = v)],
  ['image.credit_text', (_i, wire, v, i) => (i % 2 ? (photo(wire.image).credit_text = v) : undefined)],
  ['image.creator', (_i, wire, v) => (photo(wire.image).creator = v)],
  ['image.copyright_notice', (_i, wire, v) => (photo(wire.image).copyright_notice = v)],
  ['gallery.caption', (_i, wire, v) => (gallery(wire, 0).caption = v)],
  ['gallery.alt', (_i, wire, v) => (gallery(wire, 0).alt = v)],
  ['gallery.credit_text', (_i, wire, v) => (gallery(wire, 1).credit_text = v)],
  ['gallery.creator', (_i, wire, v) => (gallery(wire, 1).creator = v)],
  ['gallery.copyright_notice', (_i, wire, v) => (gallery(wire, 2).copyright_notice = v)],
  ['related.title', (_i, wire, v) => (story(wire).title = v)],
  ['related.section', (_i, wire, v) => (story(wire).section = v)],
  ['related.id', (_i, wire, v) => (story(wire).id = v)],
  ['related.date_published', (_i, wire, v) => (story(wire).date_published = v)],
  ['related.image.credit_text', (_i, wire, v) => (photo(story(wire).image).credit_text = v)],
  // URL fields: every hostile string is tried as a URL too.
  ['url', (item, _w, v, i) => (i % 4 ? (item.url = v) : undefined)],
  ['external_url', (item, _w, v) => (item.external_url = v)],
  ['image', (item, _w, v) => (item.image = v)],
  ['banner_image', (item, _w, v) => (item.banner_image = v)],
  ['author.url', (item, _w, v) => ((item.authors as Json[])[0]!.url = v)],
  ['author.avatar', (item, _w, v) => ((item.authors as Json[])[0]!.avatar = v)],
  ['image.url', (_i, wire, v, i) => (i % 2 ? (photo(wire.image).url = v) : undefined)],
  ['image.srcset', (_i, wire, v) => (photo(wire.image).srcset = [{ url: v, width: 320 }, ...SAFE_SRCSET])],
  ['image.license', (_i, wire, v) => (photo(wire.image).license = v)],
  ['image.acquire_license_page', (_i, wire, v) => (photo(wire.image).acquire_license_page = v)],
  ['image.permalink', (_i, wire, v) => (photo(wire.image).permalink = v)],
  ['gallery.url', (_i, wire, v) => (gallery(wire, 0).url = v)],
  ['gallery.srcset', (_i, wire, v) => (gallery(wire, 1).srcset = [{ url: v, width: 300 }, ...SAFE_SRCSET])],
  ['gallery.license', (_i, wire, v) => (gallery(wire, 2).license = v)],
  ['gallery.permalink', (_i, wire, v) => (gallery(wire, 2).permalink = v)],
  ['related.url', (_i, wire, v) => (story(wire).url = v)],
  ['related.image', (_i, wire, v) => (photo(story(wire).image).url = v)],
  ['comments.url', (_i, wire, v) => ((wire.comments as Json).url = v)],
];

/** Feed-level fields: one value per feed, so these are swept with many one-item feeds. */
const FEED_FIELDS: [string, (feed: Json, wire: Json, value: string) => void][] = [
  ['title', (feed, _w, v) => (feed.title = v)],
  ['description', (feed, _w, v) => (feed.description = v)],
  ['language', (feed, _w, v) => (feed.language = v)],
  ['authors.name', (feed, _w, v) => (feed.authors = [{ name: v, url: v, avatar: v }])],
  ['icon', (feed, _w, v) => (feed.icon = v)],
  ['favicon', (feed, _w, v) => (feed.favicon = v)],
  ['feed_url', (feed, _w, v) => (feed.feed_url = v)],
  ['publisher.name', (_f, wire, v) => ((wire.publisher as Json).name = v)],
  ['publisher.url', (_f, wire, v) => ((wire.publisher as Json).url = v)],
  ['publisher.logo', (_f, wire, v) => ((wire.publisher as Json).logo = v)],
  ['about', (_f, wire, v) => (wire.about = v)],
  ['comments.login_url', (_f, wire, v) => ((wire.comments as Json).login_url = v)],
  ['comments.register_url', (_f, wire, v) => ((wire.comments as Json).register_url = v)],
  ['comments.count_url', (_f, wire, v) => ((wire.comments as Json).count_url = v)],
];

export const ITEM_FIELD_NAMES = ITEM_FIELDS.map(([name]) => name);
export const FEED_FIELD_NAMES = FEED_FIELDS.map(([name]) => name);

const SAFE_SRCSET = [
  { url: 'https://img.news.example/a-640.jpg', width: 640 },
  { url: 'https://img.news.example/a-1280.jpg', width: 1280 },
];

function photo(value: unknown): Json {
  return value as Json;
}

function gallery(wire: Json, index: number): Json {
  return (wire.gallery as Json[])[index]!;
}

function story(wire: Json): Json {
  return (wire.related as Json[])[1] as Json;
}

function blankItem(i: number, base: string): { item: Json; wire: Json } {
  const image = (n: number) => ({
    url: `${base}img-${i}-${n}.svg`,
    width: 1200,
    height: 800,
    alt: 'alt',
    caption: 'caption',
    credit_text: '© Credit',
    creator: 'Creator',
    license: 'https://news.example/license',
  });
  const wire: Json = {
    image: image(0),
    gallery: [image(1), image(2), image(3)],
    related: [
      `h-${i + 1}`,
      { id: `r-${i}`, url: `https://news.example/r-${i}`, title: 'Related', image: image(4) },
    ],
    comments: {
      count: i % 5,
      url: `https://news.example/h-${i}#comments`,
      status: i % 7 ? 'open' : 'closed',
    },
  };
  const item: Json = {
    id: `h-${i}`,
    url: `https://news.example/h-${i}`,
    title: `Story ${i}`,
    tags: ['world'],
    authors: [{ name: 'Author' }, { name: 'Second' }],
    date_published: '2023-09-15T09:00:00Z',
    _wire: wire,
  };
  return { item, wire };
}

export interface HostileFeed {
  feed: Json;
  /** Ids of the feed's items, for widgets that show one item. */
  ids: string[];
}

/**
 * Feeds that together put every string into every item field: `strings.length` items, `perFeed` to a feed.
 * `base` is the feed's home page (relative hostile strings resolve against it; give a local server so they do
 * not reach the network).
 */
export function itemFieldFeeds(strings: string[], base: string, perFeed = 100): HostileFeed[] {
  const n = strings.length;
  const stride = Math.max(1, Math.floor(n / ITEM_FIELDS.length) + 1);
  const feeds: HostileFeed[] = [];
  for (let start = 0; start < n; start += perFeed) {
    const items: Json[] = [];
    for (let i = start; i < Math.min(n, start + perFeed); i++) {
      const { item, wire } = blankItem(i, base);
      ITEM_FIELDS.forEach(([, set], j) => set(item, wire, strings[(i + j * stride) % n]!, i));
      items.push(item);
    }
    feeds.push({
      feed: {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Hostile items',
        home_page_url: base,
        language: 'en',
        _wire: { comments: { login_url: `${base}login`, register_url: `${base}register` } },
        items,
      },
      ids: items.map((item) => String(item.id)),
    });
  }
  return feeds;
}

/** One feed per string, with the feed-level fields cycling through the strings. */
export function feedFieldFeeds(strings: string[], base: string): HostileFeed[] {
  const n = strings.length;
  const stride = Math.max(1, Math.floor(n / FEED_FIELDS.length) + 1);
  return strings.map((_, i) => {
    const { item } = blankItem(i, base);
    const wire: Json = { publisher: {}, comments: {} };
    const feed: Json = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile feed',
      home_page_url: base,
      items: [item],
      _wire: wire,
    };
    FEED_FIELDS.forEach(([, set], j) => set(feed, wire, strings[(i + j * stride) % n]!));
    return { feed, ids: [String(item.id)] };
  });
}
