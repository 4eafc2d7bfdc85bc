import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIMITS, normalizeFeed, normalizeFeedInSlices } from '../../src/feed/normalize.js';
import type { Feed, FeedItem } from '../../src/feed/types.js';

const V1 = 'https://jsonfeed.org/version/1';
const V11 = 'https://jsonfeed.org/version/1.1';
const FEED_URL = 'https://news.example/feeds/world.json';

/** Normalises and insists that a feed came out, so tests can read its fields directly. */
function read(input: unknown, feedUrl: string | undefined = FEED_URL): { feed: Feed; warnings: string[] } {
  const { feed, warnings } = normalizeFeed(input, feedUrl);
  if (!feed) throw new Error(`expected a feed, got null: ${warnings.join('; ')}`);
  return { feed, warnings };
}

function one(item: Record<string, unknown>, extra: Record<string, unknown> = {}): FeedItem {
  const { feed } = read({ version: V11, home_page_url: 'https://news.example/', ...extra, items: [item] });
  const first = feed.items[0];
  if (!first) throw new Error('item was dropped');
  return first;
}

describe('normalizeFeed: is it a JSON Feed?', () => {
  it.each([
    ['null', null, 'null'],
    ['a number', 42, '42'],
    ['a string', '{"items":[]}', '"{\\"items\\":[]}"'],
    ['a boolean', true, 'true'],
    ['an array', [{ id: '1' }], 'an array'],
    ['undefined', undefined, 'undefined'],
  ])('rejects %s', (_, input, shown) => {
    const { feed, warnings } = normalizeFeed(input);
    expect(feed).toBeNull();
    expect(warnings).toEqual([`not a JSON Feed: ${shown}`]);
  });

  it('rejects RSS written out as JSON with a specific warning', () => {
    const { feed, warnings } = normalizeFeed({ rss: { version: '2.0', channel: { item: [] } } });
    expect(feed).toBeNull();
    expect(warnings).toEqual(['not a JSON Feed: RSS as JSON']);
  });

  it('rejects objects without an items array', () => {
    for (const input of [
      { version: V11, title: 'x' },
      { version: V11, items: {} },
      { version: V11, items: 'a' },
    ]) {
      const { feed, warnings } = normalizeFeed(input);
      expect(feed).toBeNull();
      expect(warnings).toEqual(['not a JSON Feed: no "items" array']);
    }
  });

  it('reads version 1 and 1.1, over http or https', () => {
    expect(read({ version: V1, items: [] }).feed.version).toBe('1');
    expect(read({ version: 'http://jsonfeed.org/version/1', items: [] }).feed.version).toBe('1');
    expect(read({ version: V11, items: [] }).feed.version).toBe('1.1');
    expect(read({ version: 'https://jsonfeed.org/version/1.1/', items: [] }).feed.version).toBe('1.1');
    expect(read({ version: V11, items: [] }).warnings).toEqual([]);
  });

  it('tolerates a missing or odd version but says so', () => {
    for (const version of [undefined, 'https://jsonfeed.org/version/2', '1.1', 11, null]) {
      const { feed, warnings } = read({ version, items: [] });
      expect(feed.version).toBe('1.1');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^version: not a JSON Feed version URL \(read as 1\.1\): /);
    }
  });

  it('returns an empty feed for an empty items array', () => {
    const { feed } = read({ version: V11, title: 'Empty', items: [] });
    expect(feed).toEqual({
      version: '1.1',
      title: 'Empty',
      description: '',
      authors: [],
      items: [],
      feedUrl: FEED_URL,
    });
  });
});

describe('normalizeFeed: feed fields', () => {
  it('reads the top-level fields into the model', () => {
    const { feed, warnings } = read({
      version: V11,
      title: 'World &amp; Europe',
      description: ' Latest  news\nfrom the desk ',
      home_page_url: 'https://news.example/world/',
      feed_url: 'https://news.example/feeds/world.json',
      icon: '/icon-512.png',
      favicon: 'favicon.ico',
      language: 'en-GB',
      authors: [{ name: 'The Desk', url: 'https://news.example/desk', avatar: '/desk.png' }],
      items: [],
    });
    expect(warnings).toEqual([]);
    expect(feed).toEqual({
      version: '1.1',
      title: 'World & Europe',
      description: 'Latest news from the desk',
      homePageUrl: 'https://news.example/world/',
      feedUrl: 'https://news.example/feeds/world.json',
      icon: 'https://news.example/icon-512.png',
      favicon: 'https://news.example/world/favicon.ico',
      language: 'en-GB',
      authors: [
        { name: 'The Desk', url: 'https://news.example/desk', avatar: 'https://news.example/desk.png' },
      ],
      items: [],
    });
  });

  it('prefers v1.1 authors to the v1 author, and falls back when authors names nobody', () => {
    const both = { version: V11, authors: [{ name: 'New' }], author: { name: 'Old' }, items: [] };
    expect(read(both).feed.authors).toEqual([{ name: 'New' }]);
    const emptyList = { version: V11, authors: [], author: { name: 'Old' }, items: [] };
    expect(read(emptyList).feed.authors).toEqual([{ name: 'Old' }]);
    const junkList = { version: V11, authors: [null, 3, {}], author: { name: 'Old' }, items: [] };
    expect(read(junkList).feed.authors).toEqual([{ name: 'Old' }]);
  });

  it('drops author URLs that are not http(s) but keeps the author', () => {
    const { feed, warnings } = read({
      version: V11,
      authors: [{ name: 'Ann', url: 'mailto:ann@news.example', avatar: 'javascript:alert(1)' }],
      items: [],
    });
    expect(feed.authors).toEqual([{ name: 'Ann' }]);
    expect(warnings).toEqual([
      'authors[0].url: not an http(s) URL: "mailto:ann@news.example"',
      'authors[0].avatar: not an http(s) URL: "javascript:alert(1)"',
    ]);
  });

  it('treats the feed language as a language tag or nothing', () => {
    expect(read({ version: V11, language: 'de_DE', items: [] }).feed.language).toBe('de-DE');
    const { feed, warnings } = read({ version: V11, language: '"><script>', items: [] });
    expect(feed.language).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^language: .*not a language tag/)]);
  });

  it('reads the _wire about, publisher and comments endpoints', () => {
    const { feed, warnings } = read({
      version: V11,
      home_page_url: 'https://news.example/',
      _wire: {
        about: 'https://wire-widgets.example/extension',
        publisher: { name: 'The Example Times', url: '/', logo: '/logo.svg' },
        comments: {
          login_url: '/login?next=comments',
          register_url: 'https://accounts.news.example/register',
          count_url: 'https://comments.news.example/count',
        },
      },
      items: [],
    });
    expect(warnings).toEqual([]);
    expect(feed.about).toBe('https://wire-widgets.example/extension');
    expect(feed.publisher).toEqual({
      name: 'The Example Times',
      url: 'https://news.example/',
      logo: 'https://news.example/logo.svg',
    });
    expect(feed.comments).toEqual({
      loginUrl: 'https://news.example/login?next=comments',
      registerUrl: 'https://accounts.news.example/register',
      countUrl: 'https://comments.news.example/count',
    });
  });

  it('leaves out _wire blocks that say nothing usable', () => {
    const { feed, warnings } = read({
      version: V11,
      _wire: { publisher: { logo: 'javascript:alert(1)' }, comments: { login_url: 'data:text/html,x' } },
      items: [],
    });
    expect(feed.publisher).toBeUndefined();
    expect(feed.comments).toBeUndefined();
    expect(warnings).toEqual([
      '_wire.publisher.logo: not an http(s) URL: "javascript:alert(1)"',
      '_wire.publisher: no name or URL; dropped',
      '_wire.comments.login_url: not an http(s) URL: "data:text/html,x"',
    ]);
  });

  it('ignores unknown extensions silently', () => {
    const { feed, warnings } = read({
      version: V11,
      _contoso: { about: 'javascript:alert(1)' },
      _rss: { x: 1 },
      items: [{ id: '1', _geo: { coordinates: [1, 2] }, _contoso: {} }],
    });
    expect(warnings).toEqual([]);
    expect(feed.items).toHaveLength(1);
    expect(JSON.stringify(feed)).not.toContain('contoso');
  });
});

