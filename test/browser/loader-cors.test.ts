/**
 * The CORS hint: a cross-origin feed that fetch rejects (a missing Access-Control-Allow-Origin looks exactly like a
 * refused connection to the page) prints one console line per URL naming the header, however often it is asked for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearFeedCache, configureLoader, FeedError, loadFeed } from '../../src/feed/loader.js';
import { faultServer } from './helpers.js';

afterEach(() => {
  clearFeedCache();
  vi.restoreAllMocks();
});

/** A URL on a port nothing listens on: fetch rejects with a TypeError, as it does for a CORS refusal. */
async function refusedUrl(path: string): Promise<string> {
  const { port } = (await (await fetch(`${faultServer()}/__refused-port`)).json()) as { port: number };
  return `http://127.0.0.1:${port}${path}`;
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(FeedError);
  return (error as FeedError).reason;
}

describe('the CORS hint', () => {
  it('warns once per cross-origin URL that fetch rejects, naming the header, across retries and new asks', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = await refusedUrl('/feed.json');
    const second = await refusedUrl('/other-feed.json');
    // Retries and a cool-down of 0 so every ask goes to the network again: three attempts per ask.
    configureLoader({ retries: 2, retryDelay: 1, failureCooldown: 0 });

    expect(await reasonOf(loadFeed(first))).toBe('network');
    expect(await reasonOf(loadFeed(first))).toBe('network');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain(first);
    expect(String(warn.mock.calls[0]![0])).toContain('Access-Control-Allow-Origin');

    expect(await reasonOf(loadFeed(second))).toBe('network');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[1]![0])).toContain(second);
  });

  it('says nothing for a cross-origin server that answers, even with an error status', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    configureLoader({ retries: 0 });
    expect(await reasonOf(loadFeed(`${faultServer()}/status/404`))).toBe('http');
    expect((await loadFeed(`${faultServer()}/feed-cors-ok`)).feed.items.length).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
  });
});
