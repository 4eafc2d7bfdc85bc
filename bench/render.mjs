/**
 * Render benchmarks for the built standalone bundle (dist/wire-widgets.js) in headless system Chromium:
 *
 *   1. the demo-like page: one <wire-feed src> with a hero card, a gallery, a related list and a comment prompt;
 *   2. 100 <wire-article-card>s on one feed URL (each with its own `src`, then all inside one <wire-feed>),
 *      with the number of feed requests the server saw (must be 1);
 *   3. a gallery of 200 photos given as a `feed` property: first render, image requests at start, next-photo step;
 *   4. bundle bytes, raw and gzip -9.
 *
 * Normaliser throughput is `npm run bench` (bench/normalize.bench.ts). Run after a build:
 *   npx vite build --logLevel warn && node bench/render.mjs
 *
 * Times come from performance.now() inside the page, so Playwright's round trips are not in them. Every run gets
 * a fresh browser context (no HTTP or module cache); the server sends `cache-control: no-store`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';
import { startFaultServer } from '../test/server.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = resolve(ROOT, 'dist/wire-widgets.js');
const CHUNKS = resolve(ROOT, 'dist/wire-widgets');
const FEED_URL = '/demo/public/sample-feed.json';

const RUNS = Number(process.env.BENCH_RUNS) || 7;
const WARMUP = 1;
/**
 * The whole script gives up after this long, closing the browser and server first. Per run, and generous: on a
 * busy 2-core machine one run of the four pages has taken over a minute.
 */
const DEADLINE_MS = 90_000 * (RUNS + WARMUP);
/** One page's wait for its widgets. */
const PAGE_TIMEOUT_MS = 15_000;
/** Network quiet time after which the gallery's image requests are counted. */
const IDLE_MS = 1_000;
const GALLERY_PHOTOS = 200;
const GALLERY_STEPS = 50;
const CARDS = 100;

/** Sample-feed ids (demo/public/sample-feed.json); the first has a gallery, related stories and comments. */
const IDS = [
  'kim-jong-un-komsomolsk-on-amur',
  'pacific-fleet-sea-of-japan',
  'putin-kim-talks',
  'vostochny-cosmodrome-explainer',
  'eastern-economic-forum-opens',
  'japan-h2a-slim-launch',
];
const SEED = IDS[0];

// ---------------------------------------------------------------------------------------------------------------
// Pages

/**
 * Three module scripts, which run in document order once the page is parsed: the first records the start, the
 * second is the bundle (fetched while the page parsed, so the start is at most the tail of its download before
 * it is evaluated), the third runs the scenario (window.__bench, installed by the init script below).
 */
const pageHtml = (body, scenario) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>wire-widgets render bench</title>
<script type="module">window.__t0 = performance.now();</script>
<script type="module" src="/dist/wire-widgets.js"></script>
<script type="module">window.__bench.${scenario};</script>
</head>
<body>
${body}
</body>
</html>`;

const DEMO_BODY = `<wire-feed src="${FEED_URL}">
  <main>
    <wire-article-card item="${SEED}" layout="hero" heading-level="1"></wire-article-card>
    <wire-photo-gallery item="${SEED}"></wire-photo-gallery>
    <wire-related-story related-to="${SEED}" limit="3"></wire-related-story>
    <wire-comment-prompt item="${SEED}"></wire-comment-prompt>
  </main>
