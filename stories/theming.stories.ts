import type { ArgTypes, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';
import { isColour, tokens } from './tokens.js';
import '../src/define.js';

/** One arg per token, named as the custom property; unset args leave the widgets on their own defaults. */
type Args = Record<string, string | undefined>;

const argTypes: Partial<ArgTypes<Args>> = Object.fromEntries(
  tokens.map((token) => [
    token.name,
    {
      description: token.about,
      control: isColour(token) ? { type: 'color' } : { type: 'text' },
      table: {
        category: token.elements.length ? 'component tokens' : 'global tokens',
        defaultValue: { summary: token.dark ? `${token.light} / ${token.dark} (dark)` : token.light },
      },
    },
  ]),
);

const meta: Meta<Args> = {
  title: 'Design/Theming',
  // theming.mdx is this page's documentation: an autodocs page beside it would say less.
  tags: ['!autodocs'],
  argTypes,
  render: (args) => {
    // The toolbar's theme arrives as an arg beside the tokens (see .storybook/preview.ts).
    const { theme, ...values } = args;
    const set = Object.fromEntries(
      Object.entries(values).filter(([name, value]) => name.startsWith('--wire-') && value),
    );
    return html`<div style=${styleMap(set)} class="specimen">
      <style>
        .specimen {
          display: grid;
          gap: 24px;
          grid-template-columns: repeat(auto-fit, minmax(300px, 1fr));
          align-items: start;
        }
      </style>
      <wire-feed src="/sample-feed.json">
        <wire-article-card
          theme=${ifDefined(theme)}
          item="kim-jong-un-komsomolsk-on-amur"
        ></wire-article-card>
        <div>
          <wire-related-story
            theme=${ifDefined(theme)}
            related-to="kim-jong-un-komsomolsk-on-amur"
          ></wire-related-story>
          <wire-comment-prompt
            theme=${ifDefined(theme)}
            item="putin-kim-talks"
            variant="compact"
          ></wire-comment-prompt>
          <wire-comment-prompt
            theme=${ifDefined(theme)}
            item="kim-jong-un-komsomolsk-on-amur"
          ></wire-comment-prompt>
        </div>
        <wire-photo-gallery
          theme=${ifDefined(theme)}
          item="kim-jong-un-komsomolsk-on-amur"
        ></wire-photo-gallery>
      </wire-feed>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const headline = (canvas: HTMLElement) =>
  canvas.querySelector('wire-article-card')!.shadowRoot?.querySelector('[part~="headline"]');

/** Every widget on its defaults: change a control to see the token take effect. */
export const Tokens: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(headline(canvasElement)).toBeTruthy());
  },
};

/** A publisher's brand: one accent and one type size, set once on a container, reach every widget. */
export const Branded: Story = {
  args: {
    '--wire-color-accent': '#0b6e4f',
    '--wire-font-size': '18px',
    '--wire-font-family': 'Georgia, serif',
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(headline(canvasElement)).toBeTruthy());
    const kicker = canvasElement
      .querySelector('wire-article-card')!
      .shadowRoot!.querySelector('[part="kicker"]')!;
    await expect(getComputedStyle(kicker).color).toBe('rgb(11, 110, 79)');
    await expect(getComputedStyle(canvasElement.querySelector('wire-comment-prompt')!).fontSize).toBe('18px');
  },
};
