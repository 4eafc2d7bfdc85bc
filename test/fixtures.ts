/**
 * Small raw JSON Feeds written for the project's own tests and stories: the one place they are defined (the
 * real-world corpus lives in ../shared/corpus, the demo's feed in demo/public/sample-feed.json).
 */
import type { Photo } from '../src/feed/types.js';

export interface RawItem {
  id?: string | number;
  url?: string;
  title?: string;
  [key: string]: unknown;
}

export function rawFeed(items: RawItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test Wire',
    home_page_url: 'https://news.example/',
    language: 'en',
    items,
    ...extra,
  };
}

export function rawItem(id: string, extra: Record<string, unknown> = {}): RawItem {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Story ${id}`,
    summary: `Summary of ${id}`,
    date_published: '2023-09-15T09:00:00Z',
    ...extra,
  };
}

/** What the test server (test/server.mjs) answers at /feed and its other feed routes: three stories. */
export function serverFeed(): Record<string, unknown> {
  return rawFeed([rawItem('one'), rawItem('two'), rawItem('three')]);
}

// Story states the sample feed does not have, shared by the stories and the tests that render them.

export function photo(file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: `/images/${file}`,
    width: 1280,
    height: 720,
    alt: 'Illustration: a rocket lifting off at night',
    caption: 'A rocket lifts off at night (illustration).',
    credit_text: '© Sputnik',
    creator: 'Sputnik photo service',
    license: 'https://news.example/licensing/editorial-use',
    ...extra,
  };
}

/** One-item feeds for the states the sample feed does not have; the tests render them too. */
export function oneItemFeed(item: Record<string, unknown>, language = 'en'): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Story states',
    home_page_url: 'https://news.example/',
    language,
    items: [
      { id: 'story', url: 'https://news.example/story', date_published: '2023-09-12T08:00:00Z', ...item },
    ],
  };
}

export const longTextFeed = oneItemFeed({
  title:
    'An Extraordinarily Long Headline About the Eastern Economic Forum in Vladivostok, Where Delegations From Dozens of Countries Discussed Ports, Pipelines, Railways, Fisheries, Tourism and the Future of Trade Across the Pacific Rim for Three Whole Days',
  summary:
    'Supercalifragilisticexpialidociouslylongunbrokenwordthatmustwrapinsteadofoverflowingthecard. The standfirst runs on for several sentences too, so that the card has to cut it after three lines rather than growing without end and pushing everything below it down the page.',
  content_text: 'word '.repeat(2400),
  image: '/images/pacific-fleet.svg',
  tags: ['Economy', 'Vladivostok', 'Trade', 'Ports', 'Asia-Pacific', 'Eastern Economic Forum'],
  authors: [{ name: 'Maria Longname-Extremelylongsurname' }, { name: 'Alex Sample' }],
  _wire: {
    kicker: 'Eastern Economic Forum — Special Report',
    image: photo('pacific-fleet.svg', { alt: 'Illustration: warships at sea', caption: '' }),
    comments: { count: 1204, status: 'open' },
  },
});

export const noTitleFeed = oneItemFeed({
  summary: 'A story published with no headline: the card leads with its standfirst instead.',
  _wire: { section: 'World' },
});

export const brokenImageFeed = oneItemFeed({
  title: 'The Picture for This Story Failed to Load',
  summary: 'A neutral placeholder stands in for the picture; the caption and credit stay readable.',
  image: '/images/does-not-exist.svg',
  _wire: { section: 'World', image: photo('does-not-exist.svg') },
});

export const linkPostFeed = oneItemFeed({
  title: 'Japan Publishes Its Lunar Lander Mission Plan',
  summary: 'A link post: the story is a page on another site.',
  external_url: 'https://space.example/slim-mission-plan',
  _wire: { section: 'Asia' },
});

/** A feed whose items differ only in their comments, for the counts the sample feed does not have. */
export function commentsFeed(counts: number[], language = 'en', status = 'open'): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Comment counts',
    home_page_url: 'https://news.example/',
    language,
    _wire: {
      comments: { login_url: 'https://news.example/login', register_url: 'https://news.example/register' },
    },
    items: counts.map((count) => ({
      id: `story-${count}`,
      url: `https://news.example/story-${count}`,
      title: `A story with ${count} comments`,
      _wire: { comments: { count, status } },
    })),
  };
}