</wire-feed>`;

const cards = (src) =>
  Array.from(
    { length: CARDS },
    (_, i) =>
      `<wire-article-card${src ? ` src="${src}"` : ''} item="${IDS[i % IDS.length]}"></wire-article-card>`,
  ).join('\n');

const PAGES = {
  '/bench/demo.html': pageHtml(DEMO_BODY, 'measureAll()'),
  '/bench/cards-src.html': pageHtml(`<main>${cards(FEED_URL)}</main>`, 'measureAll()'),
  '/bench/cards-feed.html': pageHtml(
    `<wire-feed src="${FEED_URL}"><main>${cards()}</main></wire-feed>`,
    'measureAll()',
  ),
  '/bench/gallery.html': pageHtml('<main id="host"></main>', `gallery(${GALLERY_PHOTOS})`),
};

/**
 * Runs in every page before its own scripts (Playwright's init script). Serialised into the page, so it may use
 * only what it defines itself.
 */
function installBench() {
  /** What each widget shows once its feed is in: the element that says it has rendered. */
  const READY = {
    'wire-article-card': '[part~="headline"]',
    'wire-related-story': '[part~="headline"]',
    'wire-photo-gallery': '[part~="gallery"] img[part~="image"]',
    'wire-comment-prompt': '[part~="message"]',
  };
  const errors = [];
  document.addEventListener('wire-feed-error', (event) =>
    errors.push(`<${event.target.localName}> wire-feed-error ${JSON.stringify(event.detail)}`),
  );

  /** Resolves on the next wire-feed-load/-error anywhere in the page, or after 20 ms at the latest. */
  const wake = () =>
    new Promise((woken) => {
      const done = () => {
        document.removeEventListener('wire-feed-load', done);
        document.removeEventListener('wire-feed-error', done);
        clearTimeout(timer);
        woken();
      };
      document.addEventListener('wire-feed-load', done);
      document.addEventListener('wire-feed-error', done);
      const timer = setTimeout(done, 20);
    });

  /** performance.now() once every element has finished updating and shows its content. */
  const rendered = async (elements) => {
    for (;;) {
      await Promise.all(elements.map((el) => el.updateComplete));
      if (errors.length) throw new Error(errors.join('; '));
      if (elements.every((el) => el.shadowRoot?.querySelector(READY[el.localName]))) return performance.now();
      await wake();
    }
  };

  const finish = (promise) =>
    promise.then(
      (result) => (window.__result = { ok: true, ...result }),
      (error) => (window.__result = { ok: false, error: String(error?.stack ?? error) }),
    );

  window.__bench = {
    /** Every widget on the page, from the first module script (just before the bundle's) to the last render. */
    measureAll() {
      const elements = [...document.querySelectorAll(Object.keys(READY).join(','))];
      finish(
        rendered(elements).then((end) => ({
          widgets: elements.length,
          ms: end - window.__t0,
          sinceNavigation: end,
        })),
      );
    },

    /** A gallery of `count` photos given as a `feed` property: the time from creating it to its first render. */
    gallery(count) {
      const gallery = Array.from({ length: count }, (_, i) => ({
        url: `/images/gallery-su35-flight.svg?n=${i + 1}`,
        width: 800,
        height: 1000,
        alt: `Illustration ${i + 1}: a fighter jet climbing into a blue sky`,
        caption: `Photo ${i + 1} of ${count} from the demonstration flight.`,
        credit_text: '© Sample Wire',
        creator: 'Sample Wire photo service',
      }));
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Gallery bench',
        items: [
          { id: 'bench-gallery', url: '/bench/gallery', title: 'Two hundred photos', _wire: { gallery } },
        ],
      };
      const start = performance.now();
      const el = document.createElement('wire-photo-gallery');
      el.feed = feed;
      el.item = 'bench-gallery';
      document.getElementById('host').append(el);
      finish(rendered([el]).then((end) => ({ ms: end - start })));
    },

    /** `steps` calls of show(next), each timed until the gallery has updated (its updated() included). */
    async step(steps) {
      const el = document.querySelector('wire-photo-gallery');
      const times = [];
      for (let i = 1; i <= steps; i++) {
        const start = performance.now();
        el.show(el.current + 1);
        await el.updateComplete;
        times.push(performance.now() - start);
      }
      if (el.current !== steps) throw new Error(`gallery is on photo ${el.current}, expected ${steps}`);
      return times;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

/** Rejects after `ms` with `what` in the message. */
const within = (promise, ms, what) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what}: no result after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

/** Opens `path` in a fresh context, waits for its scenario's result and hands the page to `after`. */
async function visit(browser, server, path, after) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  try {
    await context.addInitScript(installBench);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    server.reset();
    // The page reports its own times; no need to wait for its load event here.
    await page.goto(server.url + path, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__result, null, { timeout: PAGE_TIMEOUT_MS });
    const result = await handle.jsonValue();
    if (!result.ok) throw new Error(`${path}: ${result.error}`);
    const extra = after ? await after(page) : {};
    if (problems.length) throw new Error(`${path}:\n  ${problems.join('\n  ')}`);
    return { ...result, ...extra };
  } finally {
    await context.close();
  }
}

/** WARMUP discarded runs, then RUNS measured ones. */
async function repeat(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await fn());
  return results;
}

const feedRequests = (server) => server.requests().filter((r) => r.path === FEED_URL).length;

/** Waits until the server has seen no request for IDLE_MS, then returns the image requests so far. */
async function imagesWhenIdle(server) {
  for (;;) {
    const log = server.requests();
    const quiet = performance.now() - (log.at(-1)?.at ?? 0);
    if (quiet >= IDLE_MS) return log.filter((r) => r.path.startsWith('/images/'));
    await new Promise((wait) => setTimeout(wait, IDLE_MS - quiet + 5));
  }
}

/** The table rows, and `failures` for results that are wrong rather than slow. */
async function measure(browser, server) {
  const rows = [];
  const failures = [];
  /** A row of the median, min and max of `key` over `runs`. */
  const add = (label, runs, key, unit = 'ms', digits = 1) => {
    const values = runs.map((run) => run[key]);
    rows.push(stats(`   ${label}`, values, unit, digits));
  };

  const demo = await repeat(() => visit(browser, server, '/bench/demo.html'));
  const count = demo[0].widgets;
  rows.push(['1. Demo page: <wire-feed src> with hero card, gallery, related list, comment prompt']);
  add(`module scripts start → ${count} widgets rendered`, demo, 'ms');
  add(`navigation start → ${count} widgets rendered`, demo, 'sinceNavigation');

  for (const [label, path] of [
    [`2. ${CARDS} <wire-article-card>s, each with src= the same feed`, '/bench/cards-src.html'],
    [`   ${CARDS} <wire-article-card>s inside one <wire-feed src>`, '/bench/cards-feed.html'],
  ]) {
    const runs = await repeat(() =>
      visit(browser, server, path, async () => ({ feedRequests: feedRequests(server) })),
    );
    if (runs[0].widgets !== CARDS) throw new Error(`${path}: found ${runs[0].widgets} widgets, not ${CARDS}`);
    rows.push([label]);
    add(`module scripts start → ${CARDS} cards rendered`, runs, 'ms');
    add('feed requests (must be 1)', runs, 'feedRequests', '', 0);
    const counts = runs.map((run) => run.feedRequests);
    if (counts.some((n) => n !== 1)) failures.push(`${path}: feed requests per run: ${counts.join(', ')}`);
  }

  const gallery = await repeat(() =>
    visit(browser, server, '/bench/gallery.html', async (page) => {
      const images = await imagesWhenIdle(server);
      const times = await within(
        page.evaluate((steps) => window.__bench.step(steps), GALLERY_STEPS),
        PAGE_TIMEOUT_MS,
        'gallery steps',
      );
      return {
        images: images.length,
        stepMean: times.reduce((a, b) => a + b, 0) / times.length,
        stepMax: Math.max(...times),
      };
    }),
  );
  rows.push([`3. <wire-photo-gallery> with ${GALLERY_PHOTOS} photos (feed property)`]);
  add('create → first render', gallery, 'ms');
  add(`image requests at start (after ${IDLE_MS} ms idle)`, gallery, 'images', '', 0);
  add(`next-photo step: mean of ${GALLERY_STEPS} show() calls`, gallery, 'stepMean');
  add(`next-photo step: slowest of ${GALLERY_STEPS}`, gallery, 'stepMax');
  return { rows, failures };
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** [label, median, min, max] formatted with `digits` decimals and `unit`. */
function stats(label, values, unit, digits = 1) {
  const f = (n) => `${n.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
  return [label, f(median(values)), f(Math.min(...values)), f(Math.max(...values))];
}

