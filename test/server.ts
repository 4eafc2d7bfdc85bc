/**
 * A local HTTP server with the faults a feed URL meets in the wild: slow answers, hangs, 404/500/503 with
 * Retry-After, HTML instead of JSON, a wrong content type, truncated JSON, an empty body. It counts requests
 * per path so tests can prove deduplication and bounded retries. Only ever listens on 127.0.0.1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { resolve, sep } from 'node:path';
import { rawFeed, rawItem } from './fixtures.js';

export interface FaultServer {
  url: string;
  hits: (path: string) => number;
  reset: () => void;
  close: () => Promise<void>;
}

const json = (res: ServerResponse, body: unknown, status = 200, type = 'application/feed+json') => {
  res.writeHead(status, {
    'content-type': type,
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const CORPUS = resolve(process.cwd(), '../shared/corpus');

/** A file of the corpus, or a directory as a JSON array of its file names. Never anything outside it. */
function serveCorpus(relative: string, res: ServerResponse): void {
  let file: string;
  try {
    file = resolve(CORPUS, decodeURIComponent(relative));
  } catch {
    return json(res, 'bad path', 400, 'text/plain');
  }
  if (file !== CORPUS && !file.startsWith(CORPUS + sep)) return json(res, 'not found', 404, 'text/plain');
  try {
    if (statSync(file).isDirectory()) return json(res, readdirSync(file).sort(), 200, 'application/json');
    json(res, readFileSync(file, 'utf8'), 200, file.endsWith('.json') ? 'application/json' : 'text/plain');
  } catch {
    json(res, 'not found', 404, 'text/plain');
  }
}

export function startFaultServer(port = 0): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const pending = new Set<ServerResponse>();
  const feedBody = JSON.stringify(rawFeed([rawItem('one'), rawItem('two'), rawItem('three')]));

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/__hits') {
      json(res, { hits: counts.get(url.searchParams.get('path') ?? '') ?? 0 }, 200, 'application/json');
      return;
    }
    if (path === '/__reset') {
      counts.clear();
      json(res, { ok: true }, 200, 'application/json');
      return;
    }
    // The shared real-world corpus (../shared/corpus), for the hardening suites; 404 when it is absent.
    if (path.startsWith('/corpus/')) return serveCorpus(path.slice('/corpus/'.length), res);
    // A port nothing listens on (bound, then closed), for "connection refused".
    if (path === '/__refused-port') {
      const probe = createTcpServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => json(res, { port: free }, 200, 'application/json'));
      });
      return;
    }
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const hit = counts.get(path)!;
    const delay = Number(url.searchParams.get('delay') ?? 0);
    const respond = () => {
      if (path.startsWith('/feed')) return json(res, feedBody);
      if (path.startsWith('/status/')) {
        const status = Number(path.split('/')[2]);
        const retryAfter = url.searchParams.get('retry-after');
        res.writeHead(status, {
          'content-type': 'text/plain',
          'access-control-allow-origin': '*',
          'access-control-expose-headers': 'retry-after',
          ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        });
        return res.end(`status ${status}`);
      }
      // Fails with 500 for the first `fail` requests, then serves the feed.
      if (path.startsWith('/flaky')) {
        const fail = Number(url.searchParams.get('fail') ?? 1);
        return hit <= fail ? json(res, 'oops', 500, 'text/plain') : json(res, feedBody);
      }
      if (path === '/html')
        return json(res, '<!doctype html><title>Login</title><p>Please sign in', 200, 'text/html');
      if (path === '/text') return json(res, feedBody, 200, 'text/plain');
      if (path === '/truncated') return json(res, feedBody.slice(0, Math.floor(feedBody.length / 2)));
      if (path === '/empty') return json(res, '');
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
      if (path === '/not-a-feed') return json(res, { rss: { channel: { title: 'x' } } });
      // A 1280×720 picture (with `?delay=` it arrives late, for layout-shift tests).
      if (path === '/slow-image.svg') {
        res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
        return res.end(
          '<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="#789"/></svg>',
        );
      }
      if (path === '/hang') {
        pending.add(res);
        return;
      }
      // Live comment counts: `/counts-once/<name>` answers once and then fails; `/counts-odd` answers values that
      // are not counts.
      if (path.startsWith('/counts-once/') && hit > 1) return json(res, 'oops', 500, 'text/plain');
      if (path === '/counts-odd')
        return json(res, { counts: { a: '7', b: 2.5, c: -1, d: 4, e: null } }, 200, 'application/json');
      if (path === '/counts' || path.startsWith('/counts-once/')) {
        const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
        const counts: Record<string, number> = {};
        ids.forEach((id, index) => (counts[id] = (index + 1) * 3));
        return json(res, { counts }, 200, 'application/json');
      }
      json(res, 'not found', 404, 'text/plain');
    };
    if (delay > 0) setTimeout(respond, delay);
    else respond();
  };

  const server: Server = createServer(handle);
  // See test/e2e/harness.ts: no idle keep-alive socket is closed under a browser mid-run.
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        hits: (path) => counts.get(path) ?? 0,
        reset: () => counts.clear(),
        close: () =>
          new Promise<void>((done) => {
            for (const res of pending) res.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
