import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor, within } from 'storybook/test';
import { rightsFeed } from '../test/fixtures.js';
import '../src/components/article-card/article-card.define.js';

interface Args {
  item: string;
  /** The text the reader must meet on the card. */
  shows: string;
}

/**
 * One card per syndication rights state (`_wire.rights`), on the reader's real clock: the fixtures put each
 * embargo and expiry an hour either side of the moment the story renders.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Article card/Rights',
  component: 'wire-article-card',
  render: (args) =>
    html`<div style="max-inline-size: 360px">
      <wire-article-card .feed=${rightsFeed(Date.now())} item=${args.item}></wire-article-card>
    </div>`,
  play: async ({ canvasElement, args }) => {
    const card = canvasElement.querySelector('wire-article-card')!;
    const view = within(card.shadowRoot as unknown as HTMLElement);
    await waitFor(() => expect(view.getByText(args.shows)).toBeTruthy());
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Usable: Story = { args: { item: 'usable', shows: 'Headline of usable' } };

/** Before the embargo the story does not exist: the same fallback as a story that is not in the feed. */
export const Embargoed: Story = { args: { item: 'embargoed', shows: 'This story is no longer available.' } };

/** Past its expiry only a link back to the original remains. */
export const Expired: Story = { args: { item: 'expired', shows: 'Read it on the original site' } };

export const Withheld: Story = { args: { item: 'withheld', shows: 'This story has been withheld.' } };

/** A kill: the text and photo are gone everywhere, with no link. */
export const Canceled: Story = { args: { item: 'canceled', shows: 'This story has been withdrawn.' } };

/** A dated correction, the source and the copyright holder, kept on the card. */
export const Corrected: Story = { args: { item: 'corrected', shows: 'Source: Example Agency' } };
