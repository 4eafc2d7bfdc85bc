/**
 * The one local HTTP server of the test suites and benchmarks: the browser tests' global setup, the e2e harness,
 * the loader's unit tests and bench/render.mjs all start it. Plain JavaScript (typed by server.d.mts) so that
 * node runs it for the benchmark without a TypeScript loader.
 *
 * It serves the built bundle, the demo's files and the shared real-world corpus; pages a test adds at run time
 * (with the headers it asks for, e.g. a strict CSP); and the faults a feed URL meets in the wild: slow answers,
 * hangs, 404/500/503 with Retry-After, HTML instead of JSON, a wrong content type, truncated JSON, an empty body.
 * It logs every request so tests can prove deduplication and bounded retries. Only ever listens on 127.0.0.1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The real-world corpus shared between checkouts: beside the main checkout, or one level further up for a
 * worktree in a sibling folder; WIRE_CORPUS names another place. Absent, its routes answer 404 and the suites
 * that read it say so and skip.
 */
const CORPUS =
  process.env.WIRE_CORPUS ??
  [resolve(ROOT, '../shared/corpus'), resolve(ROOT, '../../shared/corpus')].find((dir) => existsSync(dir)) ??
  resolve(ROOT, '../shared/corpus');

/**
 * The XSS strings of the corpus (DOMPurify's own test payloads and the big list of naughty strings), for the suites
 * that push them through the story body on client and server; empty when the corpus is absent.
 */
export function xssStrings() {
  const read = (file) => {
    const path = resolve(CORPUS, 'xss', file);
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : [];
  };
  return [
    ...read('cure53_DOMPurify__test_fixtures_expect.json').map((entry) => entry?.payload),
    ...read('minimaxir_big-list-of-naughty-strings__blns.json'),
  ].filter((entry) => typeof entry === 'string');
}

/** URL prefix → directory served under it. */
const MOUNTS = [
  ['/dist/', resolve(ROOT, 'dist')],
  // A second copy of the bundle under another URL, lazy chunks included (they are imported relatively).
  ['/copy/', resolve(ROOT, 'dist')],
  ['/demo/public/', resolve(ROOT, 'demo/public')],
  // The sample feed's images are root-relative.
  ['/images/', resolve(ROOT, 'demo/public/images')],
  ['/bootstrap/', resolve(ROOT, 'node_modules/bootstrap/dist/css')],
];

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const EMPTY_FEED = { version: 'https://jsonfeed.org/version/1.1', title: 'Empty', items: [] };