describe('normalizeFeed: base URLs', () => {
  it('resolves item URLs against home_page_url, which resolves against the feed URL', () => {
    const { feed } = read(
      { version: V11, home_page_url: '/world/', items: [{ id: 'a', url: 'story-a', image: 'a.jpg' }] },
      'https://news.example/feeds/world.json',
    );
    expect(feed.homePageUrl).toBe('https://news.example/world/');
    expect(feed.items[0]?.url).toBe('https://news.example/world/story-a');
    // Item fields resolve against the item's own URL.
    expect(feed.items[0]?.image?.url).toBe('https://news.example/world/a.jpg');
  });

  it('resolves against the feed URL when there is no home page', () => {
    const { feed } = read(
      { version: V11, items: [{ id: 'a', url: '../story' }] },
      'https://news.example/feeds/x.json',
    );
    expect(feed.items[0]?.url).toBe('https://news.example/story');
  });

  it('drops relative URLs with a warning when there is nothing to resolve them against', () => {
    const { feed, warnings } = normalizeFeed({
      version: V11,
      items: [{ id: 'a', url: '/story', image: 'a.jpg' }],
    });
    expect(feed?.items[0]?.url).toBeUndefined();
    expect(feed?.items[0]?.image).toBeUndefined();
    expect(warnings).toEqual([
      'items[0].url: not an absolute URL: "/story"',
      'items[0].image: not an absolute URL: "a.jpg"',
    ]);
  });

  it('does not use a non-http feed URL as a base', () => {
    const { feed, warnings } = normalizeFeed(
      { version: V11, items: [{ id: 'a', url: 'x' }] },
      'javascript:alert(1)',
    );
    expect(feed?.items[0]?.url).toBeUndefined();
    expect(feed?.feedUrl).toBeUndefined();
    expect(warnings[0]).toBe('feed URL: not an http(s) URL: "javascript:alert(1)"');
  });

  it('falls back to the URL the feed was loaded from for feedUrl', () => {
    expect(read({ version: V11, items: [] }, 'https://news.example/f.json').feed.feedUrl).toBe(
      'https://news.example/f.json',
    );
    expect(normalizeFeed({ version: V11, items: [] }).feed?.feedUrl).toBeUndefined();
  });
});

describe('normalizeFeed: item ids', () => {
  it('turns numeric ids into strings', () => {
    expect(one({ id: 42 }).id).toBe('42');
    expect(one({ id: 0 }).id).toBe('0');
  });

  it('falls back to the canonical url when the id is missing, blank or not a string', () => {
    for (const id of [undefined, '', '  ', null, { x: 1 }, ['a']]) {
      expect(one({ id, url: '/2024/story' }).id).toBe('https://news.example/2024/story');
    }
  });

  it('skips items with neither id nor usable url, with a warning', () => {
    const { feed, warnings } = read({
      version: V11,
      items: [{ title: 'no id' }, { url: 'javascript:alert(1)' }, { id: 'ok' }],
    });
    expect(feed.items.map((i) => i.id)).toEqual(['ok']);
    expect(warnings).toEqual([
      'items[0]: no id or http(s) url; dropped (+1 more)',
      'items[1].url: not an http(s) URL: "javascript:alert(1)"',
    ]);
  });

  it('keeps the first of duplicate ids', () => {
    const { feed, warnings } = read({
      version: V11,
      items: [
        { id: 'a', title: 'First' },
        { id: 'a', title: 'Second' },
        { id: 'b', title: 'Third' },
      ],
    });
    expect(feed.items.map((i) => i.title)).toEqual(['First', 'Third']);
    expect(warnings).toEqual(['items[1]: duplicate id "a"; dropped']);
  });

  it('skips items that are not objects', () => {
    const { feed, warnings } = read({ version: V11, items: [null, 'x', 3, [], { id: 'ok' }] });
    expect(feed.items.map((i) => i.id)).toEqual(['ok']);
    expect(warnings).toEqual([
      'items[0]: not an object: null',
      'items[1]: not an object: "x"',
      'items[2]: not an object: 3',
      'items[3]: not an object: an array',
    ]);
  });
});

