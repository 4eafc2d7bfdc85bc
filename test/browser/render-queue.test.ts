import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { WireArticleCard } from '../../src/components/article-card/article-card.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';
import '../../src/components/related-story/related-story.define.js';
import { queueRender } from '../../src/shared/render-queue.js';
import { yieldToBrowser } from '../../src/shared/slices.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { cleanup, faultServer, mount, until } from './helpers.js';

afterEach(cleanup);

/** The Prioritized Task Scheduling API, which Chromium has and TypeScript's DOM types do not yet. */
const scheduler = (
  globalThis as unknown as {
    scheduler: {
      postTask<T>(task: () => T, options: { priority: 'user-blocking'; signal?: AbortSignal }): Promise<T>;
    };
  }
).scheduler;

describe('a feed arriving for many widgets at once', () => {
  it("lets a reader's urgent work in between the widgets' renders, and still draws every card", async () => {
    const feed = rawFeed(
      Array.from({ length: 50 }, (_, i) => rawItem(`s${i}`, { tags: ['Russia', 'North Korea'] })),
    );
    const container = mount(
      Array.from({ length: 300 }, (_, i) => `<wire-article-card item="s${i % 50}"></wire-article-card>`).join(
        '',
      ),
    );
    const cards = [...container.querySelectorAll<WireArticleCard>('wire-article-card')];
    // The skeletons: a first render is never queued, so they show as soon as the elements do.
    await Promise.all(cards.map((card) => card.updateComplete));
    expect(cards.every((card) => card.shadowRoot?.querySelector('[part="skeleton"]'))).toBe(true);

    const drawn = () => cards.filter((card) => card.shadowRoot?.querySelector('[part="link"]')).length;
    // What a tap handler or an animation frame would be: a task posted at the highest priority as soon as the first
    // card is drawn (the observer's callback runs in a microtask of the task that drew it). Before the render queue
    // every card was drawn in that task, so this task saw all 300.
    const firstDrawn = new Promise<void>((resolve) =>
      new MutationObserver((_, observer) => {
        observer.disconnect();
        resolve();
      }).observe(cards[0]!.shadowRoot!, { childList: true, subtree: true }),
    );
    for (const card of cards) card.feed = feed;
    await firstDrawn;
    const seenByUrgentTask = await scheduler.postTask(drawn, { priority: 'user-blocking' });

    expect(seenByUrgentTask).toBeGreaterThan(0);
    expect(seenByUrgentTask).toBeLessThan(cards.length);
    await until(() => drawn() === cards.length, undefined, 'every card drawn');
    expect(cards.map((card) => card.shadowRoot?.querySelector('[part="link"]')?.textContent?.trim())).toEqual(
      cards.map((_, i) => `Story s${i % 50}`),
    );
  });

  it("draws a change in the task that made it, as a reader's click expects", async () => {
    const feed = rawFeed([rawItem('a'), rawItem('b')]);
    const container = mount(
      '<wire-article-card item="a"></wire-article-card><wire-article-card item="b"></wire-article-card>',
    );
    const cards = [...container.querySelectorAll<WireArticleCard>('wire-article-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    const drawn = () => cards.filter((card) => card.shadowRoot?.querySelector('[part="link"]')).length;

    for (const card of cards) card.feed = feed;
    // The first at least: the queue starts in this task's microtasks, and a busy machine may end the slice after
    // one card.
    expect(await countAtTheEndOfThisTask(drawn)).toBeGreaterThan(0);
    await until(() => drawn() === cards.length, undefined, 'both cards drawn');
  });

  it('leaves the task that queued a hydration before it runs it (the bundle evaluating, the elements upgrading)', async () => {
    let hydrated = 0;
    const done = queueRender(() => void hydrated++, { ownTask: true });
    expect(await countAtTheEndOfThisTask(() => hydrated)).toBe(0);
    await done;
    expect(hydrated).toBe(1);
  });

  it('holds the jobs behind one that reads in slices until it is done, and a read that fails stops only itself', async () => {
    const order: string[] = [];
    const read = async (name: string, fail = false) => {
      order.push(`${name} starts`);
      await yieldToBrowser();
      await yieldToBrowser();
      order.push(`${name} ends`);
      if (fail) throw new Error(name);
    };
    const first = queueRender(() => read('first', true), { ownTask: true });
    const second = queueRender(() => void order.push('second'), { ownTask: true });
    const third = queueRender(() => read('third'), { ownTask: true });
    await expect(first).rejects.toThrow('first');
    await Promise.all([second, third]);
    expect(order).toEqual(['first starts', 'first ends', 'second', 'third starts', 'third ends']);
  });

  it('runs a job that must be alone in a task no other job shares, and fits quick jobs together', async () => {
    const runs = slicesOf(['a', 'b', 'alone', 'c', 'd'], ['alone']);
    expect(await runs).toEqual([['a', 'b'], ['alone'], ['c', 'd']]);
  });

  it('does not start a job that the one before it says will not fit in the slice', async () => {
    // Each job "takes" the milliseconds of its name on a clock the test moves. 3, 3 and 5 fit a 12 ms slice (the 5
    // starts at 6 ms, estimated at 3). The 8 starts a new slice: the slice is at 11 ms and the job before took 5,
    // where the 11 ms alone would have let it start and run the slice to 19. The 1 after the 8 is estimated at 8.
    const runs = slicesOf(['3', '3', '5', '8', '1', '1']);
    expect(await runs).toEqual([['3', '3', '5'], ['8'], ['1', '1']]);
  });

  it("still gives the thread back when the host's task that called it was aborted", async () => {
    const controller = new AbortController();
    const native = (globalThis as unknown as { scheduler: { yield(): Promise<void> } }).scheduler.yield.bind(
      globalThis.scheduler,
    );
    const outcomes = new Promise<[string, string]>((resolve) => {
      const settle = (promise: Promise<void>) =>
        promise.then(
          () => 'went on',
          () => 'rejected',
        );
      scheduler
        .postTask(
          () => {
            controller.abort();
            // scheduler.yield() takes on this task's signal, aborted by now: it rejects, and the queue stalled.
            void Promise.all([settle(native()), settle(yieldToBrowser())]).then(resolve);
          },
          { priority: 'user-blocking', signal: controller.signal },
        )
        // The task itself reports the abort: that is the host's business.
        .catch(() => {});
    });
    // The browser's own yield is refused there (else this test would prove nothing); ours goes on.
    expect(await outcomes).toEqual(['rejected', 'went on']);
  });
});

describe("a widget's first render", () => {
  /**
   * Every widget whose box wire-widgets.css can hold, on a feed that never answers (`src`, a new one per test: the
   * page makes one request per feed), so that they stay skeletons; and a server-rendered card whose shadow root was
   * never attached (inserted as HTML), which is as empty. Added after the bundle ran: the page's own tags, upgraded
   * as the bundle defines them, are the end-to-end suites' (layout-shift.test.ts).
   */
  const widgets = (src: string) => {
    const container = mount(
      [
        `<wire-photo-gallery src="${src}"></wire-photo-gallery>`,
        `<wire-article-card src="${src}" layout="hero"></wire-article-card>`,
        `<wire-article-card src="${src}"></wire-article-card>`,
        `<wire-related-story src="${src}" related-to="a"></wire-related-story>`,
        `<wire-comment-prompt src="${src}"></wire-comment-prompt>`,
        `<wire-article-card ssr src="${src}"><template shadowrootmode="open"><p>Story</p></template></wire-article-card>`,
      ].join(''),
    );
    return [...container.children];
  };
  const drawn = (elements: Element[]) =>
    elements.filter((element) => element.shadowRoot?.hasChildNodes()).length;

  /** Runs `test` counting the page's requests for `src` and its reads of styles. */
  async function counting(
    src: string,
    test: (counts: { requests: number; styleReads: number }) => Promise<void>,
  ) {
    const counts = { requests: 0, styleReads: 0 };
    const { fetch, getComputedStyle } = globalThis;
    globalThis.fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input) === src) counts.requests++;
      return fetch(input, init);
    };
    globalThis.getComputedStyle = (element, pseudo) => {
      counts.styleReads++;
      return getComputedStyle(element, pseudo);
    };
    try {
      await test(counts);
    } finally {
      Object.assign(globalThis, { fetch, getComputedStyle });
    }
  }

  it('draws at once when added after the bundle ran, even where the page holds boxes (wire-widgets.css)', async () => {
    const link = document.head.appendChild(document.createElement('link'));
    link.rel = 'stylesheet';
    link.href = '/src/styles/wire-widgets.css';
    await new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    const src = `${faultServer()}/hang?added`;
    try {
      await counting(src, async (counts) => {
        // An app's render: the elements are defined already, and a framework sets what it passes as properties
        // (React 19 sets `layout` so). Held until a queued skeleton drew, the page showed a box worked out from
        // attributes for a frame, then jumped: 8474 px tall, then 1623, for a dozen compact cards in a React app.
        const elements = widgets(src);
        const compact = Object.assign(document.createElement('wire-article-card'), {
          src,
          layout: 'compact',
        });
        elements[0]!.before(compact);
        elements.push(compact);
        expect(await countAtTheEndOfThisTask(() => [drawn(elements), counts.requests])).toEqual([
          elements.length,
          1,
        ]);
      });
    } finally {
      link.remove();
    }
  });

  it('is drawn in the task that adds the widget where the page does not hold its box, reading no styles', async () => {
    const src = `${faultServer()}/hang?drawn`;
    await counting(src, async (counts) => {
      const elements = widgets(src);
      expect(await countAtTheEndOfThisTask(() => [drawn(elements), counts.styleReads])).toEqual([
        elements.length,
        0,
      ]);
    });
  });
});

