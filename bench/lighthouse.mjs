/**
 * Lighthouse (mobile: its default emulation and simulated throttling) on the article page with all four widgets
 * (test/article-page.mjs, the page the layout-shift suite loads), four ways: plain tags drawn by the standalone
 * bundle, server-rendered snippets hydrated by it, plain tags drawn and server-rendered snippets hydrated through the
 * autoloader; and, as the floor, the page with no script at all. Prints the performance score, Total Blocking Time and the other lab metrics,
 * median of RUNS; writes JSON with --json. Run after a build, on a quiet machine (TBT counts the main thread's long
 * tasks, which a busy machine lengthens):
 *
 *   npm run build && npm run bench:lighthouse [-- --json out.json]
 *
 * BENCH_RUNS sets the number of runs (3), BENCH_PAGES a comma-separated list of the pages to run (all five).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { renderWidget } from '../dist/ssr/index.js';
import { ARTICLE_CSS, articlePage, plainTags, renderedTags } from '../test/article-page.mjs';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';
import { startFaultServer } from '../test/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS) || 3;
/** BENCH_PAGES=loader.html,plain.html runs only those pages. */
const PAGES = process.env.BENCH_PAGES?.split(',') ?? [
  'bare.html',
  'plain.html',
  'rendered.html',
  'loader.html',
  'rendered-loader.html',
];
const { values } = parseArgs({ options: { json: { type: 'string' } } });

// Compressed, as any host serves a page and its scripts: uncompressed, the 98 KB bundle and the 113 KB
// server-rendered page took most of Lighthouse's simulated 1.6 Mbps link, and FCP and LCP measured that.
const server = await startFaultServer({ compress: true });
const feed = JSON.parse(readFileSync(resolve(ROOT, 'demo/public/sample-feed.json'), 'utf8'));
const bundle = '<script type="module" src="/dist/wire-widgets.js"></script>';
server.add('/article.css', ARTICLE_CSS, { 'content-type': 'text/css' });
server.add(
  '/plain.html',
  articlePage(
    plainTags('/sample-feed.json'),
    `<link rel="stylesheet" href="/dist/wire-widgets.css">${bundle}`,
  ),
);
server.add('/rendered.html', articlePage(await renderedTags(renderWidget, feed, `${server.url}/`), bundle));
// The same page without the library (its tags never defined): the floor of TBT on this machine, as Lighthouse's 4x
// throttling multiplies whatever else the machine is doing while the page loads.
server.add('/bare.html', articlePage(plainTags('/sample-feed.json'), ''));
// The same plain tags through the autoloader: each element's chunk is evaluated in a task of its own.
server.add(
  '/loader.html',
  articlePage(
    plainTags('/sample-feed.json'),
    '<link rel="stylesheet" href="/dist/wire-widgets.css">' +
      '<script type="module" src="/dist/wire-widgets.loader.js"></script>',
  ),
);

// The server-rendered snippets hydrated through the autoloader: the hydrate support first, then each element's chunk.
server.add(
  '/rendered-loader.html',
  articlePage(
    await renderedTags(renderWidget, feed, `${server.url}/`),
    '<script type="module" src="/dist/wire-widgets.loader.js"></script>',
  ),
);

const METRICS = [
  ['score', (lhr) => lhr.categories.performance.score],
  ['TBT ms', (lhr) => lhr.audits['total-blocking-time'].numericValue],
  ['CLS', (lhr) => lhr.audits['cumulative-layout-shift'].numericValue],
  ['FCP ms', (lhr) => lhr.audits['first-contentful-paint'].numericValue],
  ['LCP ms', (lhr) => lhr.audits['largest-contentful-paint'].numericValue],
  ['SI ms', (lhr) => lhr.audits['speed-index'].numericValue],
];
/**
 * The main thread's long tasks of one run (Lighthouse's `long-tasks` audit, durations as throttled), with the
 * script each is attributed to: what TBT is made of.
 */
const longTasks = (lhr) =>
  (lhr.audits['long-tasks']?.details?.items ?? []).map((task) => ({
    ms: Math.round(task.duration),
    at: Math.round(task.startTime),
    url: String(task.url).replace(server.url, ''),
  }));
/**
 * The longest main-thread task in which one of the library's modules is evaluated (elements defined, the page's
 * widgets upgraded), in ms as the trace observed it, unthrottled: the task this library owns outright, and one a
 * busy machine disturbs less than TBT, which Lighthouse derives from every task of the page. The standalone bundle
 * is one module; the autoloader's chunks are evaluated as they arrive.
 */
function bundleTask(events) {
  const evaluations = events.filter((event) => event.name === 'v8.evaluateModule' && event.ph === 'X');
  if (!evaluations.length) return NaN;
  const taskOf = (evaluation) =>
    events.find(
      (event) =>
        event.name === 'RunTask' &&
        event.ph === 'X' &&
        event.pid === evaluation.pid &&
        event.tid === evaluation.tid &&
        event.ts <= evaluation.ts &&
        event.ts + event.dur >= evaluation.ts + evaluation.dur,
    ) ?? evaluation;
  return Math.max(...evaluations.map((evaluation) => taskOf(evaluation).dur / 1000));
}
const tasks = {};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const chrome = await chromeLauncher.launch({
  chromePath: chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});
const results = {};
let version = '';
try {
  for (const page of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const { lhr, artifacts } = await lighthouse(`${server.url}/${page}`, {
        port: chrome.port,
        onlyCategories: ['performance'],
        logLevel: 'error',
      });
      version = lhr.lighthouseVersion;
      if (lhr.runtimeError) throw new Error(`${page}: ${lhr.runtimeError.message}`);
      runs.push({
        ...Object.fromEntries(METRICS.map(([name, read]) => [name, read(lhr)])),
        'bundle ms': bundleTask(artifacts.Trace.traceEvents),
      });
      if (run === 0) tasks[page] = longTasks(lhr);
    }
    results[page] = Object.fromEntries(
      [...METRICS.map(([name]) => name), 'bundle ms'].map((name) => [
        name,
        median(runs.map((run) => run[name])),
      ]),
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}

console.log(`Lighthouse ${version} mobile, article page with four widgets, median of ${RUNS}\n`);
const COLUMNS = [...METRICS.map(([name]) => name), 'bundle ms'];
console.log('page'.padEnd(16), ...COLUMNS.map((name) => name.padStart(9)));
for (const [page, row] of Object.entries(results))
  console.log(
    page.padEnd(16),
    ...COLUMNS.map((name) =>
      (Number.isNaN(row[name])
        ? '-'
        : name === 'score' || name === 'CLS'
          ? row[name].toFixed(3)
          : Math.round(row[name]).toString()
      ).padStart(9),
    ),
  );
console.log(
  '\nbundle ms: the longest task that evaluates the bundle or a chunk (defines, upgrades), as the trace observed ' +
    'it, unthrottled.',
);
for (const [page, list] of Object.entries(tasks))
  console.log(
    `\n${page} long tasks of the first run (throttled ms at ms):`,
    list.map((task) => `${task.ms} at ${task.at} ${task.url}`).join('; ') || 'none',
  );
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