/** A file under `dir`, or undefined for anything outside it or missing. */
function fileUnder(dir, relative) {
  const file = resolve(dir, relative);
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

/** @param {import('./server.d.mts').ServerOptions} [options] */
export function startFaultServer({ feed = EMPTY_FEED, headers = {}, compress = false } = {}) {
  const feedBody = JSON.stringify(feed);
  // The same feed once its publisher has killed the first story.
  const killedBody = JSON.stringify({
    ...feed,
    items: feed.items?.map((item, i) =>
      i ? item : { ...item, _wire: { ...item._wire, rights: { pubstatus: 'canceled' } } },
    ),
  });
  const pages = new Map();
  const pending = new Set();
  let log = [];

  const handle = (req, res) => {
    /** Every answer carries `headers` (the caller's, e.g. a CSP) unless `extra` overrides them. */
    const send = (status, body, type, extra = {}) => {
      // Text as any web server sends it to a browser that accepts it; off unless asked for, so that tests
      // counting a body's bytes count the ones they wrote.
      const gzip =
        compress &&
        /^(text\/|application\/(json|feed\+json))/.test(type) &&
        /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(status, {
        'content-type': type,
        'access-control-allow-origin': '*',
        'cache-control': 'no-store',
        ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        ...headers,
        ...extra,
      });
      res.end(gzip ? gzipSync(body) : body);
    };
    const json = (body, status = 200, type = 'application/feed+json') =>
      send(status, typeof body === 'string' ? body : JSON.stringify(body), type);

    let url;
    let path;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(400, 'bad path', 'text/plain');
    }

    // Control routes, for tests that cannot hold the server object (the browser side of Vitest).
    if (path === '/__hits')
      return json({ hits: hits(url.searchParams.get('path') ?? '') }, 200, 'application/json');
    if (path === '/__reset') {
      log = [];
      return json({ ok: true }, 200, 'application/json');
    }
    // A port nothing listens on (bound, then closed), for "connection refused".
    if (path === '/__refused-port') {
      const probe = createTcpServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address();
        probe.close(() => json({ port: free }, 200, 'application/json'));
      });
      return;
    }

    log.push({ path, search: url.search, at: performance.now(), referer: req.headers.referer });
    const page = pages.get(path);
    if (page) return send(200, page.body, TYPES[extname(path)] ?? TYPES['.html'], page.headers);
    if (path === '/sample-feed.json')
      return send(200, readFileSync(resolve(ROOT, 'demo/public/sample-feed.json')), TYPES['.json']);
    // The corpus, for the hardening suites: a file, or a directory as a JSON array of its file names.
    if (path.startsWith('/corpus/')) {
      const file = resolve(CORPUS, path.slice('/corpus/'.length));
      if (file !== CORPUS && !file.startsWith(CORPUS + sep)) return send(404, 'not found', 'text/plain');
      try {
        if (statSync(file).isDirectory()) return json(readdirSync(file).sort(), 200, 'application/json');
        return send(200, readFileSync(file), file.endsWith('.json') ? 'application/json' : 'text/plain');
      } catch {
        return send(404, 'not found', 'text/plain');
      }
    }
    for (const [prefix, dir] of MOUNTS) {
      if (!path.startsWith(prefix)) continue;
      const file = fileUnder(dir, path.slice(prefix.length));
      if (file) return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }

    const hit = hits(path);
    const respond = () => {
      if (path.startsWith('/feed')) return json(feedBody);
      // The feed for the first request, then killed: what a page left open meets when the publisher kills a story.
      if (path.startsWith('/killed')) return json(hit === 1 ? feedBody : killedBody);
      if (path.startsWith('/status/')) {
        const status = Number(path.split('/')[2]);
        const retryAfter = url.searchParams.get('retry-after');
        return send(status, `status ${status}`, 'text/plain', {
          'access-control-expose-headers': 'retry-after',
          ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        });
      }
      // Fails with 500 for the first `fail` requests, then serves the feed.
      if (path.startsWith('/flaky')) {
        const fail = Number(url.searchParams.get('fail') ?? 1);
        return hit <= fail ? json('oops', 500, 'text/plain') : json(feedBody);
      }
      if (path === '/html')
        return json('<!doctype html><title>Login</title><p>Please sign in', 200, 'text/html');
      if (path === '/text') return json(feedBody, 200, 'text/plain');
      if (path === '/truncated') return json(feedBody.slice(0, Math.floor(feedBody.length / 2)));
      if (path === '/empty') return json('');
      // A body that starts and never ends: `bytes` of it, then silence (with or without a declared length).
      if (path === '/endless') {
        const declared = url.searchParams.get('declare');
        res.writeHead(200, {
          'content-type': 'application/feed+json',
          'access-control-allow-origin': '*',
          ...(declared ? { 'content-length': declared } : {}),
        });
        res.write('x'.repeat(Number(url.searchParams.get('bytes') ?? 0)));
        pending.add(res);
        return;
      }
      // The feed sent in small pieces (chunked, no Content-Length), for the body size cap.
      if (path === '/chunked') {
        res.writeHead(200, { 'content-type': 'application/feed+json', 'access-control-allow-origin': '*' });
        for (let at = 0; at < feedBody.length; at += 64) res.write(feedBody.slice(at, at + 64));
        return res.end();
      }
      if (path === '/not-a-feed') return json({ rss: { channel: { title: 'x' } } });
      // A 1280×720 picture (with `?delay=` it arrives late, for layout-shift tests).
      if (path === '/slow-image.svg')
        return send(
          200,
          '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="#789"/></svg>',
          'image/svg+xml',
        );
      if (path === '/hang') {
        pending.add(res);
        return;
      }
      // Live comment counts: `/counts-once/<name>` answers once and then fails; `/counts-odd` answers values that
      // are not counts.
      if (path.startsWith('/counts-once/') && hit > 1) return json('oops', 500, 'text/plain');
      if (path === '/counts-odd')
        return json({ counts: { a: '7', b: 2.5, c: -1, d: 4, e: null } }, 200, 'application/json');
      if (path === '/counts' || path.startsWith('/counts-once/')) {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        const counts = {};
        ids.forEach((id, index) => (counts[id] = (index + 1) * 3));
        return json({ counts }, 200, 'application/json');
      }
      send(404, 'not found', 'text/plain');
    };
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay > 0) setTimeout(respond, delay);
    else respond();
  };

  const hits = (path) => log.filter((request) => request.path === path).length;
  const server = createServer(handle);
  // Node closes an idle keep-alive socket after 5 s; a browser that sends its next request on that socket at the
  // same moment sees it aborted (the loader retries, but the page reports a failed request). Tests pause longer
  // than that between pages, so idle sockets stay open for the whole run.
  server.keepAliveTimeout = 120_000;
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        url: `http://127.0.0.1:${port}`,
        add: (path, body, pageHeaders = {}) => pages.set(path, { body, headers: pageHeaders }),
        hits,
        requests: () => log.slice(),
        reset: () => (log = []),
        close: () =>
          new Promise((closed) => {
            for (const res of pending) res.destroy();
            server.closeAllConnections();
            server.close(() => closed());
          }),
      });
    });
  });
}
