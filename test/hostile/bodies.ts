/**
 * Response bodies that attack the loader's byte cap, as node:http route handlers: a gzip bomb whose
 * Content-Length is the small compressed size, and an endless chunked body with no length at all. Each counts
 * the bytes it managed to send, so a test can tell that the client stopped reading. Used by the loader's unit
 * tests and `npm run bench:hostile`; `hostileRoute` plugs into any server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

const bombs = new Map<number, Promise<Buffer>>();

/**
 * `inflated` bytes of JSON white space, gzipped (400 MB → about 388 KB). Built by streaming one 1 MB block
 * through the compressor, so building it never holds the inflated size in memory. Cached per size.
 */
export function gzipBomb(inflated: number): Promise<Buffer> {
  let bomb = bombs.get(inflated);
  if (!bomb) {
    bomb = new Promise<Buffer>((resolve, reject) => {
      const gzip = createGzip({ level: 9 });
      const out: Buffer[] = [];
      gzip.on('data', (chunk: Buffer) => out.push(chunk));
      gzip.on('end', () => resolve(Buffer.concat(out)));
      gzip.on('error', reject);
      const block = Buffer.alloc(Math.min(inflated, 1 << 20), ' ');
      let left = inflated;
      const pump = (): void => {
        while (left > 0) {
          const piece = left >= block.length ? block : block.subarray(0, left);
          left -= piece.length;
          if (!gzip.write(piece)) return void gzip.once('drain', pump);
        }
        gzip.end();
      };
      pump();
    });
    bombs.set(inflated, bomb);
  }
  return bomb;
}

/** Bytes each hostile path has sent so far (compressed bytes for the bomb). */
export const sent = new Map<string, number>();

const count = (path: string, bytes: number): void => void sent.set(path, (sent.get(path) ?? 0) + bytes);

const HEADERS = {
  'content-type': 'application/feed+json',
  'access-control-allow-origin': '*',
  'cache-control': 'no-store',
};

/** Until `res` can take more, or is gone; the listeners go too, so a long body does not pile them up. */
const drained = (res: ServerResponse): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });

/** `GET /hostile/gzip-bomb?inflate=N`: N bytes once inflated (default 400 MB), declared by its gzip length. */
async function serveBomb(res: ServerResponse, inflated: number): Promise<void> {
  const body = await gzipBomb(inflated);
  res.writeHead(200, { ...HEADERS, 'content-encoding': 'gzip', 'content-length': body.length });
  // Sent in 16 KB pieces so the count says how far the client read before it hung up.
  for (let at = 0; at < body.length && !res.destroyed; at += 16_384) {
    const piece = body.subarray(at, at + 16_384);
    count('/hostile/gzip-bomb', piece.length);
    if (!res.write(piece)) await drained(res);
  }
  res.end();
}

/** `GET /hostile/chunked?bytes=N`: N bytes (default 300 MB) of white space, chunked, no length. */
async function serveChunked(res: ServerResponse, total: number): Promise<void> {
  res.writeHead(200, HEADERS);
  const block = Buffer.alloc(65_536, ' ');
  for (let left = total; left > 0 && !res.destroyed; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    count('/hostile/chunked', piece.length);
    if (!res.write(piece)) await drained(res);
  }
  res.end();
}

/**
 * Answers the hostile paths; false for any other request, so a server can try this first:
 * `if (hostileRoute(req, res)) return;`.
 */
export function hostileRoute(req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const size = (fallback: number) =>
    Number(url.searchParams.get('inflate') ?? url.searchParams.get('bytes')) || fallback;
  if (url.pathname === '/hostile/gzip-bomb') void serveBomb(res, size(400_000_000));
  else if (url.pathname === '/hostile/chunked') void serveChunked(res, size(300_000_000));
  else return false;
  return true;
}

/** A server on 127.0.0.1 (any free port) with only the hostile paths. */
export async function startHostileServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (!hostileRoute(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
