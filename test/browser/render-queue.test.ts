import { afterEach, describe, expect, it } from 'vitest';
import type { WireArticleCard } from '../../src/components/article-card/article-card.js';
import '../../src/components/article-card/article-card.define.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { cleanup, mount, until } from './helpers.js';

afterEach(cleanup);

/** The Prioritized Task Scheduling API, which Chromium has and TypeScript's DOM types do not yet. */
const scheduler = (
  globalThis as unknown as {
    scheduler: { postTask<T>(task: () => T, options: { priority: 'user-blocking' }): Promise<T> };
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
    // What a tap handler or an animation frame would be: a task posted at the highest priority as the feed arrives.
    // Before the render queue every card rendered in the microtasks that follow, so this task saw all 300.
    const seenByUrgentTask = scheduler.postTask(drawn, { priority: 'user-blocking' });
    for (const card of cards) card.feed = feed;

    expect(await seenByUrgentTask).toBeLessThan(cards.length);
    await until(() => drawn() === cards.length, undefined, 'every card drawn');
    expect(cards.map((card) => card.shadowRoot?.querySelector('[part="link"]')?.textContent?.trim())).toEqual(
      cards.map((_, i) => `Story s${i % 50}`),
    );
  });

  it('lets the task that handed the feed over end before it draws a card', async () => {
    const feed = rawFeed([rawItem('a'), rawItem('b')]);
    const container = mount(
      '<wire-article-card item="a"></wire-article-card><wire-article-card item="b"></wire-article-card>',
    );
    const cards = [...container.querySelectorAll<WireArticleCard>('wire-article-card')];
    await Promise.all(cards.map((card) => card.updateComplete));
    const drawn = () => cards.filter((card) => card.shadowRoot?.querySelector('[part="link"]')).length;

    for (const card of cards) card.feed = feed;
    // The rest of this task: its microtasks, as many as the elements' updates take and then some. The first
    // slice used to run in them, on top of whatever the task was doing (a bundle evaluating, a feed read).
    const drawnInThisTask = await new Promise<number>((resolve) => {
      let turns = 0;
      const turn = () => (++turns < 50 ? queueMicrotask(turn) : resolve(drawn()));
      queueMicrotask(turn);
    });
    expect(drawnInThisTask).toBe(0);
    await until(() => drawn() === cards.length, undefined, 'both cards drawn');
  });
});