describe('normalizeFeed: item text', () => {
  it('decodes entities in titles but keeps tags as text', () => {
    expect(one({ id: '1', title: 'Die Rückkehr von <i> und <b>' }).title).toBe(
      'Die Rückkehr von <i> und <b>',
    );
    expect(one({ id: '1', title: 'Fish &amp; Chips &#8211; a &lt;b&gt;history&lt;/b&gt;' }).title).toBe(
      'Fish & Chips – a <b>history</b>',
    );
  });

  it('takes the summary, else the start of content_text, else the text of content_html', () => {
    const html = '<p>From <b>HTML</b></p><script>alert(1)</script>';
    expect(one({ id: '1', summary: 'Sum', content_text: 'Text', content_html: html }).summary).toBe('Sum');
    expect(one({ id: '1', summary: '  ', content_text: 'Text', content_html: html }).summary).toBe('Text');
    expect(one({ id: '1', content_html: html }).summary).toBe('From HTML');
    expect(one({ id: '1' }).summary).toBe('');
  });

  it('caps the summary and does not decode the HTML-derived text twice', () => {
    const long = one({ id: '1', content_text: 'word '.repeat(500) });
    expect([...long.summary].length).toBeLessThanOrEqual(LIMITS.summary);
    expect(long.summary.endsWith('word…')).toBe(true);
    expect(one({ id: '1', content_html: '<p>&amp;lt;b&amp;gt;</p>' }).summary).toBe('&lt;b&gt;');
  });

  it('counts words in content_text, else in the visible text of content_html', () => {
    expect(one({ id: '1', content_text: 'one two three', content_html: '<p>a b</p>' }).wordCount).toBe(3);
    expect(
      one({ id: '1', content_html: '<p>one <b>two</b></p><script>var a = b + c;</script>' }).wordCount,
    ).toBe(2);
    expect(one({ id: '1', summary: 'lots of words here' }).wordCount).toBe(0);
  });

  it('parses dates to UTC and warns about ones it cannot read', () => {
    const { feed, warnings } = read({
      version: V11,
      items: [
        {
          id: '1',
          date_published: 'Fri, 31 May 2019 12:17:58 -0700',
          date_modified: '2019-06-01T08:00:00+02:00',
        },
        { id: '2', date_published: 'last Tuesday', date_modified: 1559330278 },
      ],
    });
    expect(feed.items[0]?.datePublished).toBe('2019-05-31T19:17:58.000Z');
    expect(feed.items[0]?.dateModified).toBe('2019-06-01T06:00:00.000Z');
    expect(feed.items[1]?.datePublished).toBeUndefined();
    expect(feed.items[1]?.dateModified).toBeUndefined();
    expect(warnings).toEqual([
      'items[1].date_published: not an RFC 3339 or RFC 822 date: "last Tuesday"',
      'items[1].date_modified: not an RFC 3339 or RFC 822 date: 1559330278',
    ]);
  });

  it('dedupes and caps tags, and splits a comma-separated string', () => {
    expect(
      one({ id: '1', tags: ['Politics', 'politics', ' EU ', '', 7, null, 'a'.repeat(100)] }).tags,
    ).toEqual(['Politics', 'EU', '7', `${'a'.repeat(LIMITS.tag - 1)}…`]);
    expect(one({ id: '1', tags: 'workflow,omnifocus, siri shortcuts,' }).tags).toEqual([
      'workflow',
      'omnifocus',
      'siri shortcuts',
    ]);
    const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
    expect(one({ id: '1', tags: many }).tags).toEqual(many.slice(0, LIMITS.maxTags));
  });

  it('reads item authors before the item author before the feed authors', () => {
    const feedLevel = { authors: [{ name: 'Desk' }] };
    expect(one({ id: '1' }, feedLevel).authors).toEqual([{ name: 'Desk' }]);
    expect(one({ id: '1', author: { name: 'Old' } }, feedLevel).authors).toEqual([{ name: 'Old' }]);
    expect(one({ id: '1', author: { name: 'Old' }, authors: [{ name: 'New' }] }, feedLevel).authors).toEqual([
      { name: 'New' },
    ]);
  });

  it('caps authors', () => {
    const authors = Array.from({ length: 30 }, (_, i) => ({ name: `A${i}` }));
    expect(one({ id: '1', authors }).authors).toHaveLength(LIMITS.maxAuthors);
  });
});