/**
 * Queues one job per name and resolves with the names grouped by the slice that ran them: two jobs share a slice when
 * the second runs before a microtask the first queued, that is, with no yield between them. Each job moves a
 * stand-in for `performance.now()` on by the milliseconds its name says (none for a word), so that a busy machine's
 * pauses cannot end a slice early.
 */
async function slicesOf(names: string[], alone: string[] = []): Promise<string[][]> {
  const slices: string[][] = [];
  let open = false;
  let now = 0;
  Object.defineProperty(performance, 'now', { configurable: true, value: () => now });
  // Restored when the test ends, passed, failed or timed out: the other tests' waits read the real clock.
  onTestFinished(() => void delete (performance as { now?: unknown }).now);
  await Promise.all(
    names.map((name) =>
      queueRender(
        () => {
          if (open) slices.at(-1)!.push(name);
          else slices.push([name]);
          open = true;
          queueMicrotask(() => (open = false));
          now += Number(name) || 0;
        },
        { ownTask: true, alone: alone.includes(name) },
      ),
    ),
  );
  return slices;
}

/** `count()` after the rest of this task's microtasks, as many as a few updates take and then some. */
function countAtTheEndOfThisTask<T>(count: () => T): Promise<T> {
  return new Promise((resolve) => {
    let turns = 0;
    const turn = () => (++turns < 50 ? queueMicrotask(turn) : resolve(count()));
    queueMicrotask(turn);
  });
}
