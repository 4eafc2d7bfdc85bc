import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  clearFeedCache,
  configureLoader,
  FeedError,
  loadFeed,
  onFeedRefresh,
  watchFeed,
} from '../../src/feed/loader.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { gzipBomb, sent, startHostileServer } from '../hostile/bodies.js';
import { rawFeed, rawItem, serverFeed } from '../fixtures.js';
import { startFaultServer, type FaultServer } from '../server.mjs';

let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer({ feed: serverFeed() });
});
afterAll(() => server.close());
afterEach(() => {
  clearFeedCache();
  server.reset();
});

async function reasonOf(promise: Promise<unknown>): Promise<{ reason: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError);
    const { reason, status } = error as FeedError;
    return { reason, status };
  }
  throw new Error('expected the load to fail');
}

/** A feed of one story with this title, as a body for the server. */
const story = (title: string) => JSON.stringify(rawFeed([rawItem('one', { title })]));

/** Resolves once `check` holds, polling; gives up after 10 s. */
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 1000) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once the server has been asked for `path` at least `times` times. */
const answered = (path: string, times: number) => until(() => server.hits(path) >= times);

/** The delays the code under test asks `setTimeout` for from now on (counted, not timed). */
function waitsAskedFor(): () => unknown[] {
  const spy = vi.spyOn(globalThis, 'setTimeout');
  return () => spy.mock.calls.map((call) => call[1]);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('loadFeed against a local server', () => {
  it('loads and normalises a feed', async () => {
    const loaded = await loadFeed(`${server.url}/feed-ok`);
    expect(loaded.feed.items.map((item) => item.id)).toEqual(['one', 'two', 'three']);
    expect(loaded.url).toBe(`${server.url}/feed-ok`);
  });

  it('reads a feed of 500 stories in slices, a pause after each slice, into the model read at once', async () => {
    const sample = JSON.parse(
      readFileSync(new URL('../../demo/public/sample-feed.json', import.meta.url), 'utf8'),
    );
    const raw = {
      ...sample,
      items: Array.from({ length: 500 }, (_, i) => ({
        ...sample.items[i % sample.items.length],
        id: `story-${i}`,
        url: `https://news.example/stories/${i}`,
      })),
    };
    server.add('/big-feed.json', JSON.stringify(raw));
    // Node has no scheduler.yield(); the loader takes it where the page has it, as Chromium does. A clock that
    // moves 13 ms at each reading ends a 12 ms slice after every story.
    const yields = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yields });
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 13));
    const loaded = await loadFeed(`${server.url}/big-feed.json`);
    // One after each story, one before the model is copied out, and one before the widgets draw it.
    expect(yields).toHaveBeenCalledTimes(502);
    expect(loaded.feed).toEqual(normalizeFeed(raw, `${server.url}/big-feed.json`).feed);
    expect(loaded.feed.items).toHaveLength(500);
  });

  it('makes one request for many concurrent and later callers of the same URL', async () => {
    const url = `${server.url}/feed-dedupe?delay=50`;
    const results = await Promise.all(Array.from({ length: 25 }, () => loadFeed(url)));
    await loadFeed(url);
    expect(new Set(results.map((result) => result.feed)).size).toBe(1);
    expect(server.hits('/feed-dedupe')).toBe(1);
  });

  it('keeps the shared request going when one caller stops waiting', async () => {
    const url = `${server.url}/feed-abort?delay=80`;
    const leaving = new AbortController();
    const first = loadFeed(url, leaving.signal);
    const second = loadFeed(url);
    leaving.abort(new DOMException('gone', 'AbortError'));
    await expect(first).rejects.toThrow('gone');
    expect((await second).feed.items).toHaveLength(3);
    expect(server.hits('/feed-abort')).toBe(1);
  });

  it('times out a request that never answers', async () => {
    configureLoader({ timeout: 150, retries: 0 });
    expect(await reasonOf(loadFeed(`${server.url}/hang`))).toEqual({ reason: 'timeout', status: undefined });
  });

  it.each([
    ['/status/404', 'http', 404],
    ['/html', 'parse', undefined],
    ['/truncated', 'parse', undefined],
    ['/empty', 'parse', undefined],
    ['/not-a-feed', 'invalid', undefined],
  ])('reports %s as %s', async (path, reason, status) => {
    configureLoader({ retries: 0 });
    expect(await reasonOf(loadFeed(`${server.url}${path}`))).toEqual({ reason, status });
  });

  it('refuses a body over the size cap, declared or streamed, and reads one under it', async () => {
    configureLoader({ retries: 0, maxBytes: 200 });
    expect(await reasonOf(loadFeed(`${server.url}/feed-capped`))).toEqual({
      reason: 'too-large',
      status: undefined,
    });
    clearFeedCache();
    configureLoader({ retries: 0, maxBytes: 200 });
    expect(await reasonOf(loadFeed(`${server.url}/chunked`))).toEqual({
      reason: 'too-large',
      status: undefined,
    });
    clearFeedCache();
    expect((await loadFeed(`${server.url}/chunked`)).feed.items).toHaveLength(3);
  });

  it('refuses a body whose declared length is over the cap without waiting for it', async () => {
    // The body never ends: waiting for it would end in a timeout, not in too-large.
    configureLoader({ retries: 0, maxBytes: 200, timeout: 3000 });
    expect(await reasonOf(loadFeed(`${server.url}/endless?declare=5000000&bytes=10`))).toEqual({
      reason: 'too-large',
      status: undefined,
    });
  });

  it('accepts a feed served as text/plain, as many static hosts serve .json', async () => {
    expect((await loadFeed(`${server.url}/text`)).feed.items).toHaveLength(3);
  });

  it('refuses URLs that are not http(s) without a request', async () => {
    expect(await reasonOf(loadFeed('javascript:alert(1)'))).toEqual({ reason: 'invalid', status: undefined });
    expect(await reasonOf(loadFeed('data:application/json,{}'))).toEqual({
      reason: 'invalid',
      status: undefined,
    });
  });

  it('reports a refused connection as a network error', async () => {
    configureLoader({ retries: 0 });
    expect((await reasonOf(loadFeed('http://127.0.0.1:9/feed.json'))).reason).toBe('network');
  });

  it('retries a server error a bounded number of times with backoff, then succeeds', async () => {
    configureLoader({ retries: 2, retryDelay: 20 });
    const waits = waitsAskedFor();
    const loaded = await loadFeed(`${server.url}/flaky-a?fail=2`);
    expect(loaded.feed.items).toHaveLength(3);
    expect(server.hits('/flaky-a')).toBe(3);
    // 20 ms then 40 ms of backoff.
    expect(waits()).toEqual(expect.arrayContaining([20, 40]));
  });

  it('gives up after the retry budget and does not retry client errors', async () => {
    configureLoader({ retries: 2, retryDelay: 5 });
    expect((await reasonOf(loadFeed(`${server.url}/status/500`))).status).toBe(500);
    expect(server.hits('/status/500')).toBe(3);
    expect((await reasonOf(loadFeed(`${server.url}/status/404`))).status).toBe(404);
    expect(server.hits('/status/404')).toBe(1);
  });

  it('waits for Retry-After on 503 (capped)', async () => {
    configureLoader({ retries: 1, retryDelay: 1, maxRetryDelay: 400 });
    const waits = waitsAskedFor();
    await reasonOf(loadFeed(`${server.url}/status/503?retry-after=1`));
    expect(server.hits('/status/503')).toBe(2);
    // Retry-After said 1000 ms; the cap says 400.
    expect(waits()).toContain(400);
    expect(waits()).not.toContain(1000);
  });

  it('remembers a failure for the cool-down, then tries again', async () => {
    configureLoader({ retries: 0, failureCooldown: 10_000 });
    await reasonOf(loadFeed(`${server.url}/status/502`));
    await reasonOf(loadFeed(`${server.url}/status/502`));
    expect(server.hits('/status/502')).toBe(1);
    // The clock moves past the cool-down: no real waiting, so a busy machine cannot make this flaky.
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 10_001);
    await reasonOf(loadFeed(`${server.url}/status/502`));
    expect(server.hits('/status/502')).toBe(2);
  });

  it('serves a stale feed at once and refreshes it in the background', async () => {
    configureLoader({ staleAfter: 50 });
    const url = `${server.url}/feed-stale.json`;
    server.add('/feed-stale.json', JSON.stringify(rawFeed([rawItem('one')])));
    const first = await loadFeed(url);
    // The publisher changes the feed (an unchanged one would be kept, not read again).
    server.add('/feed-stale.json', JSON.stringify(rawFeed([rawItem('one'), rawItem('two')])));
    await new Promise((resolve) => setTimeout(resolve, 80));
    // The background refresh announces itself: wait for that, not for a guess at how long it takes.
    const refreshed = new Promise<void>((resolve) => {
      const stop = onFeedRefresh(() => {
        stop();
        resolve();
      });
    });
    const stale = await loadFeed(url);
    expect(stale).toBe(first);
    await refreshed;
    const fresh = await loadFeed(url);
    expect(fresh).not.toBe(first);
    expect(fresh.loadedAt).toBeGreaterThan(first.loadedAt);
    expect(server.hits('/feed-stale.json')).toBe(2);
  });

  it('checks a watched feed again and again, and reads and announces only a copy that changed', async () => {
    configureLoader({ refreshInterval: 20 });
    const url = `${server.url}/watched.json`;
    server.add('/watched.json', story('First'));
    const first = await loadFeed(url);
    const announced: string[] = [];
    const stopListening = onFeedRefresh((loaded) => announced.push(loaded.feed.items[0]!.title));
    const stop = watchFeed(url);
    try {
      await answered('/watched.json', 4);
      // Three checks of the same feed: the page keeps the copy it has, and no widget draws again.
      expect(announced).toEqual([]);
      expect(await loadFeed(url)).toBe(first);
      server.add('/watched.json', story('Changed'));
      await until(() => announced.length > 0);
      expect(announced).toEqual(['Changed']);
      expect((await loadFeed(url)).feed.items[0]!.title).toBe('Changed');
    } finally {
      stop();
      stopListening();
    }
    const asked = server.hits('/watched.json');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Ten intervals: at most the check that was on its way when the watch stopped.
    expect(server.hits('/watched.json')).toBeLessThanOrEqual(asked + 1);
  });

  it('reads a feed again for a caller that needs a copy started since a time; the others keep theirs', async () => {
    const url = `${server.url}/read-since.json`;
    server.add('/read-since.json', story('First'));
    const first = await loadFeed(url);
    expect(await loadFeed(url, undefined, 0)).toBe(first);
    expect(server.hits('/read-since.json')).toBe(1);
    // Read again; unchanged, so the same copy.
    expect(await loadFeed(url, undefined, Date.now() + 1)).toBe(first);
    expect(server.hits('/read-since.json')).toBe(2);
    server.add('/read-since.json', story('Changed'));
    const changed = await loadFeed(url, undefined, Date.now() + 1);
    expect(changed.feed.items[0]!.title).toBe('Changed');
    expect(await loadFeed(url)).toBe(changed);
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation(() => realFetch(`${server.url}/status/404`));
    const failing = loadFeed(url, undefined, Date.now() + 1);
    // Asked while that read is out: the page's copy, not the failure to come.
    const meanwhile = loadFeed(url);
    await reasonOf(failing);
    expect(await meanwhile).toBe(changed);
    expect(await loadFeed(url)).toBe(changed);
  });

  it('loads a watched feed whose first load failed again after the cool-down, and announces it', async () => {
    configureLoader({ retries: 0, refreshInterval: 20, failureCooldown: 30 });
    // The server answers 500 to the first request, then the feed.
    const url = `${server.url}/flaky-watched?fail=1`;
    await reasonOf(loadFeed(url));
    const announced = new Promise<string[]>((resolve) => {
      const off = onFeedRefresh((loaded) => {
        off();
        resolve(loaded.feed.items.map((item) => item.id));
      });
    });
    const stop = watchFeed(url);
    try {
      expect(await announced).toEqual(['one', 'two', 'three']);
      expect(server.hits('/flaky-watched')).toBe(2);
    } finally {
      stop();
    }
  });

  it('tries a failing check once, without retries, and not again before the cool-down', async () => {
    configureLoader({ retries: 2, refreshInterval: 20, failureCooldown: 10_000 });
    const url = `${server.url}/checked-in-outage.json`;
    server.add('/checked-in-outage.json', story('First'));
    const first = await loadFeed(url);
    const realFetch = globalThis.fetch;
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() => realFetch(`${server.url}/status/503`));
    const stop = watchFeed(url);
    try {
      await until(() => fetchSpy.mock.calls.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Ten intervals in an outage: one request, and the page still shows its copy.
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      expect(await loadFeed(url)).toBe(first);
    } finally {
      stop();
    }
  });

  it('leaves a stale feed whose refresh failed alone for the cool-down', async () => {
    configureLoader({ staleAfter: 20, retries: 0, failureCooldown: 10_000 });
    const url = `${server.url}/feed-refresh-fails`;
    const first = await loadFeed(url);
    const realFetch = globalThis.fetch;
    // From now on the server is down.
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(() => realFetch(`${server.url}/status/503`));
    try {
      await new Promise((resolve) => setTimeout(resolve, 40));
      for (let i = 0; i < 3; i++) {
        expect(await loadFeed(url)).toBe(first);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
      expect(fetchSpy).toHaveBeenCalledTimes(1);
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

/** A body of `chunks` pieces of `size` bytes that counts how many pieces the reader pulled. */
function countedBody(
  size: number,
  chunks: number,
): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const piece = new Uint8Array(size).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= chunks) return controller.close();
        pulled++;
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

/** `fetch` answering every request with what `respond` makes; returns the spy, which counts requests. */
const fakeFetch = (respond: () => Response) =>
  vi.spyOn(globalThis, 'fetch').mockImplementation(() => Promise.resolve(respond()));

describe('loadFeed reads no more than maxBytes of any body', () => {
  const MB = 1_000_000;

  it('stops pulling an undeclared 300 MB body just past the cap, and does not ask again', async () => {
    configureLoader({ maxBytes: 5 * MB });
    const { body, pulled } = countedBody(65_536, Math.ceil((300 * MB) / 65_536));
    const fetchSpy = fakeFetch(() => new Response(body, { headers: { 'content-type': 'application/json' } }));
    expect(await reasonOf(loadFeed('https://news.example/huge.json'))).toEqual({
      reason: 'too-large',
      status: undefined,
    });
    // 77 pieces hold 5 MB; one more is the one that crossed the cap.
    expect(pulled()).toBeLessThanOrEqual(Math.ceil((5 * MB) / 65_536) + 1);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('ignores a Content-Length that says the body is small', async () => {
    configureLoader({ maxBytes: 5 * MB });
    const { body, pulled } = countedBody(MB, 100);
    fakeFetch(() => new Response(body, { headers: { 'content-length': '100' } }));
    expect((await reasonOf(loadFeed('https://news.example/lying.json'))).reason).toBe('too-large');
    expect(pulled()).toBe(6);
  });

  it('counts inflated bytes: 388 KB declared, 400 MB once decoded, stopped after 6 MB', async () => {
    configureLoader({ maxBytes: 5 * MB });
    // What fetch hands over for a gzip bomb: the decoded stream, with the compressed length in the headers.
    const { body, pulled } = countedBody(MB, 400);
    const fetchSpy = fakeFetch(
      () => new Response(body, { headers: { 'content-encoding': 'gzip', 'content-length': '388000' } }),
    );
    expect((await reasonOf(loadFeed('https://news.example/bomb.json'))).reason).toBe('too-large');
    expect(pulled()).toBe(6);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('refuses a real gzip bomb and a real endless chunked body, once each, without reading them whole', async () => {
    const hostile = await startHostileServer();
    // That a refused body is not asked for again is proven on fake bodies above, where nothing else can fail. On a
    // loaded machine a real socket may fail once for its own reasons, which the loader rightly retries: here each
    // body is asked for once and must still be refused. The bomb is compressed (at level 9, seconds on a loaded
    // machine) before it is asked for, and the loader's deadline is raised: a response that only starts after the
    // default 10 s would be refused as a timeout, which is not the bound this test is about.
    configureLoader({ retries: 0, timeout: 120_000 });
    await gzipBomb(400 * MB);
    try {
      const fetchSpy = vi.spyOn(globalThis, 'fetch');
      expect((await reasonOf(loadFeed(`${hostile.url}/hostile/gzip-bomb?inflate=${400 * MB}`))).reason).toBe(
        'too-large',
      );
      expect((await reasonOf(loadFeed(`${hostile.url}/hostile/chunked?bytes=${300 * MB}`))).reason).toBe(
        'too-large',
      );
      expect(fetchSpy).toHaveBeenCalledTimes(2);
      // The server stops once the client hangs up; socket buffers let it get a little ahead of the cap.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sent.get('/hostile/chunked')).toBeLessThan(50 * MB);
    } finally {
      await hostile.close();
    }
  });

  it('refuses 1.5 million empty authors in 4.5 MB before parsing them, once', async () => {
    const authors = Array<string>(1_500_000).fill('{}').join(',');
    const text = `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","authors":[${authors}]}]}`;
    const parse = vi.spyOn(JSON, 'parse');
    const fetchSpy = fakeFetch(() => new Response(text));
    expect(await reasonOf(loadFeed('https://news.example/authors.json'))).toEqual({
      reason: 'too-large',
      status: undefined,
    });
    expect(parse).not.toHaveBeenCalled();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('does not retry an unparsable or oversize body: the same URL would send it again', async () => {
    configureLoader({ retries: 2, retryDelay: 1 });
    expect((await reasonOf(loadFeed(`${server.url}/truncated`))).reason).toBe('parse');
    configureLoader({ maxBytes: 200 });
    expect((await reasonOf(loadFeed(`${server.url}/chunked`))).reason).toBe('too-large');
    expect(server.hits('/truncated')).toBe(1);
    expect(server.hits('/chunked')).toBe(1);
  });

  it('still reads a body that arrives in many small pieces under the cap', async () => {
    const text = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'é' }] });
    const bytes = new TextEncoder().encode(text);
    // One byte at a time: the two bytes of "é" arrive in separate pieces and must still decode as one letter.
    fakeFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
              controller.close();
            },
          }),
        ),
    );
    expect((await loadFeed('https://news.example/small.json')).feed.items[0]?.id).toBe('é');
  });
});