/** A news item using every part of the `_wire` extension, written for these tests. */
const WIRE_ITEM = {
  id: 'https://news.example/2024/05/harbour-fire',
  url: '/2024/05/harbour-fire',
  external_url: 'https://partner.example/harbour',
  title: 'Fire at the harbour',
  summary: 'Crews fought the blaze through the night.',
  image: 'img/fire.jpg',
  banner_image: '/img/fire-wide.jpg',
  _wire: {
    kicker: 'Breaking',
    section: 'Local &amp; Regional',
    dateline: 'PORTSMOUTH',
    image: {
      url: 'https://cdn.news.example/fire-1200.jpg',
      width: 1200,
      height: 800,
      alt: 'Flames over the quay',
      caption: 'The fire seen from the ferry terminal.',
      credit_text: '© J. Doe / Example Agency',
      creator: { name: 'Jane Doe' },
      copyright_notice: '2024 Example Agency',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquire_license_page: '/licensing/fire',
      permalink: 'https://news.example/photos/fire',
      srcset: [
        { url: 'https://cdn.news.example/fire-1200.jpg', width: 1200 },
        { url: 'https://cdn.news.example/fire-400.jpg', width: 400 },
        { url: 'https://cdn.news.example/fire-800.jpg', width: 800 },
        { url: 'https://cdn.news.example/fire-800b.jpg', width: 800 },
        { url: 'javascript:alert(1)', width: 600 },
        { url: 'https://cdn.news.example/fire-0.jpg', width: 0 },
        { url: 'https://cdn.news.example/fire-x.jpg' },
      ],
    },
    gallery: [
      { url: 'g1.jpg', alt: 'One', credit_text: 'Reuters', width: 640, height: 427 },
      { url: 'data:image/png;base64,AAAA', alt: 'smuggled' },
      { alt: 'no url' },
      'https://cdn.news.example/g3.jpg',
      { url: 'https://cdn.news.example/g4.jpg', width: 20001, height: -5, creator: 'Ann Smith' },
    ],
    related: [
      'https://news.example/2024/05/harbour-fire-update',
      {
        id: 'ext-1',
        url: 'https://other.example/a',
        title: 'Elsewhere',
        image: '/thumb.jpg',
        section: 'World',
      },
      {
        url: 'https://other.example/b',
        date_published: '2024-05-02T10:00:00Z',
        image: { url: 'b.jpg', alt: 'B' },
      },
      { title: 'no id, no url' },
      'not-in-this-feed',
      'https://news.example/2024/05/harbour-fire-update',
    ],
    comments: { count: 12, url: '#comments', status: 'closed' },
  },
};

describe('normalizeFeed: the _wire extension', () => {
  const { feed, warnings } = read({
    version: V11,
    home_page_url: 'https://news.example/',
    items: [WIRE_ITEM, { id: 'https://news.example/2024/05/harbour-fire-update', title: 'Update' }],
  });
  const item = feed.items[0];

  it('reads labels as plain text', () => {
    expect(item?.kicker).toBe('Breaking');
    expect(item?.section).toBe('Local & Regional');
    expect(item?.dateline).toBe('PORTSMOUTH');
    expect(item?.url).toBe('https://news.example/2024/05/harbour-fire');
    expect(item?.externalUrl).toBe('https://partner.example/harbour');
    expect(item?.bannerImage).toBe('https://news.example/img/fire-wide.jpg');
  });

  it('describes the hero image with the PHOTO, whose own url wins', () => {
    expect(item?.image).toEqual({
      url: 'https://cdn.news.example/fire-1200.jpg',
      width: 1200,
      height: 800,
      alt: 'Flames over the quay',
      caption: 'The fire seen from the ferry terminal.',
      creditText: '© J. Doe / Example Agency',
      creator: 'Jane Doe',
      copyrightNotice: '2024 Example Agency',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      acquireLicensePage: 'https://news.example/licensing/fire',
      permalink: 'https://news.example/photos/fire',
      srcset: [
        { url: 'https://cdn.news.example/fire-400.jpg', width: 400 },
        { url: 'https://cdn.news.example/fire-800.jpg', width: 800 },
        { url: 'https://cdn.news.example/fire-1200.jpg', width: 1200 },
      ],
      usageTerms: '',
      syndication: true,
    });
    expect(warnings).toContain('items[0]._wire.image.srcset[4]: no http(s) url and width; dropped (+2 more)');
  });

  it('uses the item image when the PHOTO has no usable url', () => {
    const photo = { alt: 'Alt', url: 'javascript:alert(1)' };
    const hero = one({ id: '1', url: '/a/', image: 'p.jpg', _wire: { image: photo } }).image;
    expect(hero).toMatchObject({ url: 'https://news.example/a/p.jpg', alt: 'Alt', srcset: [] });
    expect(one({ id: '1', _wire: { image: { alt: 'Alt' } } }).image).toBeUndefined();
  });

  it('wraps a bare item image in an empty PHOTO', () => {
    expect(one({ id: '1', image: 'https://cdn.news.example/p.jpg' }).image).toEqual({
      url: 'https://cdn.news.example/p.jpg',
      alt: '',
      caption: '',
      creditText: '',
      creator: '',
      copyrightNotice: '',
      srcset: [],
      usageTerms: '',
      syndication: true,
    });
  });

  it('keeps gallery photos with a safe url and drops the rest', () => {
    expect(item?.gallery.map((p) => p.url)).toEqual([
      'https://news.example/2024/05/g1.jpg',
      'https://cdn.news.example/g3.jpg',
      'https://cdn.news.example/g4.jpg',
    ]);
    expect(item?.gallery[0]).toMatchObject({ alt: 'One', creditText: 'Reuters', width: 640, height: 427 });
    // Out-of-range sizes are dropped, not clamped: a wrong size would distort the reserved space.
    expect(item?.gallery[2]).toMatchObject({ creator: 'Ann Smith' });
    expect(item?.gallery[2]?.width).toBeUndefined();
    expect(item?.gallery[2]?.height).toBeUndefined();
    expect(JSON.stringify(item?.gallery)).not.toContain('smuggled');
  });

  it('reads related ids and stories, dropping unknown ids, duplicates and entries with neither id nor url', () => {
    expect(item?.related).toEqual([
      'https://news.example/2024/05/harbour-fire-update',
      {
        id: 'ext-1',
        url: 'https://other.example/a',
        title: 'Elsewhere',
        section: 'World',
        image: {
          url: 'https://other.example/thumb.jpg',
          alt: '',
          caption: '',
          creditText: '',
          creator: '',
          copyrightNotice: '',
          srcset: [],
          usageTerms: '',
          syndication: true,
        },
      },
      {
        id: 'https://other.example/b',
        url: 'https://other.example/b',
        title: '',
        section: '',
        datePublished: '2024-05-02T10:00:00.000Z',
        image: expect.objectContaining({ url: 'https://other.example/b.jpg', alt: 'B' }),
      },
    ]);
    expect(warnings).toContain('items[0]._wire.related[3]: no id or http(s) url; dropped');
    expect(warnings).toContain(
      'item "https://news.example/2024/05/harbour-fire": related id "not-in-this-feed" not in feed; dropped',
    );
  });

  it('reads comments, resolving the url against the item', () => {
    expect(item?.comments).toEqual({
      count: 12,
      url: 'https://news.example/2024/05/harbour-fire#comments',
      status: 'closed',
    });
  });

  it('defaults the comment status to open and refuses impossible counts', () => {
    for (const count of [-1, 1.5, '12', Number.MAX_SAFE_INTEGER + 2]) {
      expect(one({ id: '1', _wire: { comments: { count, status: 'maybe' } } }).comments).toEqual({
        status: 'open',
      });
    }
    // Only the exact strings: an array holding one (which `==` would match) is not a status.
    expect(one({ id: '1', _wire: { comments: { status: ['closed'] } } }).comments).toEqual({
      status: 'open',
    });
    expect(one({ id: '1', _wire: { comments: {} } }).comments).toEqual({ status: 'open' });
    expect(one({ id: '1', _wire: { comments: { count: 0, status: 'disabled' } } }).comments).toEqual({
      count: 0,
      status: 'disabled',
    });
    expect(one({ id: '1' }).comments).toBeUndefined();
  });

  it('accepts creator as a string, an object or a list', () => {
    const creator = (c: unknown): string | undefined =>
      one({ id: '1', _wire: { image: { url: 'https://cdn.news.example/p.jpg', creator: c } } }).image
        ?.creator;
    expect(creator('Ann')).toBe('Ann');
    expect(creator({ name: 'Ann &amp; Bob' })).toBe('Ann & Bob');
    expect(creator([{ name: 'Ann' }, 'Bob', 3, null])).toBe('Ann, Bob, 3');
    expect(creator({ nom: 'x' })).toBe('');
  });

  it('ignores a _wire that is not an object', () => {
    const { feed: f, warnings: w } = read({ version: V11, items: [{ id: '1', _wire: 'x' }], _wire: [1] });
    expect(f.items[0]).toMatchObject({ kicker: '', section: '', gallery: [], related: [] });
    expect(w).toEqual(['_wire: not an object: an array', 'items[0]._wire: not an object: "x"']);
  });
});

