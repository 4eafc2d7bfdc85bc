/**
 * Suite 4 of the hardening issue: network faults at widget level, against the local test server (test/server.mjs).
 * Every listed widget points at the same failing URL (so the page makes one request per attempt), and each must
 * show its fallback with the right wire-feed-error reason, retry only what may pass and only a bounded number of
 * times, and never leave an unhandled rejection. The loader's own unit tests are in test/unit/loader.test.ts.
 *
 * "Offline" cannot be switched on from inside Vitest's browser mode; a refused connection (what fetch sees
 * offline) stands in for it here, and test/e2e/strict-host.test.ts takes a real Playwright context offline.
 */
import '../../src/define.js';
import { clearFeedCache, configureLoader, type LoaderOptions } from '../../src/feed/loader.js';
import { t } from '../../src/i18n/i18n.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createWidget,
  deepText,
  definedWidgets,
  installTripwire,
  settle,
  watchOutcome,
  type Outcome,
  type Tripwire,
  type WidgetElement,
} from '../hostile/dom.js';
import type { WidgetConfig } from '../hostile/widgets.js';
import { cleanup, faultServer, inShadow, mount, serverHits, until } from './helpers.js';

const SUITE = 'hostile-network';
const widgets = definedWidgets(SUITE);
const UNAVAILABLE = t('en', 'unavailable');
const NOT_FOUND = t('en', 'notFound');
let tripwire: Tripwire;

beforeAll(() => {
  tripwire = installTripwire();
});

afterEach(() => {
  cleanup();
  clearFeedCache();
});

afterAll(() => {
  tripwire.dispose();
});

interface Mounted {
  config: WidgetConfig;
  element: WidgetElement;
  outcome: Outcome;
}

/** Every listed widget on `src`, all at once, as on a page with several embeds of one feed. */
function mountAll(src: string, item = 'one'): Mounted[] {
  const root = mount('');
  return widgets.map((config) => {
    const element = createWidget(config, { first: item, ids: [item] }, item);
    const outcome = watchOutcome(element);
    element.src = src;
    root.append(element);
    return { config, element, outcome };
  });
}

async function settled(mounted: Mounted[], ms = 8000): Promise<void> {
  await until(() => mounted.every(({ outcome }) => outcome.last()), ms, 'every widget to load or fail');
  await Promise.all(mounted.map(({ element }) => settle(element)));
}

/** The reader sees the "not available" line, or nothing at all for widgets that hide instead. */
function expectFallback({ config, element }: Mounted, text: string): void {
  if (config.fallback === 'none') {
    expect(deepText(element), `${config.name} shows nothing`).toBe('');
    return;
  }
  // What a reader meets: the fallback sentence, visible, in the widget's own shadow root.
  const holder = inShadow(element).getByText(text);
  expect(holder.checkVisibility(), `${config.name} fallback visible`).toBe(true);
}

interface FaultCase {
  name: string;
  path: string;
  options: Partial<LoaderOptions>;
  reason?: string;
  status?: number;
  /** Requests the server should see (all widgets share them). */
  hits?: number;
  /** Waits the loader asks for between attempts (its setTimeout calls): the backoff and Retry-After. */
  waits?: number[];
  /** A wait it must not ask for (a Retry-After beyond maxRetryDelay). */
  never?: number;
  /** The answer takes a while: every widget is seen still loading meanwhile. */
  slow?: boolean;
}

// No case waits for this timeout (those about timeouts set their own): it only has to be long enough that a busy
// machine never turns a slow answer into a retry, which the counts of requests would see (two full runs side by
// side once made /html take three requests at 2 s).
const quick = { retryDelay: 20, maxRetryDelay: 2000, timeout: 30_000 };
const CASES: FaultCase[] = [
  {
    name: 'timeout',
    path: '/hang',
    // Long enough for the attempt to reach the server on a busy machine, which the count of hits checks.
    options: { ...quick, timeout: 1000, retries: 0 },
    reason: 'timeout',
    hits: 1,
  },
  {
    name: 'timeout, retried once',
    path: '/hang',
    options: { ...quick, timeout: 1000, retries: 1 },
    reason: 'timeout',
    hits: 2,
    waits: [20],
  },
  {
    name: '404',
    path: '/status/404',
    options: { ...quick, retries: 2 },
    reason: 'http',
    status: 404,
    hits: 1,
  },
  {
    name: '500, retried with backoff',
    path: '/status/500',
    options: { ...quick, retries: 2 },
    reason: 'http',
    status: 500,
    hits: 3,
    waits: [20, 40],
  },
  {
    name: '503 with Retry-After: 1',
    path: '/status/503?retry-after=1',
    options: { ...quick, retries: 1 },
    reason: 'http',
    status: 503,
    hits: 2,
    waits: [1000],
  },
  {
    name: '503 with a Retry-After beyond maxRetryDelay',
    path: '/status/503?retry-after=120',
    options: { ...quick, retries: 1, maxRetryDelay: 200 },
    reason: 'http',
    status: 503,
    hits: 2,
    waits: [200],
    never: 120_000,
  },
  { name: 'HTML instead of JSON', path: '/html', options: quick, reason: 'parse', hits: 1 },
  { name: 'truncated JSON', path: '/truncated', options: quick, reason: 'parse', hits: 1 },
  { name: 'empty body', path: '/empty', options: quick, reason: 'parse', hits: 1 },
  { name: 'JSON that is not a feed', path: '/not-a-feed', options: quick, reason: 'invalid', hits: 1 },
  { name: 'wrong content type (text/plain), still JSON', path: '/text', options: quick, hits: 1 },
  { name: 'slow response', path: '/feed?delay=400', options: quick, hits: 1, slow: true },
  { name: 'fails twice, then answers', path: '/flaky?fail=2', options: { ...quick, retries: 2 }, hits: 3 },
];

