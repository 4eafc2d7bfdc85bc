/**
 * Suite 7 of the hardening issue (the counting half; the heap half needs `--expose-gc` and runs in
 * test/e2e/churn-heap.test.ts): a single-page app mounting and unmounting every widget 1,000 times, opening and
 * closing the lightbox and credit popovers along the way. Afterwards nothing may be left registered: listeners
 * on window/document, observations, intervals (the shared relative-time timer among them), floating-ui's
 * autoUpdate (its window scroll and resize listeners and its observers).
 */
import { census } from '../hostile/instrument.js';
import '../../src/define.js';
import { clearFeedCache } from '../../src/feed/loader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWidget,
  deepElements,
  definedWidgets,
  installTripwire,
  lightbox,
  settle,
  type Tripwire,
  type WidgetElement,
} from '../hostile/dom.js';
import type { WidgetConfig } from '../hostile/widgets.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { cleanup, mount, until } from './helpers.js';

const SUITE = 'hostile-churn';
const widgets = definedWidgets(SUITE);
const CYCLES = 1000;
/** Every this many cycles the lightbox and a credit popover are opened and closed (40 times per widget). */
const INTERACT_EVERY = 25;
let tripwire: Tripwire;
let sample: unknown;
let ids: string[] = [];

beforeAll(async () => {
  tripwire = installTripwire();
  // Served by Vitest's dev server from the project root; its root-relative images simply 404 here.
  sample = await (await fetch('/demo/public/sample-feed.json')).json();
  ids = (sample as { items: { id: string }[] }).items.map((item) => item.id);
});

afterAll(() => {
  tripwire.dispose();
  cleanup();
  clearFeedCache();
});

interface CreditInfo extends HTMLElement {
  show(): void;
  hide(): void;
}

/** Opens a credit popover until floating-ui tracks it, then closes it (or leaves it open for disconnect). */
async function popover(element: Element, close: boolean, name: string): Promise<boolean> {
  // The one a reader could click: drawn, not in an inert (off-screen) gallery slide. Until first pressed it is a
  // plain button standing in for <wire-credit-info>; a widget moved back in may already hold the element.
  const control = [...deepElements(element)].find(
    (el): el is HTMLElement =>
      (el.matches('button.info') ||
        Boolean(el.matches('wire-credit-info') && el.shadowRoot?.querySelector('button'))) &&
      el.checkVisibility() &&
      !el.parentElement?.closest('[inert]'),
  );
  if (!control) return false;
  // While floating-ui tracks the anchor, its autoUpdate listens to the page's scroll on window.
  const scrollListeners = () => census().listeners['window scroll|false'] ?? 0;
  const before = scrollListeners();
  const frame = control.parentElement!;
  if (control.localName === 'button') control.click();
  else (control as CreditInfo).show();
  await until(
    () => scrollListeners() > before,
    3000,
    `floating-ui autoUpdate for ${name} (control: ${frame.querySelector('wire-credit-info') ? 'the element' : 'still the drawn button'})`,
  );
  const info = frame.querySelector<CreditInfo>('wire-credit-info')!;
  if (close) info.hide();
  return true;
}

/** One SPA "route change": the widget appears, renders, maybe gets used, and goes. */
async function cycle(
  config: WidgetConfig,
  root: HTMLElement,
  reused: WidgetElement,
  n: number,
): Promise<number> {
  // Half the time a fresh element (a new page view), half the time the same one moved back in (a cached view);
  // every tenth time inside a <wire-feed>, so the context subscription churns too.
  const element = n % 2 ? reused : createWidget(config, { first: ids[0]!, ids }, ids[n % ids.length]);
  let interactions = 0;
  if (n % 10 === 3) {
    const provider = document.createElement('wire-feed') as WidgetElement;
    provider.feed = sample;
    element.feed = undefined;
    provider.append(element);
    root.append(provider);
  } else {
    element.feed = sample;
    root.append(element);
  }
  await settle(element);
  if (n % INTERACT_EVERY === 0) {
    if (await lightbox(element, config, 'open')) {
      interactions++;
      // Every other time the lightbox is left open and the page navigates away under it.
      if (n % (INTERACT_EVERY * 2)) await lightbox(element, config, 'close');
    }
    if (await popover(element, n % (INTERACT_EVERY * 2) !== 0, `${config.name} #${n}`)) interactions++;
  }
  root.replaceChildren();
  return interactions;
}

describe('churn', () => {
  it(`connects and disconnects every widget ${CYCLES} times and leaves nothing registered`, async () => {
    const root = mount('');
    const warmups = widgets.map((config) => createWidget(config, { first: ids[0]!, ids }));
    // Warm up: module-level caches and lazily loaded chunks (floating-ui) are there once, not per widget.
    for (const [i, config] of widgets.entries())
      for (let n = 0; n < 4; n++) await cycle(config, root, warmups[i]!, n * 25);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const baseline = census();
    let interactions = 0;
    for (const config of widgets) {
      const reused = createWidget(config, { first: ids[0]!, ids }, ids[0]);
      for (let n = 0; n < CYCLES; n++) interactions += await cycle(config, root, reused, n);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = census();
    console.info(
      `[${SUITE}] ${CYCLES} cycles × ${widgets.length} widget configurations, ${interactions} lightbox/popover ` +
        `openings; registered after: ${JSON.stringify(after)}`,
    );
    expect(after).toEqual(baseline);
    expect(tripwire.problems()).toEqual([]);
    root.remove();
  }, 600_000);

  it('counts what it should: a listener left on window shows up (the instrument works)', () => {
    const before = census();
    const leak = () => undefined;
    window.addEventListener('resize', leak);
    const observer = new ResizeObserver(() => undefined);
    observer.observe(document.body);
    const interval = setInterval(() => undefined, 60_000);
    const during = census();
    expect(during.listeners['window resize|false']).toBe((before.listeners['window resize|false'] ?? 0) + 1);
    expect(during.observations).toBe(before.observations + 1);
    expect(during.intervals).toBe(before.intervals + 1);
    window.removeEventListener('resize', leak);
    observer.disconnect();
    clearInterval(interval);
    expect(census()).toEqual(before);
  });

  it('counts the shared relative-time timer: one interval for any number of recent cards, none once they go', async () => {
    const before = census().intervals;
    const root = mount('');
    const feed = rawFeed([rawItem('recent', { date_published: new Date().toISOString() })]);
    const cards = Array.from({ length: 3 }, () => {
      const card = document.createElement('wire-article-card') as WidgetElement;
      card.feed = feed;
      return card;
    });
    root.append(...cards);
    await Promise.all(cards.map((card) => settle(card)));
    expect(cards[0]!.shadowRoot!.querySelector('time')!.textContent).toBe('this minute');
    expect(census().intervals).toBe(before + 1);
    root.remove();
    expect(census().intervals).toBe(before);
  });
});
