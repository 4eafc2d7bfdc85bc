import { within } from '@testing-library/dom';
import { render as renderTemplate } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clearFeedCache, configureLoader } from '../../src/feed/loader.js';
import { normalizeFeed } from '../../src/feed/normalize.js';
import type { Feed } from '../../src/feed/types.js';
import type { CardClickDetail } from '../../src/shared/events.js';
import { cleanup, faultServer, mount, shadowText, until } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { relatedStories } from '../../src/components/related-story/related.js';
import type { WireRelatedStory } from '../../src/components/related-story/related-story.js';
import meta, {
  LoadError,
  Loading,
  NotFound,
  OutsideTheFeed,
  RelatedList,
  Russian,
  SeedTeaser,
} from '../../stories/related-story.stories.js';
import '../../src/components/related-story/related-story.define.js';

const SAMPLE = '/demo/public/sample-feed.json';
const SEED = 'kim-jong-un-komsomolsk-on-amur';

beforeEach(() => configureLoader({ retries: 0 }));
afterEach(() => {
  cleanup();
  clearFeedCache();
});

async function sampleFeed(): Promise<Feed> {
  const response = await fetch(SAMPLE);
  return normalizeFeed(await response.json(), new URL(SAMPLE, location.href).href).feed!;
}

const ids = (stories: { id: string }[]) => stories.map((story) => story.id);

describe('relatedStories()', () => {
  it('takes the publisher’s related list first, in its order', async () => {
    const feed = await sampleFeed();
    expect(ids(relatedStories(feed, SEED))).toEqual([
      'putin-kim-talks',
      'vostochny-cosmodrome-explainer',
      'pacific-fleet-sea-of-japan',
    ]);
    // Then the items sharing most tags (two each here, so the newer first), then the rest by date.
    expect(ids(relatedStories(feed, SEED, 10))).toEqual([
      'putin-kim-talks',
      'vostochny-cosmodrome-explainer',
      'pacific-fleet-sea-of-japan',
      'eastern-economic-forum-opens',
      'japan-h2a-slim-launch',
    ]);
  });

  it('includes stories from outside the feed', async () => {
    const feed = await sampleFeed();
    const stories = relatedStories(feed, 'vostochny-cosmodrome-explainer');
    expect(ids(stories)).toEqual(['putin-kim-talks', 'luna-25-launch', 'kim-jong-un-komsomolsk-on-amur']);
    expect(stories[1]).toMatchObject({
      title: 'Russia Launches Luna-25 Moon Lander From Vostochny',
      section: 'Science',
    });
  });

  it('ranks by shared tags (ignoring case), ties newest first, then the most recent; never the article, never twice', () => {
    const { feed } = normalizeFeed(
      rawFeed([
        rawItem('article', {
          tags: ['Space', 'Moon', 'Russia'],
          _wire: {
            related: [
              'article',
              'b',
              'b',
              { id: 'copy-of-c', url: 'https://news.example/c', title: 'Same as c' },
            ],
          },
        }),
        rawItem('b', { tags: [] }),
        rawItem('c', { tags: ['space'], date_published: '2023-09-01T00:00:00Z' }),
        rawItem('one-tag-new', { tags: ['moon'], date_published: '2023-09-10T00:00:00Z' }),
        rawItem('two-tags', { tags: ['Moon', 'RUSSIA'], date_published: '2020-01-01T00:00:00Z' }),
        rawItem('no-tags-new', { date_published: '2023-09-20T00:00:00Z' }),
        rawItem('no-tags-old', { date_published: '2021-01-01T00:00:00Z' }),
        rawItem('undated', { date_published: undefined }),
      ]),
    );
    const ranked = ids(relatedStories(feed!, 'article', 20));
    // The object naming c's URL is c itself (its rights hold), listed once.
    expect(ranked).toEqual(['b', 'c', 'two-tags', 'one-tag-new', 'no-tags-new', 'no-tags-old', 'undated']);
    expect(relatedStories(feed!, 'article', 2)).toHaveLength(2);
    expect(relatedStories(feed!, 'missing')).toEqual([]);
  });
});

type Args = Parameters<NonNullable<typeof meta.render>>[0];

/**
 * Renders a story from stories/related-story.stories.ts as the fixture. Storybook serves the sample feed at its
 * root; here it lives under demo/public.
 */
async function renderStory(story: { args?: Partial<Args> }, wait = true): Promise<WireRelatedStory> {
  const args = { ...meta.args, ...story.args } as Args;
  if (args.src === meta.args?.src) args.src = SAMPLE;
  const root = mount('');
  renderTemplate(meta.render!(args, {} as never), root);
  const element = root.querySelector('wire-related-story')!;
  await element.updateComplete;
  if (wait) await until(() => element.matches(':state(ready), :state(error)'), 5000, 'the feed');
  await element.updateComplete;
  return element;
}

/** Queries that see the element as a reader does: by role, name and text, inside its shadow root. */
const screen = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

