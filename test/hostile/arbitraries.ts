/**
 * fast-check arbitraries for the fuzz suite: any JSON-ish value, and near-valid feeds in which every field the
 * widgets read is sometimes right, sometimes the wrong type, sometimes hostile. The normaliser's own properties
 * live in test/unit/normalize.property.test.ts; these drive whole widgets.
 */
import fc from 'fast-check';
import { OWN_TEXT_PAYLOADS, OWN_URL_PAYLOADS } from './payloads.js';

const hostile = fc.constantFrom(...OWN_TEXT_PAYLOADS, ...OWN_URL_PAYLOADS);
/** Anything a JSON parser (or a page setting `.feed`) can hand over, kept small. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: junk },
);

const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('/a.jpg', 'b/c.jpg', '//cdn.news.example/d.jpg', '?q=1', '#x', ''),
  },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: junk },
);

const ids = fc.constantFrom('a', 'b', 'c');
const id = fc.oneof(
  { weight: 6, arbitrary: ids },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: text },
);
const date = fc.oneof(
  fc
    .date({ min: new Date('1960-01-01'), max: new Date('2250-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('Fri, 15 Sep 2023 06:03:00 GMT', '2023-09-15', '2023-09-15T06:03', 'yesterday'),
  text,
);
const dimension = fc.oneof(fc.integer({ min: -10, max: 30_000 }), fc.double(), junk);
const language = fc.oneof(
  fc.constantFrom('en', 'ru', 'ar', 'he', 'ja', 'en_US', 'NULL', 'zh-Hant-TW', 'x'),
  text,
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: junk });

const photoRecord = fc.record(
  {
    url,
    width: dimension,
    height: dimension,
    alt: text,
    caption: text,
    credit_text: text,
    creator: fc.oneof(text, fc.record({ name: text }), fc.array(text, { maxLength: 3 })),
    copyright_notice: text,
    license: url,
    acquire_license_page: url,
    permalink: url,
    srcset: maybe(fc.array(fc.record({ url, width: dimension }), { maxLength: 4 })),
  },
  { requiredKeys: [] },
);
const photo = fc.oneof({ weight: 5, arbitrary: photoRecord }, { weight: 1, arbitrary: url });

const author = fc.record({ name: text, url, avatar: url }, { requiredKeys: [] });
const story = fc.record(
  { id, url, title: text, section: text, image: photo, date_published: date },
  { requiredKeys: [] },
);

const wire = fc.record(
  {
    kicker: text,
    section: text,
    dateline: text,
    image: photo,
    gallery: maybe(fc.array(photo, { maxLength: 5 })),
    related: maybe(fc.array(fc.oneof(ids, story), { maxLength: 4 })),
    comments: maybe(
      fc.record(
        {
          count: fc.oneof(fc.nat(100_000), dimension),
          url,
          status: fc.oneof(fc.constantFrom('open', 'closed', 'disabled'), text),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

const item = fc.record(
  {
    id,
    url,
    external_url: url,
    title: text,
    summary: text,
    content_text: text,
    content_html: fc.oneof(text, fc.constantFrom('<p>Body <b>text</b></p><script>window.__pwned=1</script>')),
    image: url,
    banner_image: url,
    date_published: date,
    date_modified: date,
    authors: maybe(fc.array(author, { maxLength: 3 })),
    author,
    tags: fc.oneof(fc.array(text, { maxLength: 4 }), text),
    language,
    _wire: maybe(wire),
  },
  { requiredKeys: [] },
);

/** Near-valid feeds: the right shape with random, wrong-typed or hostile values in every field. */
export function nearValidFeed(countUrl: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      version: fc.oneof(
        fc.constantFrom(
          'https://jsonfeed.org/version/1.1',
          'https://jsonfeed.org/version/1',
          'http://jsonfeed.org/version/1',
        ),
        text,
      ),
      title: text,
      home_page_url: url,
      feed_url: url,
      description: text,
      icon: url,
      language,
      authors: maybe(fc.array(author, { maxLength: 2 })),
      items: fc.oneof(
        { weight: 8, arbitrary: fc.array(maybe(item), { maxLength: 5 }) },
        { weight: 1, arbitrary: junk },
      ),
      _wire: maybe(
        fc.record(
          {
            publisher: maybe(fc.record({ name: text, url, logo: url }, { requiredKeys: [] })),
            comments: maybe(
              fc.record({ login_url: url, register_url: url, count_url: countUrl }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['items'] },
  );
}

/** What a page may set as `.feed`: any value at all, except the "no feed" ones (which leave the widget idle). */
export const anyFeedValue = fc.anything({ maxDepth: 4, withNullPrototype: true }).filter(Boolean);

/** The `item` a widget is asked for: one the feed may have, or none (the first item). */
export const itemChoice = fc.option(ids, { nil: undefined });
