/**
 * Suite 7 of the hardening issue, the heap half (the listener/observer/timer counts are in
 * test/browser/hostile-churn.test.ts): the built bundle, every widget connected and disconnected 1,000 times with
 * the lightbox and popovers opened along the way; after a forced GC the JS heap must not grow at a rate of 10 % of
 * where it started per 1000 mounts of each (read from the median of four quarters), nor by 20 % in all. Needs
 * Chromium's `--expose-gc`, hence Playwright from Node rather than Vitest's browser mode.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGETS } from '../hostile/widgets.js';
import { definedTags, pageHtml, SAMPLE_IDS, watchedPage, type Site, openSite, closeSite } from './harness.js';

const SUITE = 'e2e churn-heap';
const CYCLES = 1000;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite(['--js-flags=--expose-gc', '--enable-precise-memory-info']));
  site.add(
    '/churn.html',
    pageHtml({
      head: '<script type="module" src="/dist/wire-widgets.js"></script>',
      body: '<main id="root"></main>',
    }),
  );
});

afterAll(() => closeSite(site, browser));

describe('churn, JS heap', () => {
  it(`leaks under 10 % of its heap per ${CYCLES} mounts of every widget, and grows under 20 % in all`, async () => {
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/churn.html`);
    const tags = await definedTags(page, SUITE);
    const configs = WIDGETS.filter((config) => tags.has(config.tag)).map((config) => ({
      tag: config.tag,
      attributes: config.attributes?.(SAMPLE_IDS) ?? {},
      lightbox: config.lightbox,
    }));
    const result = await page.evaluate(
      async ({ configs, cycles, ids }) => {
        type Lit = HTMLElement & { feed?: unknown; updateComplete: Promise<boolean> } & Record<
            string,
            unknown
          >;
        const gc = (window as unknown as { gc: () => void }).gc;
        const memory = () =>
          (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        // Several collections with pauses between them: finalizers, observer callbacks and idle-time cleanup
        // release more on the second and third pass, and a single pass made the figure swing by ±8 %.
        const settle = async () => {
          for (let pass = 0; pass < 4; pass++) {
            gc();
            await new Promise((done) => setTimeout(done, 100));
          }
        };
        const feed: unknown = await (await fetch('/sample-feed.json')).json();
        const root = document.getElementById('root')!;
        const deep = (el: Element): Element[] => {
          const out: Element[] = [];
          const walk = (node: ParentNode) => {
            for (const child of node.querySelectorAll('*')) {
              out.push(child);
              if (child.shadowRoot) walk(child.shadowRoot);
            }
          };
          if (el.shadowRoot) walk(el.shadowRoot);
          return out;
        };
        const run = async (times: number) => {
          for (const config of configs)
            for (let n = 0; n < times; n++) {
              const element = document.createElement(config.tag) as Lit;
              for (const [name, value] of Object.entries(config.attributes))
                element.setAttribute(name, value);
              element.setAttribute('item', ids[n % ids.length]!);
              element.feed = feed;
              root.append(element);
              await element.updateComplete;
              if (n % 25 === 0) {
                if (config.lightbox) {
                  await (element[config.lightbox.open] as () => Promise<void>).call(element);
                  if (n % 50) (element[config.lightbox.close] as () => void).call(element);
                }
                // The credit control: a drawn button until first pressed, then the <wire-credit-info> it becomes.
                const control = deep(element).find(
                  (el) =>
                    el.matches('button.info') ||
                    (el.localName === 'wire-credit-info' && el.shadowRoot?.querySelector('button')),
                ) as (HTMLElement & { show?(): void }) | undefined;
                const frame = control?.parentElement;
                if (control?.show) control.show();
                else control?.click();
                await new Promise((done) => setTimeout(done, 0));
                const info = frame?.querySelector('wire-credit-info') as
                  (HTMLElement & { hide(): void }) | null;
                if (n % 50) info?.hide();
              }
              element.remove();
            }
        };
        // Warm-up: compiled code and its feedback, template caches, the lazily loaded floating-ui chunk, formatters
        // and the image cache exist once, not per widget; with a heap of about 2 MB they are most of 10 %. A full
        // round: <wire-story>'s code takes longer than the others' to settle (see leak.test.ts).
        await run(cycles);
        // The heap after collection still wobbles by tens of KB with what the engine happens to hold at that
        // moment; the lowest of three readings is the retained size, before and after alike.
        const retained = async () => {
          const readings: number[] = [];
          for (let reading = 0; reading < 3; reading++) {
            await settle();
            readings.push(memory());
          }
          return Math.min(...readings);
        };
        const readings = [await retained()];
        for (let quarter = 0; quarter < 4; quarter++) {
          await run(cycles / 4);
          await new Promise((done) => setTimeout(done, 200));
          readings.push(await retained());
        }
        return { readings, nodes: root.childNodes.length };
      },
      { configs, cycles: CYCLES, ids: SAMPLE_IDS.ids },
    );
    const { readings } = result;
    const [before, after] = [readings[0]!, readings.at(-1)!];
    console.info(
      `[${SUITE}] ${CYCLES} cycles × ${configs.length} widget configurations: heap by quarter ` +
        `${readings.join(' → ')} bytes (${(((after - before) / before) * 100).toFixed(1)} %)`,
    );
    expect(result.nodes).toBe(0);
    // What a widget leaks, it leaks on every mount, and every quarter grows alike: about 40 KB each, 5.5 % in all,
    // in most runs. Some runs (two CI runs of 16, three local ones of 18) had one jump of about 150 to 250 KB in one
    // part of the run, or a drop: a one-time cost of the engine's (compiled code, a heap page), in which heap
    // snapshots of 2000 mounts found nothing of ours. So the rate is the median quarter's growth, which one jump or
    // one drop does not move, and the whole run is bounded.
    const growths = readings
      .slice(1)
      .map((reading, i) => reading - readings[i]!)
      .sort((a, b) => a - b);
    const rate = ((growths[1]! + growths[2]!) / 2) * 4;
    expect(rate).toBeLessThanOrEqual(before * 0.1);
    expect(after).toBeLessThanOrEqual(before * 1.2);
    expect(problems(/^(HTTP 404 |request failed: )/)).toEqual([]);
    await context.close();
  }, 120_000);
});
