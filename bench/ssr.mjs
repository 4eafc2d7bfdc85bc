/**
 * What a server-rendered snippet costs: `npm run bench:ssr` (after `npm run build`). Renders each widget from the
 * bundled sample feed with `renderWidget` from `dist/ssr/`, as a site's server would, and prints the median time
 * per snippet and its size. Figures, not assertions.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderWidget } from '../dist/ssr/index.js';

const feed = JSON.parse(readFileSync(new URL('../demo/public/sample-feed.json', import.meta.url), 'utf8'));
const SEED = 'kim-jong-un-komsomolsk-on-amur';
const RUNS = Number(process.env.BENCH_RUNS) || 200;
const base = 'https://news.example/';

const cases = [
  ['article-card (hero)', { widget: 'article-card', item: SEED, attributes: { layout: 'hero' } }],
  [
    'article-card (compact)',
    { widget: 'article-card', item: 'putin-kim-talks', attributes: { layout: 'compact' } },
  ],
  ['related-story (list of 3)', { widget: 'related-story', attributes: { 'related-to': SEED, limit: '3' } }],
  ['photo-gallery', { widget: 'photo-gallery', item: SEED }],
  ['comment-prompt', { widget: 'comment-prompt', item: SEED, attributes: { 'return-url': base } }],
];

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

console.log(`renderWidget in Node ${process.version}, median of ${RUNS} after 20 warm-up renders\n`);
console.log('snippet'.padEnd(28), 'ms'.padStart(8), 'bytes'.padStart(9));
for (const [name, options] of cases) {
  const render = () => renderWidget(feed, { ...options, baseUrl: base });
  for (let i = 0; i < 20; i++) await render();
  const times = [];
  let html = '';
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    html = await render();
    times.push(performance.now() - start);
  }
  console.log(name.padEnd(28), median(times).toFixed(2).padStart(8), String(html.length).padStart(9));
}