function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (row) =>
    row.length === 1
      ? row[0]
      : row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (bytes) => `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KiB)`;

function bundleRows() {
  const files = [
    BUNDLE,
    ...(existsSync(CHUNKS)
      ? readdirSync(CHUNKS)
          .filter((name) => name.endsWith('.js'))
          .sort()
          .map((name) => join(CHUNKS, name))
      : []),
  ];
  let raw = 0;
  let gzip = 0;
  const rows = files.map((file) => {
    const bytes = readFileSync(file);
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    return [file.slice(ROOT.length + 1), kb(bytes.length), kb(zipped)];
  });
  rows.push(['total', kb(raw), kb(gzip)]);
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Main

async function main() {
  if (!existsSync(BUNDLE)) {
    console.error(
      'bench/render.mjs: dist/wire-widgets.js is missing; build it first: npx vite build --logLevel warn',
    );
    return 1;
  }
  const started = performance.now();
  let server;
  let browser;
  let deadline;
  try {
    server = await startFaultServer();
    for (const [path, html] of Object.entries(PAGES)) server.add(path, html);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    const { rows, failures } = await Promise.race([
      measure(browser, server),
      new Promise((_, fail) => {
        deadline = setTimeout(() => fail(new Error(`gave up after ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
      }),
    ]);
    console.log(
      `wire-widgets render bench: Chromium ${browser.version()}, ${RUNS} runs each after ${WARMUP} warm-up, ` +
        `fresh context per run\n`,
    );
    console.log(table(['Render (times from performance.now() in the page)', 'median', 'min', 'max'], rows));
    console.log();
    console.log(table(['Bundle', 'bytes', 'gzip -9'], bundleRows()));
    console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const failure of failures) console.error(`bench/render.mjs: ${failure}`);
    return failures.length ? 1 : 0;
  } catch (error) {
    console.error(`bench/render.mjs failed: ${error?.stack ?? error}`);
    return 1;
  } finally {
    clearTimeout(deadline);
    await browser?.close().catch(() => {});
    await server?.close();
  }
}

process.exitCode = await main();