describe('<wire-related-story>', () => {
  it('renders the seed page teaser: thumbnail with caption and credit, section, headline link, date', async () => {
    const element = await renderStory(SeedTeaser);
    const view = screen(element);
    const section = view.getByText('World');
    const link = view.getByRole('link') as HTMLAnchorElement;
    expect(link.textContent).toBe(
      "North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks",
    );
    expect(new URL(link.href).pathname).toBe('/world/20230913/putin-kim-talks-key-takeaways.html');
    expect(view.getByRole('heading', { level: 3 }).contains(link)).toBe(true);
    expect(view.getByText('September 13, 2023').getAttribute('datetime')).toBe('2023-09-13T15:40:00.000Z');
    expect(view.getByText('© Sputnik')).toBeTruthy();
    expect(view.getByText('Vladimir Putin and Kim Jong Un at Vostochny Cosmodrome')).toBeTruthy();
    const figure = element.shadowRoot!.querySelector('[part="figure"]')!;
    expect(figure.getBoundingClientRect().bottom).toBeLessThanOrEqual(section.getBoundingClientRect().top);
    // The seed page writes its dates as 13.09.2023.
    element.dateFormat = 'dd.MM.yyyy';
    await element.updateComplete;
    expect(view.getByText('13.09.2023').tagName).toBe('TIME');
  });

  it('lists the related stories of an article under a heading, each teaser one link one level deeper', async () => {
    const element = await renderStory(RelatedList);
    const view = screen(element);
    expect(view.getByRole('heading', { level: 3, name: 'Related stories' })).toBeTruthy();
    const items = within(view.getAllByRole('list')[0]!).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items.map((item) => within(item).getAllByRole('link').length)).toEqual([1, 1, 1]);
    expect(items.map((item) => within(item).getByRole('link').dataset.id)).toEqual([
      'putin-kim-talks',
      'vostochny-cosmodrome-explainer',
      'pacific-fleet-sea-of-japan',
    ]);
    expect(view.getAllByRole('heading', { level: 4 })).toHaveLength(3);
    // A list's thumbnails carry their credit, not their caption.
    expect(within(items[0]!).getByText('© Sputnik')).toBeTruthy();
    expect(
      within(items[0]!).queryByText('Vladimir Putin and Kim Jong Un at Vostochny Cosmodrome'),
    ).toBeNull();
    // Compact rows in a narrow column: thumbnail beside the text.
    const first = items[0]!;
    const figure = first.querySelector('[part="figure"]')!.getBoundingClientRect();
    expect(figure.width).toBeLessThanOrEqual(128);
    expect(figure.right).toBeLessThanOrEqual(within(first).getByRole('link').getBoundingClientRect().left);
  });

  it('sizes the list’s headlines by --wire-card-headline-size, as it sizes a card’s', async () => {
    const root = mount(
      `<wire-related-story src="${SAMPLE}" related-to="${SEED}" style="--wire-card-headline-size: 22px"></wire-related-story>`,
    );
    const element = root.querySelector('wire-related-story')!;
    await until(() => element.matches(':state(ready)'), 5000, 'the feed');
    await element.updateComplete;
    const headlines = screen(element)
      .getAllByRole('heading', { level: 4 })
      .map((headline) => getComputedStyle(headline).fontSize);
    expect(headlines.length).toBeGreaterThan(1);
    expect(new Set(headlines)).toEqual(new Set(['22px']));
  });

  it('lays three related stories side by side across a wide column, sharing its width', async () => {
    const root = mount(
      `<div style="inline-size: 1000px"><wire-related-story src="${SAMPLE}" related-to="${SEED}" limit="3"></wire-related-story></div>`,
    );
    const element = root.querySelector('wire-related-story')!;
    await until(() => element.matches(':state(ready)'), 5000, 'the feed');
    await element.updateComplete;
    const list = screen(element).getAllByRole('list')[0]!.getBoundingClientRect();
    const items = screen(element)
      .getAllByRole('listitem')
      .map((item) => item.getBoundingClientRect());
    expect(items).toHaveLength(3);
    expect(new Set(items.map((item) => Math.round(item.top))).size).toBe(1);
    // The row reaches the list's far edge: no empty columns left beside the three.
    expect(Math.round(items[2]!.right)).toBe(Math.round(list.right));
  });

  it('renders a story from outside the feed, and honours limit, heading and heading-level', async () => {
    const element = await renderStory({ args: { ...OutsideTheFeed.args, limit: 2 } });
    const view = screen(element);
    expect(view.getByRole('heading', { level: 2, name: 'More on the cosmodrome' })).toBeTruthy();
    const links = view.getAllByRole('link') as HTMLAnchorElement[];
    expect(links.map((link) => link.textContent)).toEqual([
      "North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks",
      'Russia Launches Luna-25 Moon Lander From Vostochny',
    ]);
    expect(new URL(links[1]!.href).pathname).toBe('/science/20230811/luna-25-launch.html');
    expect(view.getByText('Science')).toBeTruthy();
    expect(view.getByText(/Illustration: wire-widgets/)).toBeTruthy();
  });

  it('fires a cancelable wire-card-click with the teaser’s id and url', async () => {
    const element = await renderStory(RelatedList);
    const clicks: CardClickDetail[] = [];
    element.addEventListener('wire-card-click', (event) => {
      clicks.push(event.detail);
      event.preventDefault();
    });
    const second = screen(element).getAllByRole('listitem')[1]!;
    await userEvent.click(within(second).getByText('September 12, 2023'), { force: true });
    expect(clicks).toEqual([
      {
        id: 'vostochny-cosmodrome-explainer',
        url: `${location.origin}/world/20230912/vostochny-cosmodrome-explainer.html`,
      },
    ]);
  });

  it('shows the skeleton while loading, and quiet fallbacks for a failed feed or an unknown article', async () => {
    const root = mount(
      `<wire-related-story src="${faultServer()}/hang" related-to="x"></wire-related-story>`,
    );
    const loading = root.querySelector('wire-related-story')!;
    await loading.updateComplete;
    expect(loading.shadowRoot!.querySelector('[aria-busy="true"]')).not.toBeNull();
    // One placeholder row per teaser to come, so the list does not grow when it arrives.
    expect(loading.shadowRoot!.querySelectorAll('[aria-busy="true"] .card')).toHaveLength(3);

    const failed = mount(`<wire-related-story src="${faultServer()}/status/500"></wire-related-story>`);
    const element = failed.querySelector('wire-related-story')!;
    await until(() => shadowText(element) === 'This content is not available right now.', 5000, 'fallback');

    const missing = await renderStory(NotFound);
    expect(screen(missing).getByText(/This story is no longer available\./)).toBeTruthy();
  });

  it("holds a single teaser's box while its feed loads, up to the lines its headline does not take", async () => {
    const column = (attributes: string) =>
      mount(
        `<div style="inline-size: 420px"><wire-related-story ${attributes}></wire-related-story></div>`,
      ).querySelector('wire-related-story')!;
    const loading = column(`src="${faultServer()}/hang" item="putin-kim-talks"`);
    await loading.updateComplete;
    expect(loading.matches(':state(loading)')).toBe(true);
    const ready = column(`src="${SAMPLE}" item="putin-kim-talks"`);
    await until(() => ready.matches(':state(ready)'), 5000, 'the teaser');
    await ready.updateComplete;
    // The placeholder is a typical teaser, its headline on 3 lines; this one's takes fewer, and nothing else differs
    // (no standfirst, byline or tags, which a teaser never shows: they made its placeholder 129px too tall).
    const headline = ready.shadowRoot!.querySelector('.headline')!;
    const lineHeight = parseFloat(getComputedStyle(headline).lineHeight);
    const lines = Math.round(headline.getBoundingClientRect().height / lineHeight);
    expect(lines).toBeLessThanOrEqual(3);
    const [held, drawn] = [loading, ready].map((element) => element.getBoundingClientRect().height);
    expect(held - drawn).toBeCloseTo((3 - lines) * lineHeight, 0);
  });

  it('speaks Russian', async () => {
    const element = await renderStory({
      args: { ...Russian.args, item: undefined, relatedTo: SEED, width: 420 },
    });
    expect(screen(element).getByRole('heading', { name: 'По теме' })).toBeTruthy();
    expect(screen(element).getAllByText('13 сентября 2023 г.')[0]!.tagName).toBe('TIME');
  });
});