describe('normalizeFeed: limits', () => {
  it(`keeps at most ${LIMITS.maxItems} items and says so`, () => {
    const items = Array.from({ length: LIMITS.maxItems + 20 }, (_, i) => ({ id: String(i) }));
    const { feed, warnings } = read({ version: V11, items });
    expect(feed.items).toHaveLength(LIMITS.maxItems);
    expect(feed.items.at(-1)?.id).toBe(String(LIMITS.maxItems - 1));
    expect(warnings).toEqual([`items: more than ${LIMITS.maxItems}; rest dropped`]);
  });

  it('caps string lengths', () => {
    const item = one({
      id: '1',
      title: 'T'.repeat(5000),
      summary: 'S'.repeat(5000),
      _wire: {
        kicker: 'K'.repeat(500),
        image: { url: 'https://x.example/p.jpg', caption: 'C'.repeat(5000) },
      },
    });
    expect([...item.title]).toHaveLength(LIMITS.title);
    expect([...item.summary]).toHaveLength(LIMITS.summary);
    expect([...item.kicker]).toHaveLength(LIMITS.label);
    expect([...(item.image?.caption ?? '')]).toHaveLength(LIMITS.caption);
  });

  it('caps gallery, related and srcset', () => {
    const gallery = Array.from({ length: LIMITS.maxGallery + 5 }, (_, i) => `https://x.example/${i}.jpg`);
    const related = Array.from({ length: 80 }, (_, i) => ({ id: `r${i}` }));
    const srcset = Array.from({ length: 40 }, (_, i) => ({
      url: `https://x.example/${i}.jpg`,
      width: 100 + i,
    }));
    const item = one({
      id: '1',
      _wire: { gallery, related, image: { url: 'https://x.example/p.jpg', srcset } },
    });
    expect(item.gallery).toHaveLength(LIMITS.maxGallery);
    expect(item.related).toHaveLength(LIMITS.maxRelated);
    expect(item.image?.srcset).toHaveLength(LIMITS.maxSrcset);
    expect(item.image?.srcset[0]?.width).toBe(100);
  });

  it(`reports at most ${LIMITS.maxWarnings} warnings, folding repeats into one line`, () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ id: String(i), url: `javascript:alert(${i})` }));
    const { warnings } = read({ version: V11, items });
    expect(warnings).toHaveLength(LIMITS.maxWarnings);
    expect(warnings.at(-1)).toBe('201 more warnings omitted');

    const same = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      author: { url: 'mailto:a@b.example' },
    }));
    const folded = read({ version: V11, items: same }).warnings;
    expect(folded).toEqual([
      'items[0].author.url: not an http(s) URL: "mailto:a@b.example" (+299 more)',
      'items[0].author: no name or URL; dropped (+299 more)',
    ]);
  });
});

describe('normalizeFeed: hostile structure', () => {
  it('reads only own properties, so JSON keys like __proto__ cannot reach the prototype', () => {
    const input: unknown = JSON.parse(
      '{"__proto__": {"items": [{"id": "polluted"}]}, "constructor": {"title": 1}, "version": "https://jsonfeed.org/version/1.1"}',
    );
    expect(normalizeFeed(input).feed).toBeNull();
    const withItems: unknown = JSON.parse(
      '{"items": [{"__proto__": {"id": "x"}, "url": "https://a.example/"}]}',
    );
    expect(normalizeFeed(withItems).feed?.items[0]?.id).toBe('https://a.example/');
  });

  it('does not throw on deep nesting in any field', () => {
    let deep: unknown = 'https://x.example/';
    for (let i = 0; i < 10_000; i++) deep = i % 2 ? [deep] : { url: deep, name: deep, items: deep };
    const { feed } = normalizeFeed({
      version: V11,
      title: deep,
      items: [{ id: '1', _wire: deep, authors: deep }],
    });
    expect(feed?.items[0]?.id).toBe('1');
  });

  it('caps megabyte strings to their limits', () => {
    const big = '<p>&amp;'.repeat(300_000);
    const { feed } = read({
      version: V11,
      title: big,
      items: [{ id: '1', title: big, content_html: big, summary: big }],
    });
    expect([...feed.title]).toHaveLength(LIMITS.title);
    expect([...(feed.items[0]?.title ?? '')]).toHaveLength(LIMITS.title);
    expect([...(feed.items[0]?.summary ?? '')]).toHaveLength(LIMITS.summary);
    // One "&" per <p>, read only as far as the feed's tag budget.
    expect(feed.items[0]?.wordCount).toBe(0);
  });

  it('turns an exception inside the reader into a warning instead of throwing', () => {
    const trap = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap');
        },
      },
    );
    expect(normalizeFeed(trap)).toEqual({ feed: null, warnings: ['could not read the feed: trap'] });
  });
});

