/**
 * What hostile feed bodies cost: `npm run bench:hostile`. For each shape of issue 10 it prints
 *
 *   - in Node: JSON.parse + normalizeFeed time (median of RUNS);
 *   - in headless system Chromium: the longest main-thread task (Long Tasks API, which sees tasks over 50 ms) while
 *     the page's loader fetches the body from a local server, the outcome, and for the endless body the JS heap
 *     before and after (garbage collected through the DevTools protocol).
 *
 * Shapes: a 388 KB gzip bomb that inflates to 400 MB, a 300 MB chunked body with no length, 140,000 copies of one
 * item, 1.5 million empty authors, a 4.9 MB string of commas as tags, 400,000 `<svg>` tags as content_html; and,
 * for comparison, a real feed as large as a feed may be (500 stories, 1.2 MB).
 * Figures, not assertions: the tests count what is bounded; this shows what it costs on this machine.
 * BENCH_PROFILE='svg soup' (any shape's name) also prints the functions with the most self time while it loads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../test/chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS) || 3;
const V11 = 'https://jsonfeed.org/version/1.1';

/** The feed layer and the hostile bodies, bundled once so Node and the page run the same code. */
async function bundle() {
  const dir = mkdtempSync(join(tmpdir(), 'wire-hostile-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: dir,
      minify: false,
      target: 'esnext',
      lib: {
        entry: {
          loader: resolve(ROOT, 'src/feed/loader.ts'),
          normalize: resolve(ROOT, 'src/feed/normalize.ts'),
          bodies: resolve(ROOT, 'test/hostile/bodies.ts'),
        },
        formats: ['es'],
      },
      rollupOptions: { external: [/^node:/] },
    },
  });
  return dir;
}

/** The functions with the most self time in a V8 CPU profile (BENCH_PROFILE=<shape name>), in ms. */
function printSelfTime({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const self = new Map();
  samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`      ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

/** Bodies the loader accepts (under 5 MB) but that used to cost seconds of work. */
const FEEDS = {
  '140k duplicates': () =>
    JSON.stringify({ version: V11, items: Array(140_000).fill({ id: 'dup', title: 'Same' }) }),
  '1.5M authors': () =>
    `{"version":"${V11}","items":[{"id":"1","authors":[${Array(1_500_000).fill('{}').join(',')}]}]}`,
  'comma tags': () => JSON.stringify({ version: V11, items: [{ id: '1', tags: ','.repeat(4_900_000) }] }),
  'svg soup': () =>
    JSON.stringify({ version: V11, items: [{ id: '1', content_html: '<svg>'.repeat(400_000) }] }),
  // Not hostile: as many stories as a feed may hold (LIMITS.maxItems), the sample feed's eight over and over.
  '500 stories': () => {
    const sample = JSON.parse(readFileSync(resolve(ROOT, 'demo/public/sample-feed.json'), 'utf8'));
    const items = Array.from({ length: 500 }, (_, i) => ({
      ...sample.items[i % sample.items.length],
      id: `story-${i}`,
      url: `https://news.example/stories/${i}`,
    }));
    return JSON.stringify({ ...sample, items });
  },
};

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function inNode(dir) {
  const { normalizeFeed } = await import(pathToFileURL(join(dir, 'normalize.js')).href);
  console.log('\nNode: JSON.parse + normalizeFeed, median of', RUNS);
  for (const [name, make] of Object.entries(FEEDS)) {
    const text = make();
    const times = [];
    let kept = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      kept = normalizeFeed(JSON.parse(text), 'https://news.example/feed.json').feed.items.length;
      times.push(performance.now() - started);
    }
    console.log(
      `  ${name.padEnd(16)} ${(text.length / 1e6).toFixed(1).padStart(5)} MB  ${median(times).toFixed(0).padStart(5)} ms  (${kept} item kept)`,
    );
  }
}

async function inChromium(dir) {
  const { hostileRoute } = await import(pathToFileURL(join(dir, 'bodies.js')).href);
  const bodies = Object.fromEntries(Object.entries(FEEDS).map(([name, make]) => [name, make()]));
  const server = createServer((req, res) => {
    if (hostileRoute(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'cache-control': 'no-store' };
    if (url.pathname === '/')
      return res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html>');
    if (url.pathname.startsWith('/js/')) {
      const file = join(dir, url.pathname.slice(4).replace(/[^\w.-]/g, ''));
      return res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(readFileSync(file));
    }
    const body = bodies[decodeURIComponent(url.pathname.slice(6))];
    if (url.pathname.startsWith('/feed/') && body)
      return res.writeHead(200, { ...headers, 'content-type': 'application/feed+json' }).end(body);
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  console.log('\nChromium: longest main-thread task while the loader fetches and reads the body');
  try {
    const shapes = [
      ['gzip bomb', '/hostile/gzip-bomb'],
      ['300 MB chunked', '/hostile/chunked'],
      ...Object.keys(FEEDS).map((name) => [name, `/feed/${encodeURIComponent(name)}`]),
    ];
    for (const [name, path] of shapes) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await page.goto(origin);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
      };
      await page.evaluate(async () => {
        window.tasks = [];
        new PerformanceObserver((list) =>
          window.tasks.push(...list.getEntries().map((e) => e.duration)),
        ).observe({
          type: 'longtask',
          buffered: true,
        });
        window.loader = await import('/js/loader.js');
      });
      const before = await heap();
      const profiling = process.env.BENCH_PROFILE === name;
      if (profiling) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const outcome = await page.evaluate(async (url) => {
        window.loader.configureLoader({ timeout: 60_000 });
        try {
          const loaded = await window.loader.loadFeed(url);
          return `loaded, ${loaded.feed.items.length} item(s)`;
        } catch (error) {
          return `refused: ${error.reason}`;
        }
      }, origin + path);
      if (profiling) printSelfTime((await cdp.send('Profiler.stop')).profile);
      // Long tasks are reported after they end; give the observer a moment.
      await page.waitForTimeout(200);
      const longest = await page.evaluate(() => Math.max(0, ...window.tasks));
      const after = await heap();
      console.log(
        `  ${name.padEnd(16)} longest task ${longest ? `${longest.toFixed(0)} ms` : 'under 50 ms'}`.padEnd(
          46,
        ) + `${outcome.padEnd(22)} heap ${before.toFixed(1)} → ${after.toFixed(1)} MB`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}

const dir = await bundle();
try {
  await inNode(dir);
  if (!process.env.BENCH_NODE_ONLY) await inChromium(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
