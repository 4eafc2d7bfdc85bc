import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/article-card/article-card.define.js';

import {
  brokenImageFeed,
  linkPostFeed,
  longTextFeed,
  noTitleFeed,
  oneItemFeed,
  photo,
} from '../test/fixtures.js';

// The feeds are the tests' fixtures too: one definition, in test/fixtures.ts.
export { brokenImageFeed, linkPostFeed, longTextFeed, noTitleFeed, oneItemFeed, photo };

interface Args {
  src?: string;
  feed?: unknown;
  item?: string;
  layout?: string;
  theme?: 'light' | 'dark';
  headingLevel?: number;
  linkTarget?: string;
  lang?: string;
  dir?: string;
  width: number;
}

const card = (canvas: HTMLElement) => canvas.querySelector('wire-article-card')!;
/** Waits for the card or its fallback, so the accessibility check sees what a reader sees. */
const ready = async (canvas: HTMLElement) => {
  const element = card(canvas);
  await waitFor(() => expect(element.shadowRoot?.querySelector('article, .fallback')).not.toBeNull());
  return element.shadowRoot!;
};

const meta: Meta<Args> = {
  title: 'Widgets/Article card',
  component: 'wire-article-card',
  // Fixture builders and feeds, shared with the browser tests; not stories.
  excludeStories: /Feed$|^photo$/,
  args: { src: '/sample-feed.json', item: 'kim-jong-un-komsomolsk-on-amur', width: 360 },
  argTypes: {
    layout: { control: 'select', options: ['stacked', 'horizontal', 'compact', 'hero'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
  render: (args) =>
    html`<div
      dir=${ifDefined(args.dir)}
      lang=${ifDefined(args.lang)}
      style="max-inline-size: ${args.width}px"
    >
      <wire-article-card
        src=${ifDefined(args.feed ? undefined : args.src)}
        .feed=${args.feed}
        item=${ifDefined(args.item)}
        layout=${ifDefined(args.layout)}
        theme=${ifDefined(args.theme)}
        heading-level=${ifDefined(args.headingLevel)}
        link-target=${ifDefined(args.linkTarget)}
      ></wire-article-card>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The seed article as the seed page shows it: section, headline, standfirst, credited photo. */
export const SeedStory: Story = {
  name: 'Seed story (stacked)',
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await expect(root.querySelector('[part="credit"]')?.textContent).toBe('© Sputnik');
    await expect(root.querySelectorAll('a')).toHaveLength(1);
  },
};

export const Horizontal: Story = { args: { layout: 'horizontal', width: 720 } };

export const HorizontalNarrow: Story = {
  name: 'Horizontal in a narrow column (falls back to stacked)',
  args: { layout: 'horizontal', width: 400 },
};

export const Compact: Story = { args: { layout: 'compact', item: 'putin-kim-talks' } };

export const Hero: Story = { args: { layout: 'hero', width: 900 } };

export const Dark: Story = { args: { theme: 'dark' } };

export const Light: Story = { args: { theme: 'light' } };

export const RightToLeft: Story = { args: { dir: 'rtl', layout: 'horizontal', width: 720 } };

export const Russian: Story = { args: { lang: 'ru', item: 'putin-kim-talks' } };

export const LongText: Story = { args: { feed: longTextFeed, item: undefined } };

export const WithoutImage: Story = { args: { item: 'eastern-economic-forum-opens' } };

export const WithoutTitle: Story = { args: { feed: noTitleFeed, item: undefined } };

export const BrokenImage: Story = { args: { feed: brokenImageFeed, item: undefined } };

export const LinkPost: Story = {
  name: 'Link post (link-target="external")',
  args: { feed: linkPostFeed, item: undefined, linkTarget: 'external' },
};

export const HeadingLevel2: Story = { name: 'heading-level="2"', args: { headingLevel: 2 } };

/**
 * The skeleton. A story cannot hold a fetch in flight forever, so this one gives the card no feed yet (the state of
 * a card waiting for its `<wire-feed>` or for a framework to set `feed`), which draws the same skeleton as a
 * loading `src`. The browser tests cover a real request that never answers.
 */
export const Loading: Story = {
  args: { src: undefined, item: undefined },
  play: async ({ canvasElement }) => {
    const element = card(canvasElement);
    await expect(element.matches(':state(loading)')).toBe(true);
    await expect(element.shadowRoot!.querySelector('[part="skeleton"][aria-busy="true"]')).not.toBeNull();
  },
};

/** The quiet fallback, as every widget shows it; a page can style the host by `:state(error)`. */
export const LoadError: Story = {
  name: 'Error (feed unavailable)',
  args: { src: '/no-such-feed.json' },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await expect(card(canvasElement).matches(':state(error)')).toBe(true);
    await expect(root.querySelector('[part="fallback"]')?.textContent).toContain('not available');
  },
};

export const NotFound: Story = {
  args: { item: 'no-such-story' },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await expect(root.querySelector('[part="fallback"]')?.textContent).toContain('no longer available');
  },
};

/** The credit panel open over the card (the browser tests drive it with real key presses). */
export const CreditDetailsOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    // A drawn button until pressed: the press puts the full <wire-credit-info> in its place, open.
    await userEvent.click(root.querySelector('button.info')!);
    const panel = () => root.querySelector('wire-credit-info')?.shadowRoot?.querySelector('[popover]');
    await waitFor(() => expect(panel()?.matches(':popover-open')).toBe(true));
    await expect(panel()!.textContent).toContain('Sputnik photo service');
  },
};

/**
 * A feed with no stories in it: the card has nothing to show, so it says so in the same quiet line as a failed
 * feed (`:state(error)`, reason `not-found`), never an empty frame. Unlike the gallery or the prompt, a card is
 * never empty: it stands where the page expects a story.
 */
export const NoStories: Story = {
  name: 'Feed without stories (fallback line)',
  args: {
    feed: { version: 'https://jsonfeed.org/version/1.1', title: 'Nothing yet', items: [] },
    item: undefined,
  },
  play: async ({ canvasElement }) => {
    const root = await ready(canvasElement);
    await expect(root.querySelector('[part="fallback"]')).not.toBeNull();
    await expect(canvasElement.querySelector('wire-article-card')!.matches(':state(error)')).toBe(true);
  },
};