// ---------------------------------------------------------------------------------------------------------------
/** `entries` behind a proxy that counts how many of them were read. */
function counted<T>(entries: T[]): { list: T[]; read: () => number } {
  let read = 0;
  const list = new Proxy(entries, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) read++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, read: () => read };
}

describe('normalizeFeed: work is bounded by entries examined, not accepted', () => {
  it(`examines at most ${2 * LIMITS.maxItems} items of 140,000 copies of one item`, () => {
    const items = counted(Array.from({ length: 140_000 }, () => ({ id: 'same', title: 'Same story' })));
    const { feed, warnings } = read({ version: V11, items: items.list });
    expect(feed.items.map((i) => i.id)).toEqual(['same']);
    expect(items.read()).toBe(2 * LIMITS.maxItems);
    expect(warnings).toContain(`items: examined ${2 * LIMITS.maxItems} entries; rest dropped`);
  });

  it('reads in slices no more of 140,000 copies than at once, and pauses at most once per item examined', async () => {
    const items = counted(Array.from({ length: 140_000 }, () => ({ id: 'same', title: 'Same story' })));
    let pauses = 0;
    const { feed } = await normalizeFeedInSlices(
      { version: V11, items: items.list },
      FEED_URL,
      async () => void pauses++,
      0,
      () => 0,
    );
    expect(feed?.items.map((i) => i.id)).toEqual(['same']);
    expect(items.read()).toBe(2 * LIMITS.maxItems);
    // One after each item examined, one before the model is copied out.
    expect(pauses).toBe(2 * LIMITS.maxItems + 1);
  });

  it('reads in slices what is not a feed, and a feed that throws while read, as it does at once', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    const throwing = new Proxy({}, { get: boom, getOwnPropertyDescriptor: boom, has: boom, ownKeys: boom });
    const inputs: unknown[] = [
      null,
      'a string',
      [],
      { rss: { channel: {} } },
      { version: V11, items: 'not a list' },
      { version: V11, items: [{ id: 'a' }, { id: 'b' }, throwing, { id: 'c' }] },
    ];
    for (const input of inputs) {
      let clock = 0;
      const sliced = await normalizeFeedInSlices(
        input,
        FEED_URL,
        async () => {},
        1,
        () => clock++,
      );
      expect(sliced).toEqual(normalizeFeed(input, FEED_URL));
    }
    const { feed, warnings } = await normalizeFeedInSlices(
      inputs.at(-1),
      FEED_URL,
      async () => {},
      0,
      () => 0,
    );
    expect(feed).toBeNull();
    expect(warnings.at(-1)).toBe('could not read the feed: boom');
  });

  it(`examines at most ${2 * LIMITS.maxAuthors} of 1.5 million empty authors`, () => {
    const authors = counted(Array.from({ length: 1_500_000 }, () => ({})));
    const { feed, warnings } = read({ version: V11, items: [{ id: '1', authors: authors.list }] });
    expect(feed.items[0]?.authors).toEqual([]);
    expect(authors.read()).toBe(2 * LIMITS.maxAuthors);
    expect(warnings).toContain(`items[0].authors: examined ${2 * LIMITS.maxAuthors} entries; rest dropped`);
  });

  it('examines a bounded number of tags, gallery photos, related stories and srcset entries', () => {
    const junk = () => counted(Array.from({ length: 100_000 }, () => ({ nothing: true })));
    const [tags, gallery, related, srcset] = [junk(), junk(), junk(), junk()];
    const { feed } = read({
      version: V11,
      items: [
        {
          id: '1',
          image: 'https://x.example/a.jpg',
          tags: tags.list,
          _wire: { image: { srcset: srcset.list }, gallery: gallery.list, related: related.list },
        },
      ],
    });
    const item = feed.items[0]!;
    expect([item.tags, item.gallery, item.related, item.image?.srcset]).toEqual([[], [], [], []]);
    expect(tags.read()).toBe(2 * LIMITS.maxTags);
    expect(gallery.read()).toBe(2 * LIMITS.maxGallery);
    expect(related.read()).toBe(2 * LIMITS.maxRelated);
    expect(srcset.read()).toBe(8 * LIMITS.maxSrcset);
  });

  it('splits only the start of a 4.9 MB comma-separated tag string', () => {
    const { feed, warnings } = read({
      version: V11,
      items: [{ id: '1', tags: `${','.repeat(4_900_000)}late` }],
    });
    // "late" sits past the part that is split: it is never read.
    expect(feed.items[0]?.tags).toEqual([]);
    expect(warnings).toContain(`items[0].tags: examined ${2 * LIMITS.maxTags} entries; rest dropped`);
  });

  it(`reads at most ${LIMITS.htmlTags} tags of content_html in a whole feed`, () => {
    // A word after every tag: the word count is the number of tags read.
    const plain = '<p>w'.repeat(80_000);
    const counts = read({
      version: V11,
      items: [
        { id: '1', content_html: plain },
        { id: '2', content_html: plain },
        { id: '3', content_html: plain },
      ],
    }).feed.items.map((i) => i.wordCount);
    expect(counts).toEqual([80_000, 80_000, LIMITS.htmlTags - 160_000]);
  });
});