const PICTURES = [
  'gallery-assembly-hall',
  'gallery-su35-flight',
  'gallery-delegation',
  'gallery-sj100-line',
  'gallery-su57-hangar',
  'gallery-airfield',
  'gallery-riverside',
];

/**
 * A raw JSON Feed with one item whose `_wire.gallery` is `photos`. Picture URLs are made absolute against the page,
 * so a test can serve them from `/demo/public/images/` and a story from `/images/`.
 */
export function galleryFeed(
  photos: Record<string, unknown>[],
  id = 'gallery-story',
): Record<string, unknown> {
  const absolute = (url: unknown) => (typeof url === 'string' ? new URL(url, location.href).href : url);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Gallery test wire',
    language: 'en',
    items: [
      {
        id,
        title: 'A story with photos',
        _wire: { gallery: photos.map((photo) => ({ ...photo, url: absolute(photo.url) })) },
      },
    ],
  };
}

/** `count` photos cycling through the bundled pictures, each with its own URL (`?n=`), credit and caption. */
export function manyPhotos(count: number, base = '/images/', query = ''): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    url: `${base}${PICTURES[i % PICTURES.length]}.svg?${query}n=${i + 1}`,
    width: i % PICTURES.length === 1 ? 800 : 1200,
    height: i % PICTURES.length === 1 ? 1000 : 800,
    alt: `Sample illustration ${i + 1}`,
    caption: `Photo number ${i + 1} of the sample set.`,
    credit_text: `© Agency ${(i % 3) + 1}`,
    creator: `Photographer ${(i % 5) + 1}`,
  }));
}

export const fullCredit: Photo = {
  url: '/images/kim-factory-1280.svg',
  width: 1280,
  height: 720,
  alt: '',
  caption: "North Korean Leader Kim Jong Un's visit to Russia's Komsomolsk-on-Amur, September 15, 2023.",
  creditText: '© Sputnik',
  creator: 'Staff photographer',
  copyrightNotice: '© Sputnik 2023',
  license: 'https://news.example/licensing/editorial',
  acquireLicensePage: 'https://news.example/licensing/buy?photo=kim-factory',
  srcset: [],
  usageTerms: '',
  syndication: true,
};

// Syndication rights (`_wire.rights`, `_wire.correction`, `_wire.source`, photo `syndication`): one item per state,
// with times an hour either side of `now`, so tests pass a driven clock and stories the real one.

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A note to partner desks that no reader may ever see: tests look for it in models and rendered text. */
export const EDNOTE = 'EDITORS: do not run before legal review';

/** The rights fixtures, as raw items, at reader time `now` (ms). */
export function rightsItems(now: number): RawItem[] {
  const pictured = (id: string, extra: Record<string, unknown> = {}): RawItem =>
    rawItem(id, {
      title: `Headline of ${id}`,
      image: `https://news.example/images/${id}.jpg`,
      tags: ['Rights'],
      _wire: {
        image: photo('kim-factory-1280.svg', { url: `https://news.example/images/${id}.jpg` }),
        comments: { status: 'open', count: 4 },
        ednote: EDNOTE,
        ...extra,
      },
    });
  return [
    pictured('usable', { related: ['embargoed', 'expired', 'withheld', 'canceled', 'corrected'] }),
    pictured('embargoed', { rights: { embargoed: iso(now + HOUR) } }),
    pictured('expired', { rights: { expires: iso(now - HOUR) } }),
    pictured('expiring', { rights: { expires: iso(now + HOUR) } }),
    pictured('withheld', { rights: { pubstatus: 'withheld' } }),
    pictured('canceled', { rights: { pubstatus: 'canceled' } }),
    pictured('corrected', {
      correction: { date: '2023-09-16T10:00:00Z', text: 'An earlier version misnamed the shipyard.' },
      source: { name: 'Example Agency', url: 'https://agency.example/' },
      rights: { copyright_holder: 'Example Agency', usage_terms: 'Editorial use only' },
    }),
    pictured('partner-only', {
      image: undefined,
      gallery: [
        photo('kim-factory-1280.svg', { alt: 'Shown to partners', caption: 'Syndicated photo.' }),
        photo('kim-factory-1280.svg', {
          alt: 'Own site only',
          caption: 'Licensed for the publisher only.',
          syndication: false,
          usage_terms: 'Not for syndication',
        }),
      ],
    }),
  ];
}