describe('network faults, at widget level', () => {
  for (const fault of CASES) {
    it(`${fault.name}: ${fault.reason ? `fallback, reason ${fault.reason}` : 'content'}`, async () => {
      await fetch(`${faultServer()}/__reset`);
      configureLoader(fault.options);
      const timers = vi.spyOn(window, 'setTimeout');
      const mounted = mountAll(`${faultServer()}${fault.path}`);
      if (fault.slow) {
        // While the answer is on its way every widget is still loading: no fallback, no error yet.
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const { config, outcome, element } of mounted) {
          expect(outcome.last(), config.name).toBeUndefined();
          if (config.fallback !== 'none') expect(deepText(element), config.name).not.toContain(UNAVAILABLE);
        }
      }
      await settled(mounted);
      const asked = timers.mock.calls.map(([, ms]) => ms);
      timers.mockRestore();
      for (const entry of mounted) {
        const last = entry.outcome.last();
        if (fault.reason) {
          expect(last, entry.config.name).toEqual({
            type: 'error',
            reason: fault.reason,
            status: fault.status,
          });
          expectFallback(entry, UNAVAILABLE);
        } else expect(last, entry.config.name).toEqual({ type: 'load' });
        // One outcome per widget, not one per retry.
        expect(entry.outcome.events.length, entry.config.name).toBe(1);
      }
      const path = fault.path.split('?')[0]!;
      if (fault.hits !== undefined && widgets.length) expect(await serverHits(path)).toBe(fault.hits);
      for (const ms of fault.waits ?? []) expect(asked, 'waits between attempts').toContain(ms);
      if (fault.never) expect(asked, 'waits between attempts').not.toContain(fault.never);
      expect(tripwire.problems()).toEqual([]);
    });
  }

  it('connection refused (and offline, which fetch reports the same way): fallback, reason network', async () => {
    const { port } = (await (await fetch(`${faultServer()}/__refused-port`)).json()) as { port: number };
    for (const src of [`http://127.0.0.1:${port}/feed.json`, 'http://127.0.0.1:9/feed.json']) {
      clearFeedCache();
      configureLoader({ ...quick, retries: 1 });
      const mounted = mountAll(src);
      await settled(mounted);
      for (const entry of mounted) {
        expect(entry.outcome.last(), `${entry.config.name} ${src}`).toEqual({
          type: 'error',
          reason: 'network',
          status: undefined,
        });
        expectFallback(entry, UNAVAILABLE);
      }
      cleanup();
    }
    expect(tripwire.problems()).toEqual([]);
  });

  it('a src that is not an http(s) URL: fallback, reason invalid, no request', async () => {
    const mounted = mountAll('javascript:window.__pwned=1');
    await settled(mounted);
    for (const entry of mounted) {
      expect(entry.outcome.last(), entry.config.name).toMatchObject({ type: 'error', reason: 'invalid' });
      expectFallback(entry, UNAVAILABLE);
    }
    expect(tripwire.problems()).toEqual([]);
  });

  it('an item the feed does not have: fallback, reason not-found', async () => {
    const mounted = mountAll(`${faultServer()}/feed?case=not-found`, 'no-such-story');
    await settled(mounted);
    for (const entry of mounted) {
      expect(entry.outcome.last(), entry.config.name).toMatchObject({ type: 'error', reason: 'not-found' });
      expectFallback(entry, NOT_FOUND);
    }
  });

  it('shows a stale cached feed at once while it is revalidated in the background', async () => {
    await fetch(`${faultServer()}/__reset`);
    configureLoader({ ...quick, staleAfter: 50 });
    // The page records a resource timing entry when a response has fully arrived: counting them tells an answer
    // still on its way from one that came back.
    performance.clearResourceTimings();
    // The revalidation's answer must still be out after both renders and a round trip to the server's log.
    const src = `${faultServer()}/feed-stale-revalidated?delay=4000`;
    const answers = () => performance.getEntriesByName(src).length;
    const first = mountAll(src);
    await settled(first);
    expect(await serverHits('/feed-stale-revalidated')).toBe(1);
    await until(() => answers() === 1, 5000, 'the first answer to be recorded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = mountAll(src);
    await settled(again);
    // Ready from the cache while the revalidation has been sent and its answer is still out.
    for (const entry of again) expect(entry.outcome.last(), entry.config.name).toEqual({ type: 'load' });
    expect(await serverHits('/feed-stale-revalidated')).toBe(2);
    expect(answers()).toBe(1);
    const shown = again.map(({ element }) => deepText(element));
    await until(() => answers() === 2, 20_000, 'the revalidation to answer');
    await Promise.all(again.map(({ element }) => settle(element)));
    // The fresh copy replaced the stale one without a flash of loading or error.
    again.forEach(({ element, config }, i) => expect(deepText(element), config.name).toBe(shown[i]));
    for (const entry of [...first, ...again])
      expect(
        entry.outcome.events.every((event) => event.type === 'load'),
        entry.config.name,
      ).toBe(true);
    expect(await serverHits('/feed-stale-revalidated')).toBe(2);
    expect(tripwire.problems()).toEqual([]);
  });
});
