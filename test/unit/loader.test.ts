import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clearFeedCache, configureLoader, FeedError, loadFeed } from '../../src/feed/loader.js';
import { serverFeed } from '../fixtures.js';
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

describe('loadFeed against a local server', () => {
  it('loads and normalises a feed', async () => {
    const loaded = await loadFeed(`${server.url}/feed-ok`);
    expect(loaded.feed.items.map((item) => item.id)).toEqual(['one', 'two', 'three']);
    expect(loaded.url).toBe(`${server.url}/feed-ok`);
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
      reason: 'invalid',
      status: undefined,
    });
    clearFeedCache();
    configureLoader({ retries: 0, maxBytes: 200 });
    expect(await reasonOf(loadFeed(`${server.url}/chunked`))).toEqual({
      reason: 'invalid',
      status: undefined,
    });
    clearFeedCache();
    expect((await loadFeed(`${server.url}/chunked`)).feed.items).toHaveLength(3);
  });

  it('refuses a body whose declared length is over the cap without waiting for it', async () => {
    configureLoader({ retries: 0, maxBytes: 200, timeout: 3000 });
    const started = Date.now();
    expect(await reasonOf(loadFeed(`${server.url}/endless?declare=5000000&bytes=10`))).toEqual({
      reason: 'invalid',
      status: undefined,
    });
    expect(Date.now() - started).toBeLessThan(1500);
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
    const started = Date.now();
    const loaded = await loadFeed(`${server.url}/flaky-a?fail=2`);
    expect(loaded.feed.items).toHaveLength(3);
    expect(server.hits('/flaky-a')).toBe(3);
    // 20 ms then 40 ms of backoff.
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
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
    const started = Date.now();
    await reasonOf(loadFeed(`${server.url}/status/503?retry-after=1`));
    const waited = Date.now() - started;
    expect(server.hits('/status/503')).toBe(2);
    expect(waited).toBeGreaterThanOrEqual(380);
    expect(waited).toBeLessThan(1000);
  });

  it('remembers a failure for the cool-down, then tries again', async () => {
    configureLoader({ retries: 0, failureCooldown: 100 });
    await reasonOf(loadFeed(`${server.url}/status/502`));
    await reasonOf(loadFeed(`${server.url}/status/502`));
    expect(server.hits('/status/502')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await reasonOf(loadFeed(`${server.url}/status/502`));
    expect(server.hits('/status/502')).toBe(2);
  });

  it('serves a stale feed at once and refreshes it in the background', async () => {
    configureLoader({ staleAfter: 50 });
    const url = `${server.url}/feed-stale`;
    const first = await loadFeed(url);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const stale = await loadFeed(url);
    expect(stale).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const fresh = await loadFeed(url);
    expect(fresh).not.toBe(first);
    expect(fresh.loadedAt).toBeGreaterThan(first.loadedAt);
    expect(server.hits('/feed-stale')).toBe(2);
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