// Real feeds from the shared corpus (see ../shared/corpus/feeds/SOURCES.md). Read in place, never copied here.

const CORPUS = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/corpus/feeds');
const haveCorpus = existsSync(CORPUS);
if (!haveCorpus) console.warn(`[normalize.test] corpus not found at ${CORPUS}: real-feed tests skipped`);

function corpusJson(name: string): unknown {
  return JSON.parse(readFileSync(resolve(CORPUS, name), 'utf8'));
}

function corpusFeed(name: string, feedUrl?: string): { feed: Feed; warnings: string[] } {
  const { feed, warnings } = normalizeFeed(corpusJson(name), feedUrl);
  if (!feed) throw new Error(`${name}: no feed (${warnings.join('; ')})`);
  return { feed, warnings };
}

describe.skipIf(!haveCorpus)('normalizeFeed: real feeds from ../shared/corpus/feeds', () => {
  it('reads every valid feed in the corpus without null and with only http(s) URLs', () => {
    const names = readdirSync(CORPUS).filter(
      (n) => n.endsWith('.json') && !n.includes('ScriptingNews') && !n.includes('allthis-partial'),
    );
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const { feed, warnings } = corpusFeed(name);
      expect(feed.items.length, name).toBeGreaterThan(0);
      expect(warnings.length, name).toBeLessThanOrEqual(LIMITS.maxWarnings);
      for (const item of feed.items) {
        for (const url of [item.url, item.externalUrl, item.image?.url, item.bannerImage]) {
          if (url !== undefined) expect(url, name).toMatch(/^https?:\/\//);
        }
      }
    }
  });

  it('reads every feed in the corpus in slices into the same model and warnings as at once', async () => {
    // Every file JSON.parse reads (allthis-partial is cut off mid-string).
    const names = readdirSync(CORPUS).filter((n) => n.endsWith('.json') && !n.includes('allthis-partial'));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const raw = corpusJson(name);
      // A budget of a single clock reading: the reader pauses whenever the clock moved, here at every item.
      let clock = 0;
      const sliced = await normalizeFeedInSlices(
        raw,
        FEED_URL,
        async () => {},
        1,
        () => clock++,
      );
      expect(sliced, name).toEqual(normalizeFeed(raw, FEED_URL));
    }
  });

  it('3960: keeps the literal <i> und <b> title, reads the German feed and drops mailto author URLs', () => {
    const { feed, warnings } = corpusFeed('Ranchero-Software_RSParser__3960.json');
    expect(feed.version).toBe('1.1');
    expect(feed.language).toBe('de-DE');
    expect(feed.items).toHaveLength(20);
    expect(feed.items.map((i) => i.title)).toContain('Die Rückkehr von <i> und <b>');
    expect(feed.authors).toEqual([{ name: 'Frank Boës' }]);
    expect(feed.items.every((i) => i.image && i.bannerImage)).toBe(true);
    expect(feed.items[0]?.authors[0]).toEqual({
      name: 'Frank Boës',
      avatar: 'https://www.gravatar.com/avatar/71fcf51cf2ae9acdd54182d3e367ceca',
    });
    expect(warnings.some((w) => w.includes('not an http(s) URL: "mailto:info@3960.org"'))).toBe(true);
    // The summary is plain text that mentions tags; they stay as text.
    expect(feed.items.some((i) => i.summary.includes('<i>-, <b>- und <u>-Tags'))).toBe(true);
    // The third item has an empty summary and a body that is only a YouTube iframe (whose srcdoc holds a
    // <style> and an <a>), a comment and a tracking pixel: no visible text at all.
    const third = feed.items[2];
    expect(third?.title).toBe('Migrants');
    expect(third?.summary).toBe('');
    expect(third?.wordCount).toBe(0);
    expect(feed.items.filter((i) => i.summary !== '')).toHaveLength(19);
  });

  it('pxlnv: decodes numeric entities in titles and accepts the http version URL', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__pxlnv.json');
    expect(feed.version).toBe('1');
    const fcc = feed.items.find((i) => i.title.startsWith('FCC Says'));
    expect(fcc?.title).toBe(
      'FCC Says Releasing ‘Jokes’ It Wrote About Ajit Pai Colluding With Verizon Would ‘Harm’ Agency',
    );
    expect(feed.items.filter((i) => i.externalUrl)).toHaveLength(19);
    expect(feed.authors).toEqual([]);
    expect(feed.items[0]?.authors).toEqual([{ name: 'Nick Heer' }]);
  });

  it('rose: decodes &amp; and &#039; in titles, splits string tags, and keeps every item', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__rose.json');
    expect(feed.items).toHaveLength(84);
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('Workflow: Add Task & Sub Tasks To OmniFocus');
    expect(titles).toContain("Mac Power Users 418: I'm A Guest!");
    expect(titles).toContain('"Wireless" charging standardises');
    expect(titles.some((t) => t.includes('&amp;') || t.includes('&#'))).toBe(false);
    expect(feed.items[0]?.tags).toEqual(['workflow', 'omnifocus']);
    // content_text wins over content_html for the word count.
    expect(feed.items.every((i) => i.wordCount > 0)).toBe(true);
  });

  it('elastic: decodes the title, parses RFC 822 dates, falls back to url ids, resolves //avatars to https', () => {
    const { feed, warnings } = corpusFeed('feed-rs_feed-rs__jsonfeed_elastic_1.1.json');
    expect(feed.title).toBe('Blog – InfluxData');
    expect(feed.authors).toEqual([{ name: 'Fake Author 3' }, { name: 'Fake Author 4' }]);
    const [first, second, third] = feed.items;
    expect(first?.id).toBe(
      'https://www.influxdata.com/blog/influxdb-outperforms-graphite-in-time-series-data-metrics-benchmark',
    );
    expect(first?.datePublished).toBe('2019-05-31T19:17:58.000Z');
    expect(second?.datePublished).toBe('2018-02-06T13:34:12.000Z');
    expect(first?.authors[0]).toEqual({
      name: 'Chris Churilo',
      url: 'https://www.influxdata.com/blog/author/chrisc/',
      avatar:
        'https://images.ctfassets.net/o7xu9whrs0u9/7zDkE49kOljM6JiT78WHUM/654d83d364884bfbbc7353fc8484d25a/Chris-Churilo-1.jpg',
    });
    // v1.1 authors win over the disagreeing v1 author.
    expect(first?.authors.map((a) => a.name)).toEqual(['Chris Churilo', 'Fake Author 1']);
    expect(second?.authors.map((a) => a.name)).toEqual(['Chris Churilo']);
    expect(second?.language).toBe('en-AU');
    // Only url and title: id from url, feed authors, no date, no words.
    expect(third).toMatchObject({
      id: 'https://example.com/',
      title: 'Fake item',
      wordCount: 0,
      summary: '',
    });
    expect(third?.authors.map((a) => a.name)).toEqual(['Fake Author 3', 'Fake Author 4']);
    expect(third?.datePublished).toBeUndefined();
    expect(warnings.filter((w) => w.includes('id'))).toEqual([
      'items[0].id: no usable id; url used (+2 more)',
    ]);
  });

  it('authors.json: applies authors/author precedence at feed and item level', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__authors.json');
    const names = (i: number): string[] => feed.items[i]?.authors.map((a) => a.name) ?? [];
    expect(feed.authors.map((a) => a.name)).toEqual(['Root Author 1', 'Root Author 2']);
    expect(names(0)).toEqual(['Root Author 1', 'Root Author 2']);
    expect(names(1)).toEqual(['Legacy Item Author']);
    expect(names(2)).toEqual(['Item Author 1', 'Item Author 2']);
    expect(names(3)).toEqual(['Item Author 1', 'Item Author 2']);
    // No titles, no dates, empty HTML.
    expect(feed.items.every((i) => i.title === '' && i.summary === '' && i.wordCount === 0)).toBe(true);
    expect(feed.items.every((i) => i.datePublished === undefined)).toBe(true);
  });

  it('curt: reads zone-less dates as UTC and resolves relative URLs against the home page', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__curt.json');
    expect(feed.items[0]?.datePublished).toBe('2018-01-06T08:00:00.000Z');
    expect(feed.items.every((i) => i.datePublished?.endsWith(':00.000Z'))).toBe(true);
    expect(feed.authors).toEqual([
      {
        name: 'Curt Clifton',
        url: 'http://curtclifton.net/about',
        avatar: 'http://curtclifton.net/images/HeadShot.jpg',
      },
    ]);
    // Feed author stands in for the missing item authors.
    expect(feed.items[0]?.authors).toEqual(feed.authors);
    // The same feed with its item links made relative (in memory) resolves against its own home_page_url.
    const raw = corpusJson('Ranchero-Software_RSParser__curt.json') as { items: { url: string }[] };
    for (const item of raw.items) item.url = new URL(item.url).pathname;
    const relative = normalizeFeed(raw).feed;
    expect(relative?.items[0]?.url).toBe('http://curtclifton.net/twitter-quitter');
    expect(relative?.items.every((i) => i.url?.startsWith('http://curtclifton.net/'))).toBe(true);
  });

  it('DaringFireball: v1 author objects and link posts with external_url', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__DaringFireball.json');
    expect(feed.items).toHaveLength(48);
    expect(feed.authors).toEqual([{ name: 'John Gruber', url: 'https://twitter.com/gruber' }]);
    const links = feed.items.filter((i) => i.externalUrl && i.externalUrl !== i.url);
    expect(links).toHaveLength(42);
    expect(feed.items[0]?.title).toBe('The Talk Show: ‘I Do Like Throwing a Baby’');
  });

  it('allthis: the <script> in content_html never reaches the summary or the word count', () => {
    const { feed } = corpusFeed('Ranchero-Software_RSParser__allthis.json');
    expect(feed.title).toBe('And now it’s all this');
    expect(feed.authors).toEqual([]);
    for (const item of feed.items)
      expect(item.summary).not.toMatch(/<script|platform\.twitter\.com\/widgets/);
  });

  it('bitcoincash: only date_modified, raw & in HTML, and a crypto address as summary', () => {
    const { feed } = corpusFeed('JeremyEllingham_bitcoincashpodcast__public_feed.json');
    expect(feed.items.every((i) => i.datePublished === undefined && i.dateModified !== undefined)).toBe(true);
    expect(feed.items[0]?.title).toBe('Transaction Flippening & How Adoption Happens');
    expect(feed.items[0]?.summary).toBe('bitcoincash:qq9tztlr2cqnx5m4plvsm93kjl3kv003dgg6suppj6');
    expect(feed.items[0]?.wordCount).toBe(5);
  });

  it('jsonfeed-extension: ignores _contoso and attachments, keeps title-less items', () => {
    const { feed, warnings } = corpusFeed('Ranchero-Software_RSParser__jsonfeed-extension.json');
    expect(warnings).toEqual([]);
    expect(feed.items.map((i) => [i.id, i.title, i.summary])).toEqual([
      ['2', '', 'Second item.'],
      ['1', '', 'First item.'],
      ['0', '', 'Third item. Without an extension.'],
    ]);
    expect(feed.items[0]?.datePublished).toBe('2021-03-05T11:04:04.000Z');
  });

  it('ScriptingNews (RSS as JSON) is not a JSON Feed', () => {
    const { feed, warnings } = normalizeFeed(corpusJson('Ranchero-Software_RSParser__ScriptingNews.json'));
    expect(feed).toBeNull();
    expect(warnings).toEqual(['not a JSON Feed: RSS as JSON']);
  });

  it('allthis-partial is cut off mid-string: JSON.parse fails before normalizeFeed is reached', () => {
    const text = readFileSync(resolve(CORPUS, 'Ranchero-Software_RSParser__allthis-partial.json'), 'utf8');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });
});
