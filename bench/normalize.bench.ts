/**
 * How fast the normaliser reads feeds: the largest real feed in the shared corpus (when present) and a
 * synthetic feed at the item cap with galleries. Run with `npm run bench`; figures are ops/s and mean time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bench, describe } from 'vitest';
import { normalizeFeed } from '../src/feed/normalize.js';
import { rawFeed, rawItem } from '../test/fixtures.js';

const corpus = resolve(process.cwd(), '../shared/corpus/feeds');
const realFeeds = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((name) => name.endsWith('.json') && !name.includes('partial'))
      .map((name) => ({ name, json: JSON.parse(readFileSync(join(corpus, name), 'utf8')) as unknown }))
  : [];

const photo = (n: number) => ({
  url: `https://img.example/${n}.jpg`,
  width: 1600,
  height: 1067,
  alt: `Photo ${n}`,
  caption: `Caption &amp; more for photo ${n}`,
  credit_text: '© Sputnik',
  srcset: [640, 1280, 1600].map((width) => ({ url: `https://img.example/${n}-${width}.jpg`, width })),
});
const big = rawFeed(
  Array.from({ length: 500 }, (_, n) =>
    rawItem(`item-${n}`, {
      content_html: `<p>${'Word &amp; word '.repeat(200)}</p><script>alert(1)</script>`,
      tags: ['Russia', 'World', `tag-${n % 7}`],
      _wire: { section: 'World', gallery: Array.from({ length: 8 }, (__, k) => photo(n * 8 + k)) },
    }),
  ),
);

describe('normalizeFeed', () => {
  bench('synthetic: 500 items, 8-photo galleries, 1 KB HTML each', () => {
    normalizeFeed(big, 'https://news.example/feed.json');
  });
  for (const { name, json } of realFeeds) {
    bench(`corpus: ${name}`, () => {
      normalizeFeed(json, 'https://news.example/feed.json');
    });
  }
});
