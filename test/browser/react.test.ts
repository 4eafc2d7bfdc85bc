/**
 * The React wrappers (`wire-widgets/react`) in a real React root, as an app uses them: a feed passed as an object
 * reaches the element as a property, and each `onWire…` prop hears its event. The installed React is 19; the
 * wrappers' types are also checked against React 18's (test/types/react18).
 */
import { createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clearFeedCache } from '../../src/feed/loader.js';
import type { CardClickDetail, FeedErrorDetail } from '../../src/shared/events.js';
import { WireArticleCard, WireFeed, WireStory } from '../../src/react/index.js';
import { cleanup, inShadow, mount } from './helpers.js';
import { rawFeed, rawItem, rightsFeed } from '../fixtures.js';

let root: Root | undefined;

function renderApp(app: ReactElement): HTMLElement {
  const container = mount('');
  root = createRoot(container);
  flushSync(() => root!.render(app));
  return container;
}

afterEach(() => {
  root?.unmount();
  root = undefined;
  cleanup();
  clearFeedCache();
});

describe('React wrappers', () => {
  it('pass a feed object to <WireFeed> as a property, and call onWireCardClick, which may keep the app on its page', async () => {
    const clicks: CardClickDetail[] = [];
    const loads: string[] = [];
    const container = renderApp(
      createElement(
        WireFeed,
        { feed: rawFeed([rawItem('one'), rawItem('two', { title: 'The second story' })]) },
        createElement(WireArticleCard, {
          item: 'two',
          onWireFeedLoad: () => loads.push('card'),
          onWireCardClick: (event) => {
            clicks.push(event.detail);
            // An app routes the click itself rather than let the browser load the page.
            event.preventDefault();
          },
        }),
      ),
    );
    const card = container.querySelector('wire-article-card')!;
    // The feed arrived as an object: an attribute would have held "[object Object]" and shown an error.
    expect(container.querySelector('wire-feed')!.hasAttribute('feed')).toBe(false);
    const link = await inShadow(card).findByRole('link', { name: 'The second story' });
    expect(loads).toEqual(['card']);

    let navigated = false;
    const watch = (event: MouseEvent) => (navigated = !event.defaultPrevented);
    window.addEventListener('click', watch);
    try {
      await userEvent.click(link);
    } finally {
      window.removeEventListener('click', watch);
    }
    expect(clicks).toEqual([{ id: 'two', url: 'https://news.example/two' }]);
    expect(navigated).toBe(false);
  });

  it('call onWireFeedError with the reason, beside the fallback a reader sees', async () => {
    const errors: FeedErrorDetail[] = [];
    const container = renderApp(
      createElement(WireArticleCard, {
        feed: rawFeed([rawItem('one')]),
        item: 'missing',
        onWireFeedError: (event) => errors.push(event.detail),
      }),
    );
    const card = container.querySelector('wire-article-card')!;
    expect(await inShadow(card).findByText('This story is no longer available.')).toBeTruthy();
    expect(errors.map((detail) => detail.reason)).toEqual(['not-found']);
  });

  it('give a partner <WireStory>, which shows a usable story and refuses an embargoed one with its reason', async () => {
    const feed = rightsFeed(Date.now());
    const errors: FeedErrorDetail[] = [];
    const container = renderApp(
      createElement(
        'div',
        null,
        createElement(WireStory, { feed, item: 'usable', id: 'usable' }),
        createElement(WireStory, {
          feed,
          item: 'embargoed',
          id: 'embargoed',
          onWireFeedError: (event) => errors.push(event.detail),
        }),
      ),
    );
    const usable = container.querySelector('#usable')!;
    expect(await inShadow(usable).findByRole('heading', { name: 'Headline of usable' })).toBeTruthy();
    const embargoed = container.querySelector('#embargoed')!;
    await expect.poll(() => errors.map((detail) => detail.reason)).toEqual(['embargoed']);
    expect(embargoed.shadowRoot!.textContent).not.toContain('Headline of embargoed');
  });
});
