import { afterEach, expect, it } from 'vitest';
import { cleanup, mount } from './helpers.js';
import { longTextFeed, oneItemFeed } from '../../stories/article-card.stories.js';
import type { WireArticleCard } from '../../src/components/article-card/article-card.js';
import '../../src/components/article-card/article-card.define.js';

afterEach(cleanup);

async function headlineAt(
  width: number,
  layout: string,
  feed: WireArticleCard['feed'],
): Promise<HTMLElement> {
  const root = mount(
    `<div style="inline-size: ${width}px"><wire-article-card layout="${layout}"></wire-article-card></div>`,
  );
  const card = root.querySelector<WireArticleCard>('wire-article-card')!;
  card.feed = feed;
  await card.updateComplete;
  return card.shadowRoot!.querySelector<HTMLElement>('[part~="headline"]')!;
}

const seedHeadline = oneItemFeed({
  title: 'Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos',
  _wire: { section: 'World' },
});

it('shows a hero headline whole on a phone-width column, where a stacked card would cut it', async () => {
  const hero = await headlineAt(240, 'hero', seedHeadline);
  expect(hero.scrollHeight).toBeLessThanOrEqual(hero.clientHeight + 1);
  // The same kind of long headline in an ordinary card is clamped, so the check above can fail.
  const stacked = await headlineAt(240, 'stacked', longTextFeed);
  expect(stacked.scrollHeight).toBeGreaterThan(stacked.clientHeight + 1);
});
