import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import type { Photo } from '../src/feed/types.js';
import '../src/components/credit-info/credit-info.define.js';

export const fullCredit: Photo = {
  url: '/images/kim-factory-1280.svg',
  width: 1280,
  height: 720,
  alt: '',
  caption: "North Korean Leader Kim Jong Un's visit to Russia's Komsomolsk-on-Amur, September 15, 2023.",
  creditText: '© Sputnik',
  creator: 'Staff photographer',
  copyrightNotice: '© Sputnik 2023',
  license: 'https://news.example/licensing/editorial',
  acquireLicensePage: 'https://news.example/licensing/buy?photo=kim-factory',
  srcset: [],
  usageTerms: '',
  syndication: true,
};

const meta: Meta = {
  title: 'Building blocks/Credit info',
  component: 'wire-credit-info',
  // Shared with the tests, not a story.
  excludeStories: ['fullCredit'],
  render: (args) =>
    html`<wire-credit-info .photo=${args.photo} lang=${args.lang ?? 'en'}></wire-credit-info>`,
  args: { photo: fullCredit },
};
export default meta;

type Story = StoryObj;

export const Default: Story = {
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
  name: 'Credit line only (renders nothing)',
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
