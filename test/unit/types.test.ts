/**
 * Type-level checks, proved by `tsc --noEmit` (the `expectTypeOf` calls do nothing at run time): the raw feed
 * a user writes has its own type, every widget's `feed` takes it or a normalised feed, and no name the package
 * exports is both a class and a type.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { JsonFeed, JsonFeedItem, WirePhotoObject } from '../../src/feed/json-feed.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { Feed, FeedErrorReason, FeedItem, NormalizeResult, Photo } from '../../src/feed/types.js';
import type { WireFeedElement } from '../../src/shared/wire-element.js';

describe('types', () => {
  it('types every widget feed property as the raw JSON Feed or a normalised one', () => {
    expectTypeOf<WireFeedElement['feed']>().toEqualTypeOf<JsonFeed | Feed | undefined>();
  });

  it('describes the raw feed in snake case, as published, and refuses model names in it', () => {
    const feed: JsonFeed = {
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: 'https://news.example/',
      items: [
        {
          id: '1',
          content_html: '<p>Text</p>',
          date_published: '2024-05-01T10:00:00Z',
          tags: 'a,b',
          _wire: {
            image: { credit_text: '© Sputnik' },
            gallery: ['https://x.example/a.jpg'],
            related: ['2'],
          },
        },
      ],
      _wire: { comments: { count_url: 'https://news.example/counts' } },
    };
    expectTypeOf(feed).toMatchTypeOf<JsonFeed>();
    expectTypeOf<JsonFeedItem>().toHaveProperty('content_html');
    expectTypeOf<WirePhotoObject>().toHaveProperty('credit_text');
    // @ts-expect-error the model's camelCase name is not a field of the raw feed
    const wrong: JsonFeedItem = { contentHtml: '<p>x</p>' };
    expect(wrong).toBeDefined();
  });

  it('keeps normalizeFeed tolerant of any input and typed on its output', () => {
    expectTypeOf(normalizeFeed).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(normalizeFeed).returns.toEqualTypeOf<NormalizeResult>();
    expectTypeOf<NormalizeResult['feed']>().toEqualTypeOf<Feed | null>();
    expectTypeOf<FeedItem['image']>().toEqualTypeOf<Photo | undefined>();
    expectTypeOf<'too-large'>().toMatchTypeOf<FeedErrorReason>();
    // The run-time half: a camelCase model field in the input is not read as the raw one.
    const { feed } = normalizeFeed({ items: [{ id: '1', contentText: 'ignored words' }] });
    expect(feed?.items[0]?.wordCount).toBe(0);
  });

  it('exports no name that is both a class and a type', () => {
    const source = (path: string) => readFileSync(new URL(`../../src/${path}`, import.meta.url), 'utf8');
    const index = source('index.ts');
    const values = [...index.matchAll(/^export \{([^}]+)\} from '\.\/(.+)';$/gm)].flatMap(([, names]) =>
      names!.split(',').map((name) => name.trim()),
    );
    const classes = values.filter((name) => /^[A-Z]/.test(name));
    const types = [...index.matchAll(/^export type \* from '\.\/(.+)\.js';$/gm)].flatMap(([, path]) =>
      [...source(`${path}.ts`).matchAll(/^export (?:interface|type) (\w+)/gm)].map(([, name]) => name!),
    );
    expect(classes).toContain('WireFeed');
    expect(types).toContain('JsonFeed');
    expect(types).toContain('Feed');
    expect(classes.filter((name) => types.includes(name))).toEqual([]);
  });
});
