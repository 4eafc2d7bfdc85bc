/**
 * The one feed loader for the page. Every widget asks it for a URL; the first ask starts a request and every
 * other ask, while it is in flight or after it succeeded, gets the same promise, so N widgets on a page cost one
 * request (the pattern of Shoelace's `include/request.ts`).
 *
 * The request is never tied to one widget: a widget that disconnects stops waiting (its own AbortSignal) but
 * the shared request goes on for the others. Failures that may pass (network, timeout, 5xx, 429) are retried a
 * bounded number of times with backoff; an oversize or unparsable body is not, since the same URL would send it
 * again. Failures are remembered for a cool-down so a broken feed is not hammered, then forgotten so a later
 * ask tries again.
 */
import { normalizeFeedInSlices } from './normalize.js';
import { nextTask, SLICE_MS, yieldToBrowser } from '../shared/slices.js';
import type { FeedErrorReason, Feed } from './types.js';
import {
  offDocument,
  offWindow,
  onDocument,
  onWindow,
  pageBase,
  pageLocation,
  pageVisible,
} from '../shared/dom.js';
import { safeUrl } from './url.js';

export class FeedError extends Error {
  constructor(
    readonly reason: FeedErrorReason,
    message: string,
    readonly status?: number,
    /** Seconds the server asked us to wait (503/429 `Retry-After`). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

export interface LoadedFeed {
  url: string;
  feed: Feed;
  warnings: string[];
  /** When the response arrived (ms since epoch). */
  loadedAt: number;
}

export interface LoaderOptions {
  /** Per-attempt timeout. */
  timeout: number;
  /** Extra attempts after the first, for errors that may pass (network, timeout, 5xx, 429). */
  retries: number;
  /** Delay before the first retry; doubles each time. */
  retryDelay: number;
  /** Longest wait between retries, including a server's Retry-After. */
  maxRetryDelay: number;
  /** How long a final failure is remembered before a new ask tries the network again. */
  failureCooldown: number;
  /** After this age a cached feed is still served at once, but refreshed in the background. */
  staleAfter: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /**
   * How often a feed that a widget on the page shows is checked again while the page is visible, so that a kill,
   * a new embargo or an expiry brought forward reaches a page left open; 0 stops it. The check revalidates the
   * browser's HTTP cache (a 304 when the feed has a validator), and an unchanged body is neither read nor drawn again.
   */
  refreshInterval: number;
}

const DEFAULTS: LoaderOptions = {
  timeout: 10_000,
  retries: 2,
  retryDelay: 1_000,
  maxRetryDelay: 8_000,
  failureCooldown: 30_000,
  staleAfter: 5 * 60_000,
  maxBytes: 5_000_000,
  refreshInterval: 60_000,
};

let options: LoaderOptions = { ...DEFAULTS };

/** Changes loader timing for the whole page (tests use short timeouts; a publisher may want longer ones). */
export function configureLoader(change: Partial<LoaderOptions>): void {
  options = { ...options, ...change };
  schedulePoll(true);
}

interface Entry {
  promise: Promise<LoadedFeed>;
  /** When its request started: a copy is as recent as that (see `readSince`). */
  startedAt: number;
  /** Set once the promise settles. */
  settled?: { at: number; ok: boolean };
  /** A check of this copy in flight; resolves to the copy the page shows after it. One at a time per copy. */
  checking?: Promise<LoadedFeed>;
  /** After a failed check, no background check before then (the failure cool-down, or the server's Retry-After). */
  quietUntil?: number;
  /** The body the feed was read from: a check that brings the same text is not read again. */
  text?: string;
}

const cache = new Map<string, Entry>();
const listeners = new Set<(loaded: LoadedFeed) => void>();

/** Forgets every cached feed and resets timing (for tests, and for hosts that log a user out). */
export function clearFeedCache(): void {
  cache.clear();
  options = { ...DEFAULTS };
  schedulePoll(true);
}

/**
 * Called whenever a check brings a newer copy of a feed, so widgets showing the older one can re-render. Returns
 * the unsubscribe function.
 */
export function onFeedRefresh(listener: (loaded: LoadedFeed) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The absolute URL a `src` attribute points at, or a FeedError("invalid") for anything but http(s). */
export function resolveFeedUrl(src: string): string {
  const url = safeUrl(src, pageBase());
  if (!url) throw new FeedError('invalid', `Feed URL is not an http(s) URL: ${src.slice(0, 200)}`);
  return url;
}

/**
 * The feed at `src`, shared with every other caller. `signal` only stops this caller's wait: the request
 * continues for the others. With `readSince` (ms since epoch), a copy whose request started before then is not
 * good enough for this caller, who gets it read again (a server-rendered snippet must not be overruled by a copy
 * older than itself); the other callers keep that copy meanwhile, and if the new read fails.
 */
export function loadFeed(src: string, signal?: AbortSignal, readSince?: number): Promise<LoadedFeed> {
  let url: string;
  try {
    url = resolveFeedUrl(src);
  } catch (error) {
    return Promise.reject(error);
  }
  let entry = cache.get(url);
  if (entry?.settled && !entry.settled.ok && Date.now() - entry.settled.at > options.failureCooldown)
    entry = undefined;
  if (!entry) {
    entry = startEntry(url);
    cache.set(url, entry);
  } else if (readSince !== undefined && entry.startedAt < readSince) {
    const held = entry;
    return withSignal(
      held.promise.then(() => recheck(url, held, options.retries)),
      signal,
    );
  } else if (entry.settled?.ok && Date.now() - entry.settled.at > options.staleAfter)
    backgroundCheck(url, entry);
  return withSignal(entry.promise, signal);
}

function startEntry(url: string, retries = options.retries): Entry {
  const entry: Entry = {
    startedAt: Date.now(),
    // Nothing to compare with: every answer is read.
    promise: fetchWithRetry(url, retries).then((fetched) => {
      entry.text = fetched!.text;
      return fetched!.loaded;
    }),
  };
  entry.promise.then(
    () => (entry.settled = { at: Date.now(), ok: true }),
    () => (entry.settled = { at: Date.now(), ok: false }),
  );
  return entry;
}

/** Tells the widgets showing an older copy of a feed that a newer one has arrived. */
function announce(fresh: LoadedFeed): void {
  for (const listener of listeners) {
    try {
      listener(fresh);
    } catch {
      // One widget's failure to re-render must not stop the others hearing about the refresh.
    }
  }
}

/**
 * Reads `url` again for the copy `held`, which the page keeps showing meanwhile: resolves to the copy to show
 * after it, `held` itself when the body is unchanged; a changed one replaces it for the page and is announced.
 */
function recheck(url: string, held: Entry, retries: number): Promise<LoadedFeed> {
  const started = Date.now();
  held.checking ??= fetchWithRetry(url, retries, held.text).then(
    (fetched) => {
      held.checking = undefined;
      const current = cache.get(url);
      // Replaced meanwhile (another check, a cleared cache): what the page has now is the answer.
      if (current && current !== held) return current.promise;
      if (!fetched) {
        held.settled = { at: Date.now(), ok: true };
        held.startedAt = started;
        return held.promise;
      }
      const { loaded, text } = fetched;
      cache.set(url, {
        promise: Promise.resolve(loaded),
        startedAt: started,
        settled: { at: loaded.loadedAt, ok: true },
        text,
      });
      announce(loaded);
      return loaded;
    },
    (error: unknown) => {
      held.checking = undefined;
      const wait = error instanceof FeedError && error.retryAfter ? error.retryAfter * 1000 : 0;
      held.quietUntil = Date.now() + Math.max(options.failureCooldown, wait);
      throw error;
    },
  );
  return held.checking;
}

/**
 * A check nobody waits for (a stale copy served, the periodic check): one try, no retries, and none again before
 * the cool-down after a failure, so a page left open during an outage does not add to it.
 */
function backgroundCheck(url: string, entry: Entry): void {
  if (entry.checking || Date.now() < (entry.quietUntil ?? 0)) return;
  recheck(url, entry, 0).catch(() => {});
}

/** The feeds widgets on the page show, with how many show each: the ones `refreshInterval` checks again. */
const watched = new Map<string, number>();
let pollTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Keeps `url` checked every `refreshInterval` while the page is visible, and at once when the page is shown again
 * (or back online) after missing a check: how a kill reaches a page left open. Returns the function that stops
 * this watch; the checks stop with the last one.
 */
export function watchFeed(url: string): () => void {
  if (!watched.size) {
    onDocument('visibilitychange', catchUp);
    onWindow('online', catchUp);
  }
  watched.set(url, (watched.get(url) ?? 0) + 1);
  schedulePoll();
  let watching = true;
  return () => {
    if (!watching) return;
    watching = false;
    const count = (watched.get(url) ?? 1) - 1;
    if (count) watched.set(url, count);
    else watched.delete(url);
    if (watched.size) return;
    schedulePoll(true);
    offDocument('visibilitychange', catchUp);
    offWindow('online', catchUp);
  };
}

/**
 * Checks every watched feed read at least `minAge` ago, unless the page is hidden. One whose last load failed is
 * loaded again once its cool-down has passed: a snippet whose live feed was unreachable at first still hears of a
 * later kill.
 */
function check(minAge: number): void {
  if (!pageVisible()) return;
  const now = Date.now();
  for (const url of watched.keys()) {
    const entry = cache.get(url);
    if (!entry?.settled) continue;
    if (entry.settled.ok) {
      if (now - entry.settled.at >= minAge) backgroundCheck(url, entry);
    } else if (now - entry.settled.at > options.failureCooldown) {
      const fresh = startEntry(url, 0);
      cache.set(url, fresh);
      fresh.promise.then(announce, () => {});
    }
  }
}

/** Sets the next check, if some feed is watched and checks are on; `restart` drops the one already set. */
function schedulePoll(restart = false): void {
  if (restart) {
    clearTimeout(pollTimer);
    pollTimer = undefined;
  }
  if (watched.size && options.refreshInterval) pollTimer ??= setTimeout(poll, options.refreshInterval);
}

function poll(): void {
  pollTimer = undefined;
  // Half an interval: a feed just read by a widget or a catch-up waits for the next round.
  check(options.refreshInterval / 2);
  schedulePoll();
}

/** A hidden tab skipped its checks, or a sleeping computer missed them: the feeds last read too long ago, now. */
function catchUp(): void {
  if (options.refreshInterval) check(options.refreshInterval);
}

function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function isRetryable(error: FeedError): boolean {
  return (
    error.reason === 'network' ||
    error.reason === 'timeout' ||
    (error.reason === 'http' && (error.status === 429 || (error.status ?? 0) >= 500))
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The feed read from a response and the body it was read from; undefined when the body is `unchanged`. */
type Fetched = { loaded: LoadedFeed; text: string } | undefined;

async function fetchWithRetry(url: string, retries: number, unchanged?: string): Promise<Fetched> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetchOnce(url, unchanged);
    } catch (error) {
      const feedError =
        error instanceof FeedError
          ? error
          : new FeedError('network', error instanceof Error ? error.message : 'failed');
      if (attempt >= retries || !isRetryable(feedError)) throw feedError;
      const backoff = options.retryDelay * 2 ** attempt;
      const asked = feedError.retryAfter !== undefined ? feedError.retryAfter * 1000 : 0;
      await sleep(Math.min(Math.max(backoff, asked), options.maxRetryDelay));
    }
  }
}

/** Cross-origin feed URLs that have printed the CORS hint: one console line per URL for the page's lifetime. */
const corsHinted = new Set<string>();

/**
 * A cross-origin feed refused by CORS (no `Access-Control-Allow-Origin`) fails exactly like an unreachable server:
 * `fetch` rejects with a TypeError and the page cannot tell which (the reason is only in the browser's console,
 * worded differently per browser). So the retries stay (most embeds load a cross-origin feed: fewer retries there
 * would mean fewer for every flaky connection too), and one line names the header to check.
 */
function hintCors(url: string): void {
  const page = pageLocation();
  // A string test, not `new URL(page)`: a sandboxed or srcdoc page's origin is "null", which does not parse.
  if (!page || page.startsWith(`${new URL(url).origin}/`) || corsHinted.has(url)) return;
  corsHinted.add(url);
  console.warn(
    `wire-widgets: the feed ${url} could not be fetched. If that server is up, it must allow this page's origin ` +
      '(Access-Control-Allow-Origin: *, or this origin), or the browser refuses it as a network error.',
  );
}

// Markup is never a feed. Anything else is given a chance to parse: static hosts often serve .json files as
// text/plain or application/octet-stream.
const MARKUP_TYPE = /\b(html|xml)\b/i;

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * The body as text, read as a stream and refused as soon as it passes `max` bytes, whatever the headers say:
 * Content-Length may be absent (chunked), lie, or count compressed bytes (388 KB of gzip can inflate to
 * 400 MB). The count is of decoded bytes, as `fetch` hands them over, so nothing past the cap is ever inflated
 * or kept. A declared length over the cap is refused before reading. Cancelling the reader ends the download
 * (browsers report that request as aborted).
 */
export async function readCapped(response: Response, max: number): Promise<string> {
  const tooLarge = () => new FeedError('too-large', `Feed larger than ${max} bytes`);
  if (Number(response.headers.get('content-length')) > max) {
    void response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Most JSON values a feed may hold. Parsing costs per value more than per byte: 4.5 MB of `{},` is 1.5 million
 * objects, seconds of `JSON.parse` that no later cap can win back. A full 500-item feed with galleries holds well
 * under 100,000, and commas in its prose count too.
 */
const MAX_JSON_VALUES = 300_000;

/** An upper bound on the values in a JSON text: its `{`, `[` and `,` (those inside strings too). */
function jsonValues(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7b || c === 0x5b) count++;
  }
  return count;
}

async function fetchOnce(url: string, unchanged?: string): Promise<Fetched> {
  let response: Response;
  const signal = AbortSignal.timeout(options.timeout);
  try {
    response = await fetch(url, {
      signal,
      credentials: 'omit',
      // A copy in the browser's HTTP cache is checked with the server first: a kill must not wait for its max-age.
      cache: 'no-cache',
      // Whatever the page's own policy, the feed's server learns the page's origin, never its query.
      referrerPolicy: 'strict-origin-when-cross-origin',
      headers: { accept: 'application/feed+json, application/json;q=0.9' },
    });
  } catch (error) {
    if (signal.aborted) throw new FeedError('timeout', `No response within ${options.timeout} ms`);
    if (error instanceof TypeError) hintCors(url);
    throw new FeedError('network', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    throw new FeedError(
      'http',
      `HTTP ${response.status}`,
      response.status,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  const type = response.headers.get('content-type') ?? '';
  // An HTML error page served with 200 (captive portals, SPA fallbacks) is the common case this catches.
  if (MARKUP_TYPE.test(type)) throw new FeedError('parse', `Not JSON: content type ${type.slice(0, 100)}`);
  let text: string;
  try {
    text = await readCapped(response, options.maxBytes);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    if (signal.aborted) throw new FeedError('timeout', `Body not complete within ${options.timeout} ms`);
    throw new FeedError('network', error instanceof Error ? error.message : 'Body read failed');
  }
  if (text === unchanged) return undefined;
  if (jsonValues(text) > MAX_JSON_VALUES) {
    throw new FeedError('too-large', `Feed has more than ${MAX_JSON_VALUES} JSON values`);
  }
  // A body the network delivered at once is read, parsed and normalised in one task unless the page gets the
  // thread back in between: for a large body, three tasks of tens of milliseconds instead of one of hundreds.
  await nextTask();
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new FeedError('parse', error instanceof Error ? error.message : 'Invalid JSON');
  }
  await nextTask();
  // Then read in slices, a pause between two items every SLICE_MS: a feed of 500 stories was one task of 255-306
  // ms in Chromium on a laptop (bench:hostile).
  const { feed, warnings } = await normalizeFeedInSlices(json, response.url || url, yieldToBrowser, SLICE_MS);
  // And the widgets' renders, which start as this resolves, in a task of their own.
  await yieldToBrowser();
  if (!feed) throw new FeedError('invalid', warnings[0] ?? 'Not a JSON Feed');
  return { loaded: { url, feed, warnings, loadedAt: Date.now() }, text };
}
