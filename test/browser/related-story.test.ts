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
    expect(ranked).toEqual([
      'b',
      'copy-of-c',
      'two-tags',
      'one-tag-new',
      'no-tags-new',
      'no-tags-old',
      'undated',
    ]);
    expect(relatedStories(feed!, 'article', 2)).toHaveLength(2);
    expect(relatedStories(feed!, 'missing')).toEqual([]);
  });
});

async function render(attributes: string, width = 420): Promise<WireRelatedStory> {
  const root = mount(
    `<div style="display: block; inline-size: ${width}px"><wire-related-story src="${SAMPLE}" ${attributes}></wire-related-story></div>`,
  );
  const element = root.querySelector('wire-related-story')!;
  await until(
    () => Boolean(element.shadowRoot?.querySelector('article, .fallback')),
    5000,
    'teaser rendered',
  );
  await element.updateComplete;
  return element;
}

describe('<wire-related-story>', () => {
  it('renders the seed page teaser: thumbnail with credit, section, headline link, date', async () => {
    const element = await render('item="putin-kim-talks"', 320);
    const root = element.shadowRoot!;
    expect(root.querySelector('[part="section"]')!.textContent).toBe('World');
    const link = root.querySelector('a')!;
    expect(link.textContent).toBe(
      "North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks",
    );
    expect(new URL(link.href).pathname).toBe('/world/20230913/putin-kim-talks-key-takeaways.html');
    expect(root.querySelectorAll('a')).toHaveLength(1);
    expect(root.querySelector('time')!.dateTime).toBe('2023-09-13T15:40:00.000Z');
    expect(root.querySelector('[part="headline"]')!.getAttribute('aria-level')).toBe('3');
    expect(root.querySelector('[part="credit"]')!.textContent).toBe('© Sputnik');
    const figure = root.querySelector('[part="figure"]')!;
    expect(figure.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      root.querySelector('[part="section"]')!.getBoundingClientRect().top,
    );
  });

  it('lists the related stories of an article under a heading, each teaser one link one level deeper', async () => {
    const element = await render(`related-to="${SEED}"`);
    const root = element.shadowRoot!;
    const heading = root.querySelector('[part="heading"]')!;
    expect(heading.textContent!.trim()).toBe('Related stories');
    expect(heading.getAttribute('aria-level')).toBe('3');
    const items = [...root.querySelectorAll('li')];
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.querySelectorAll('a').length)).toEqual([1, 1, 1]);
    expect(items.map((item) => item.querySelector('a')!.dataset.id)).toEqual([
      'putin-kim-talks',
      'vostochny-cosmodrome-explainer',
      'pacific-fleet-sea-of-japan',
    ]);
    expect(root.querySelector('li [part="headline"]')!.getAttribute('aria-level')).toBe('4');
    // Compact rows in a narrow column: thumbnail beside the text.
    const first = items[0]!;
    const figure = first.querySelector('[part="figure"]')!.getBoundingClientRect();
    expect(figure.width).toBeLessThanOrEqual(128);
    expect(figure.right).toBeLessThanOrEqual(first.querySelector('a')!.getBoundingClientRect().left);
  });

  it('renders a story from outside the feed, and honours limit, heading and heading-level', async () => {
    const element = await render(
      'related-to="vostochny-cosmodrome-explainer" limit="2" heading="More on the cosmodrome" heading-level="2"',
    );
    const root = element.shadowRoot!;
    expect(root.querySelector('[part="heading"]')!.textContent!.trim()).toBe('More on the cosmodrome');
    expect(root.querySelector('[part="heading"]')!.getAttribute('aria-level')).toBe('2');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((link) => link.textContent)).toEqual([
      "North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks",
      'Russia Launches Luna-25 Moon Lander From Vostochny',
    ]);
    expect(new URL(links[1]!.href).pathname).toBe('/science/20230811/luna-25-launch.html');
    expect(shadowText(element)).toContain('Science');
    expect(shadowText(element)).toContain('Illustration: wire-widgets');
  });

  it('fires a cancelable wire-card-click with the teaser’s id and url', async () => {
    const element = await render(`related-to="${SEED}"`);
    const clicks: CardClickDetail[] = [];
    element.addEventListener('wire-card-click', (event) => {
      clicks.push(event.detail);
      event.preventDefault();
    });
    const second = element.shadowRoot!.querySelectorAll('li')[1]!;
    await userEvent.click(second.querySelector('time')!, { force: true });
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

    const missing = await render('related-to="no-such-story"');
    expect(shadowText(missing)).toContain('This story is no longer available.');
  });

  it('speaks Russian', async () => {
    const element = await render(`related-to="${SEED}" lang="ru"`);
    expect(element.shadowRoot!.querySelector('[part="heading"]')!.textContent!.trim()).toBe('По теме');
    expect(element.shadowRoot!.querySelector('time')!.textContent).toBe('13 сентября 2023 г.');
  });
});