describe('<wire-related-story> states', () => {
  it('matches :state(loading) while its feed is on the way, then :state(ready) with the teaser', async () => {
    const root = mount(
      `<wire-related-story src="${faultServer()}/feed-related-states?delay=300"></wire-related-story>`,
    );
    const element = root.querySelector('wire-related-story')!;
    await element.updateComplete;
    expect(element.matches(':state(loading)')).toBe(true);
    await until(() => element.matches(':state(ready)'), 5000, ':state(ready)');
    expect(element.matches(':state(loading)')).toBe(false);
    expect(screen(element).getByRole('link', { name: 'Story one' })).toBeTruthy();
  });

  it('draws the skeleton while it waits for a feed (the Loading story)', async () => {
    const element = await renderStory(Loading, false);
    expect(element.matches(':state(loading)')).toBe(true);
    expect(screen(element).getByText('Loading…')).toBeTruthy();
  });

  it('matches :state(error) with a visible fallback for a bad feed (the LoadError story)', async () => {
    const element = await renderStory(LoadError);
    expect(element.matches(':state(error)')).toBe(true);
    expect(screen(element).getByText('This content is not available right now.').checkVisibility()).toBe(
      true,
    );
  });

  it('matches :state(empty) when an article has nothing related to show', async () => {
    const root = mount('<wire-related-story related-to="only"></wire-related-story>');
    const element = root.querySelector('wire-related-story')!;
    element.feed = rawFeed([rawItem('only')]);
    await element.updateComplete;
    expect(element.matches(':state(ready)')).toBe(true);
    expect(element.matches(':state(empty)')).toBe(true);
    expect(screen(element).queryByRole('heading')).toBeNull();
  });
});
