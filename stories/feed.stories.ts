import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../src/define.js';

/**
 * `<wire-feed>` draws nothing itself: these stories show widgets sharing the feed it loads (one request) or the
 * feed it reads from an inline script (no request at all).
 */
const meta: Meta<Args> = {
  title: 'Feed/wire-feed',
  component: 'wire-feed',
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
};
export default meta;

/** `<wire-feed>` has no theme of its own: the arg (or the toolbar's theme) is handed to the widgets inside. */
interface Args {
  theme?: 'light' | 'dark';
}
type Story = StoryObj<Args>;

export const SharedFeed: Story = {
  name: 'Several widgets, one request',
  render: ({ theme }) => html`
    <wire-feed src="/sample-feed.json">
      <wire-article-card
        theme=${ifDefined(theme)}
        item="kim-jong-un-komsomolsk-on-amur"
        layout="horizontal"
      ></wire-article-card>
      <wire-comment-prompt
        theme=${ifDefined(theme)}
        item="kim-jong-un-komsomolsk-on-amur"
      ></wire-comment-prompt>
    </wire-feed>
  `,
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('wire-article-card')!;
    await waitFor(() =>
      expect(card.shadowRoot?.querySelector('[part~="headline"]')?.textContent).toContain('Kim Jong Un'),
    );
    const requests = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/sample-feed.json'));
    await expect(requests.length).toBeLessThanOrEqual(1);
  },
};

const inlineFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Inline',
  items: [
    {
      id: 'inline-story',
      url: 'https://news.example/inline-story',
      title: 'A Feed Embedded in the Page &amp; Read With No Request',
      summary: 'The page carries its own feed in a script element of type application/feed+json.',
      date_published: '2023-09-15T06:00:00Z',
      _wire: { section: 'World' },
    },
  ],
});

export const InlineFeed: Story = {
  name: 'Inline feed (no request)',
  render: ({ theme }) => html`
    <wire-feed>
      <script type="application/feed+json">
        ${inlineFeed}
      </script>
      <wire-article-card theme=${ifDefined(theme)}></wire-article-card>
    </wire-feed>
  `,
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('wire-article-card')!;
    await waitFor(() =>
      expect(card.shadowRoot?.querySelector('[part~="headline"]')?.textContent).toContain(
        'Embedded in the Page & Read',
      ),
    );
  },
};

/** A feed that cannot be loaded: every widget inside shows its quiet fallback (the prompt draws nothing). */
export const LoadError: Story = {
  name: 'Error (feed unavailable)',
  render: ({ theme }) => html`
    <wire-feed src="/no-such-feed.json">
      <wire-article-card theme=${ifDefined(theme)}></wire-article-card>
      <wire-comment-prompt theme=${ifDefined(theme)}></wire-comment-prompt>
    </wire-feed>
  `,
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('wire-article-card')!;
    // A failing feed is retried before the widgets give up: seconds, not the one waitFor allows by default.
    await waitFor(() => expect(card.shadowRoot?.querySelector('[part="fallback"]')).toBeTruthy(), {
      timeout: 10_000,
    });
    await expect(canvasElement.querySelector('wire-comment-prompt')!.matches(':state(error)')).toBe(true);
  },
};
