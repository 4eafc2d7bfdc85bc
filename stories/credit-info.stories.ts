import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import '../src/components/credit-info/credit-info.define.js';

import { fullCredit } from '../test/fixtures.js';

export { fullCredit };

const meta: Meta = {
  title: 'Building blocks/Credit info',
  component: 'wire-credit-info',
  // Shared with the tests, not a story.
  excludeStories: ['fullCredit'],
  render: (args) =>
    html`<wire-credit-info .photo=${args.photo} lang=${args.lang ?? 'en'}></wire-credit-info>`,
  args: { photo: fullCredit },
  argTypes: { lang: { control: 'inline-radio', options: ['en', 'ru'] } },
};
export default meta;

type Story = StoryObj;

/** The info button as it sits on a photo, closed. */
export const Default: Story = {};

/** A reader opens the details: creator, copyright, licence and where to buy it, over the page. */
export const DetailsOpen: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('wire-credit-info')!;
    const button = element.shadowRoot!.querySelector('button')!;
    await userEvent.click(button);
    const panel = element.shadowRoot!.querySelector('[popover]')!;
    await expect(panel.matches(':popover-open')).toBe(true);
    await expect(panel.textContent).toContain('Staff photographer');
  },
};

export const Russian: Story = { args: { lang: 'ru' } };

export const CreditLineOnly: Story = {
  name: 'Empty (credit line only: renders nothing)',
  args: {
    photo: {
      ...fullCredit,
      creator: '',
      copyrightNotice: '',
      license: undefined,
      acquireLicensePage: undefined,
    },
  },
};
