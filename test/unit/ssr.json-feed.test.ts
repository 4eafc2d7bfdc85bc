import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { toJsonFeed } from '../../src/ssr/json-feed.js';
import type { Feed } from '../../src/feed/types.js';
import { nearValidFeed } from '../hostile/arbitraries.js';

/** `feed` without the raw `content_html`, which a snippet never carries (only `<wire-story>` shows it). */
const withoutBody = (feed: Feed): Feed => ({
  ...feed,
  items: feed.items.map((item) => ({ ...item, contentHtml: '' })),
});

const sample = JSON.parse(readFileSync('demo/public/sample-feed.json', 'utf8')) as unknown;

describe('toJsonFeed', () => {
  it('writes a feed the reader reads back to the same model', () => {
    const feed = normalizeFeed(sample, 'https://news.example/feed.json').feed!;
    expect(feed.items.length).toBeGreaterThan(1);
    const again = normalizeFeed(JSON.parse(JSON.stringify(toJsonFeed(feed))) as unknown);
    expect(again.warnings).toEqual([]);
    expect(again.feed).toEqual(withoutBody(feed));
  });
});

describe('toJsonFeed on near-valid and hostile feeds', () => {
  it('round-trips every feed the reader accepts', () => {
    fc.assert(
      fc.property(nearValidFeed(fc.constant('https://news.example/counts')), (raw) => {
        const feed = normalizeFeed(raw, 'https://news.example/feed.json').feed;
        if (!feed) return;
        const text = JSON.stringify(toJsonFeed(feed));
        expect(normalizeFeed(JSON.parse(text) as unknown).feed).toEqual(withoutBody(feed));
      }),
      { numRuns: 300 },
    );
  });
});