/** A feed holding every rights fixture, at reader time `now` (ms). */
export function rightsFeed(now: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return rawFeed(rightsItems(now), extra);
}

/**
 * `<wire-story>` in the states the sample feed does not have, at reader time `now` (ms): `story` (usable, a body with a
 * subheading, a quote and a credited photo), `embargoed`, `expired`, `withheld`, `canceled`, `corrected`,
 * `partner-only` (lead and body photo licensed to the publisher's own site) and `embed` (an iframe and a social post
 * in its body). Pictures live under `base`: a story passes its own origin, which serves demo/public.
 */
export function storyStatesFeed(now: number, base = 'https://news.example/'): Record<string, unknown> {
  const picture = (file: string, extra: Record<string, unknown> = {}) =>
    photo(file, { url: `${base}images/${file}`, ...extra });
  const body = (figure = 'gallery-assembly-hall.svg', more = '') =>
    `<p>The first paragraph of the story, as the partner's page shows it.</p>
<h2>What happened next</h2>
<p>A second paragraph, under a subheading.</p>
<blockquote><p>A quotation set off from the text.</p></blockquote>
<figure><img src="${base}images/${figure}" width="1200" height="800" alt="Illustration: fuselage sections in an assembly hall"><figcaption>The assembly hall.</figcaption></figure>${more}`;
  const story = (id: string, wire: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    rawItem(id, {
      title: `Headline of the ${id} story`,
      summary: `The standfirst of the ${id} story.`,
      content_html: body(),
      date_modified: '2023-09-15T12:00:00Z',
      authors: [{ name: 'Alex Sample' }],
      image: `${base}images/kim-factory-1280.svg`,
      ...extra,
      _wire: {
        kicker: 'World',
        dateline: 'Komsomolsk-on-Amur',
        image: picture('kim-factory-1280.svg', {
          alt: 'Illustration: a fighter jet in an assembly hall',
          caption: 'The lead photo.',
        }),
        gallery: [picture('gallery-assembly-hall.svg', { credit_text: '© Body Agency' })],
        source: { name: 'Example Agency', url: 'https://agency.example/' },
        ednote: EDNOTE,
        ...wire,
      },
    });
  return rawFeed(
    [
      story('story', { rights: { copyright_notice: '© 2023 Example Agency' } }),
      story('embargoed', { rights: { embargoed: iso(now + HOUR) } }),
      story('expired', { rights: { expires: iso(now - HOUR) } }),
      story('withheld', { rights: { pubstatus: 'withheld' } }),
      story('canceled', { rights: { pubstatus: 'canceled' } }),
      story('corrected', {
        correction: { date: '2023-09-16T10:00:00Z', text: 'An earlier version misnamed the shipyard.' },
        rights: { copyright_holder: 'Example Agency', usage_terms: 'Editorial use only' },
      }),
      story('partner-only', {
        image: picture('kim-factory-1280.svg', { syndication: false, usage_terms: 'Not for syndication' }),
        gallery: [picture('gallery-assembly-hall.svg', { syndication: false })],
      }),
      story(
        'embed',
        {},
        {
          content_html: body(
            'gallery-assembly-hall.svg',
            `<iframe src="${base}images/rocket-launch.svg" width="560" height="315"></iframe>
<blockquote class="twitter-tweet"><p>A post</p><a href="https://twitter.com/wire/status/1">link</a></blockquote>`,
          ),
        },
      ),
    ],
    { _wire: { publisher: { name: 'Test Wire' } } },
  );
}
