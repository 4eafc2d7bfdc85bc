import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/define.js';

/**
 * `<wire-feed>` draws nothing itself: these stories show widgets sharing the feed it loads (one request) or the
 * feed it reads from an inline script (no request at all).
 */
const meta: Meta = {
  title: 'Feed/wire-feed',
  component: 'wire-feed',
};
export default meta;

type Story = StoryObj;

export const SharedFeed: Story = {
  name: 'Several widgets, one request',
  render: () => html`
    <wire-feed src="/sample-feed.json">
      <wire-article-card item="kim-jong-un-komsomolsk-on-amur" layout="horizontal"></wire-article-card>
      <wire-comment-prompt item="kim-jong-un-komsomolsk-on-amur"></wire-comment-prompt>
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
  render: () => html`
    <wire-feed>
      <script type="application/feed+json">
        ${inlineFeed}
      </script>
      <wire-article-card></wire-article-card>
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
