/**
 * Suite 2 of the hardening issue: fuzzing whole widgets. fast-check hands every listed widget arbitrary values
 * and near-valid feeds as its `feed`; each must end in content or its fallback (a wire-feed-load or
 * wire-feed-error), with no uncaught error, no unhandled rejection, no script run and no unsafe URL rendered.
 */
import '../../src/define.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyFeedValue, itemChoice, nearValidFeed } from '../hostile/arbitraries.js';
import {
  audit,
  createWidget,
  definedWidgets,
  installTripwire,
  lightbox,
  settle,
  watchOutcome,
  type Tripwire,
} from '../hostile/dom.js';
import type { WidgetConfig } from '../hostile/widgets.js';
import { cleanup, faultServer, mount } from './helpers.js';

const SUITE = 'hostile-fuzz';
const widgets = definedWidgets(SUITE);
/** Runs per widget configuration: arbitrary values, then near-valid feeds. */
const ANYTHING_RUNS = 100;
const NEAR_VALID_RUNS = 500;
let tripwire: Tripwire;

beforeAll(() => {
  tripwire = installTripwire();
});

afterAll(() => {
  tripwire.dispose();
  cleanup();
});

async function renderOnce(config: WidgetConfig, feed: unknown, item: string | undefined): Promise<void> {
  const root = mount('');
  try {
    const element = createWidget(config, { first: 'a', ids: ['a', 'b', 'c'] }, item);
    const outcome = watchOutcome(element);
    element.feed = feed;
    root.append(element);
    await settle(element);
    const last = outcome.last();
    if (!last) throw new Error(`${config.name} ended in neither wire-feed-load nor wire-feed-error`);
    if (last.type === 'load') await lightbox(element, config, 'open');
    const problems = [...audit(element), ...tripwire.problems()];
    if (problems.length) throw new Error(`${config.name}: ${problems.join('; ')}`);
    await lightbox(element, config, 'close');
  } finally {
    root.remove();
  }
}

describe('fuzzed feeds', () => {
  it('every widget ends in content or its fallback for any value set as its feed', async () => {
    for (const config of widgets) {
      await fc.assert(
        fc.asyncProperty(anyFeedValue, itemChoice, (feed, item) => renderOnce(config, feed, item)),
        { numRuns: ANYTHING_RUNS },
      );
    }
    console.info(`[${SUITE}] ${ANYTHING_RUNS} arbitrary values × ${widgets.length} widget configurations`);
    expect(tripwire.problems()).toEqual([]);
  }, 600_000);

  it('every widget ends in content or its fallback for near-valid feeds with random values in every field', async () => {
    const server = faultServer();
    const countUrl = fc.constantFrom(
      `${server}/counts`,
      `${server}/counts-odd`,
      `${server}/status/500`,
      `${server}/html`,
      'javascript:window.__pwned=1',
    );
    for (const config of widgets) {
      await fc.assert(
        fc.asyncProperty(nearValidFeed(countUrl), itemChoice, (feed, item) => renderOnce(config, feed, item)),
        { numRuns: NEAR_VALID_RUNS },
      );
    }
    console.info(`[${SUITE}] ${NEAR_VALID_RUNS} near-valid feeds × ${widgets.length} widget configurations`);
    // Live-count requests started by the comment prompts settle after their elements are gone.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tripwire.problems()).toEqual([]);
  }, 600_000);
});
