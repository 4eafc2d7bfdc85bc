import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/components/related-story/related-story.define.js';

interface Args {
  src?: string;
  feed?: unknown;
  item?: string;
  relatedTo?: string;
  limit?: number;
  heading?: string;
  headingLevel?: number;
  theme?: 'light' | 'dark';
  dir?: string;
  lang?: string;
  width: number;
}

const shadow = async (canvas: HTMLElement) => {
  const element = canvas.querySelector('wire-related-story')!;
  await waitFor(() => expect(element.shadowRoot?.querySelector('article, .fallback')).not.toBeNull());
  return element.shadowRoot!;
};

const meta: Meta<Args> = {
  title: 'Widgets/Related story',
  component: 'wire-related-story',
  args: { src: '/sample-feed.json', item: 'putin-kim-talks', width: 320 },
  play: async ({ canvasElement }) => {
    await shadow(canvasElement);
  },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (args) =>
    html`<div
      dir=${ifDefined(args.dir)}
      lang=${ifDefined(args.lang)}
      style="max-inline-size: ${args.width}px"
    >
      <wire-related-story
        src=${ifDefined(args.feed ? undefined : args.src)}
        .feed=${args.feed}
        item=${ifDefined(args.item)}
        related-to=${ifDefined(args.relatedTo)}
        limit=${ifDefined(args.limit)}
        heading=${ifDefined(args.heading)}
        heading-level=${ifDefined(args.headingLevel)}
        theme=${ifDefined(args.theme)}
      ></wire-related-story>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The seed page's teaser: "World … North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks". */
export const SeedTeaser: Story = {
  name: 'Seed teaser (putin-kim-talks)',
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="section"]')?.textContent).toBe('World');
    await expect(root.querySelector('[part="credit"]')).not.toBeNull();
  },
};

export const RelatedList: Story = {
  name: 'Related to the seed story',
  args: { item: undefined, relatedTo: 'kim-jong-un-komsomolsk-on-amur', width: 420 },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelectorAll('li')).toHaveLength(3);
  },
};

export const WideList: Story = {
  name: 'Related list in a wide column',
  args: { item: undefined, relatedTo: 'kim-jong-un-komsomolsk-on-amur', width: 960 },
};

export const OutsideTheFeed: Story = {
  name: 'List with a story from outside the feed, custom heading and limit',
  args: {
    item: undefined,
    relatedTo: 'vostochny-cosmodrome-explainer',
    limit: 4,
    heading: 'More on the cosmodrome',
    headingLevel: 2,
    width: 420,
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const DarkList: Story = {
  args: { theme: 'dark', item: undefined, relatedTo: 'kim-jong-un-komsomolsk-on-amur', width: 420 },
};

export const RightToLeft: Story = {
  args: { dir: 'rtl', item: undefined, relatedTo: 'kim-jong-un-komsomolsk-on-amur', width: 420 },
};

export const Russian: Story = { args: { lang: 'ru' } };

/** No feed yet: the skeleton a teaser shows while its feed is on the way (see the article card's Loading story). */
export const Loading: Story = { args: { src: undefined, item: undefined }, play: async () => {} };

export const LoadError: Story = {
  name: 'Error (feed unavailable)',
  args: { src: '/no-such-feed.json' },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(canvasElement.querySelector('wire-related-story')!.matches(':state(error)')).toBe(true);
    await expect(root.querySelector('[part="fallback"]')).not.toBeNull();
  },
};

export const NotFound: Story = {
  args: { item: undefined, relatedTo: 'no-such-story' },
  play: async ({ canvasElement }) => {
    const root = await shadow(canvasElement);
    await expect(root.querySelector('[part="fallback"]')?.textContent).toContain('no longer available');
  },
};

/** A story with nothing related to it: the list draws nothing at all (`:state(empty)`), not an empty heading. */
export const Empty: Story = {
  name: 'Empty (nothing related: renders nothing)',
  args: {
    item: undefined,
    relatedTo: 'alone',
    feed: {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'One story',
      items: [{ id: 'alone', url: 'https://news.example/alone', title: 'A story with no relations' }],
    },
  },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('wire-related-story')!;
    await waitFor(() => expect(element.matches(':state(empty)')).toBe(true));
    await expect(element.shadowRoot!.querySelector('h2, h3, li')).toBeNull();
  },
};
