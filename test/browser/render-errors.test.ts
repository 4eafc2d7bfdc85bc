/**
 * Never silent (issue 10, item 7): a render that throws never reaches the page. The widget shows its quiet
 * fallback line as plain text, matches `:state(error)` and fires `wire-feed-error` with reason `render` once;
 * a later render that works brings the widget back. The Trusted Types case, where every template throws, runs
 * against the built bundle in test/e2e/trusted-types.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WireArticleCard } from '../../src/components/article-card/article-card.js';
import { WireFeed } from '../../src/components/feed/feed.js';
import type { FeedErrorDetail } from '../../src/shared/events.js';
import { cleanup, inShadow, mount, until } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/related-story/related-story.define.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';

const UNAVAILABLE = 'This content is not available right now.';

/** An article card whose render throws while `broken` is set, as a bug or an unexpected value would. */
class BreakableCard extends WireArticleCard {
  broken = true;

  override render() {
    if (this.broken) throw new Error('render bug');
    return super.render();
  }
}
customElements.define('render-errors-card', BreakableCard);

/** A `<wire-feed>` whose render throws (every template does on a page that refused Lit its policy). */
class BrokenFeed extends WireFeed {
  override render(): never {
    throw new Error('render bug');
  }
}
customElements.define('render-errors-feed', BrokenFeed);

// With a photo, comment counts and sign-in links, so that every widget has something to draw: one with nothing to
// draw (a gallery without photos, a prompt without comments) draws no fallback either.
const feed = rawFeed(
  [
    rawItem('story', {
      image: new URL('/demo/public/images/gallery-airfield.svg', location.href).href,
      _wire: { comments: { count: 2, status: 'open' } },
    }),
  ],
  {
    _wire: {
      comments: { login_url: 'https://news.example/login', register_url: 'https://news.example/register' },
    },
  },
);

/** Errors that reached the page: uncaught exceptions and unhandled rejections. */
let escaped: string[] = [];
const onError = (event: ErrorEvent) => escaped.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => escaped.push(`rejection: ${String(event.reason)}`);

/** Every wire-feed-load / wire-feed-error the element fired, in order. */
function record(element: Element): string[] {
  const seen: string[] = [];
  element.addEventListener('wire-feed-load', () => seen.push('load'));
  element.addEventListener('wire-feed-error', (event) =>
    seen.push(`error:${(event as CustomEvent<FeedErrorDetail>).detail.reason}`),
  );
  return seen;
}

/** Lets a few update cycles and timers run, so a late report or an escaped rejection would be seen. */
const settle = () => new Promise((done) => setTimeout(done, 50));

beforeEach(() => {
  escaped = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  cleanup();
});

describe('a render that throws', () => {
  // First in the file: Lit caches each template once created, and this needs every template still to be made.
  it('in every widget, when Lit cannot create a template (what Trusted Types without a policy does)', async () => {
    const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!;
    // Chromium's own refusal when Lit has no policy under require-trusted-types-for 'script'.
    Object.defineProperty(HTMLTemplateElement.prototype, 'innerHTML', {
      configurable: true,
      get: innerHTML.get,
      set() {
        throw new TypeError(
          "Failed to set the 'innerHTML' property: This document requires 'TrustedHTML' assignment.",
        );
      },
    });
    try {
      const tags = ['wire-article-card', 'wire-related-story', 'wire-photo-gallery', 'wire-comment-prompt'];
      const root = document.createElement('div');
      root.className = 'test-mount';
      document.body.append(root);
      const widgets = tags.map((tag) => root.appendChild(document.createElement(tag)));
      const seen = widgets.map(record);
      for (const widget of widgets) (widget as WireArticleCard).feed = feed;
      await until(() => seen.every((events) => events.length > 0), 10_000, 'an outcome from every widget');
      await settle();
      for (const [i, widget] of widgets.entries()) {
        expect(seen[i], tags[i]).toEqual(['error:render']);
        expect(inShadow(widget).getByText(UNAVAILABLE)).toBeVisible();
        expect(widget.matches(':state(error)'), tags[i]).toBe(true);
      }
      expect(escaped).toEqual([]);
    } finally {
      delete (HTMLTemplateElement.prototype as { innerHTML?: string }).innerHTML;
    }
  });

  it('shows the fallback line, matches :state(error) and fires wire-feed-error reason render once', async () => {
    const card = mount('<render-errors-card></render-errors-card>').querySelector(
      'render-errors-card',
    ) as BreakableCard;
    const seen = record(card);
    card.feed = feed;
    await card.updateComplete;
    // More updates while still broken: the fallback stays, the failure is not reported again.
    card.requestUpdate();
    await card.updateComplete;
    card.setAttribute('theme', 'dark');
    await card.updateComplete;
    await settle();

    expect(inShadow(card).getByText(UNAVAILABLE)).toBeVisible();
    expect(card.matches(':state(error)')).toBe(true);
    expect(seen).toEqual(['error:render']);
    expect(escaped).toEqual([]);
  });

  it('names the feed in the event and comes back once a render goes through', async () => {
    const card = mount('<render-errors-card></render-errors-card>').querySelector(
      'render-errors-card',
    ) as BreakableCard;
    const seen = record(card);
    const details: FeedErrorDetail[] = [];
    card.addEventListener('wire-feed-error', (event) => details.push(event.detail));
    card.feed = feed;
    await card.updateComplete;
    expect(details).toEqual([{ url: 'property:', reason: 'render' }]);

    card.broken = false;
    card.requestUpdate();
    await card.updateComplete;
    expect(inShadow(card).getByRole('link', { name: 'Story story' })).toBeVisible();
    expect(inShadow(card).queryByText(UNAVAILABLE)).toBeNull();
    expect(card.matches(':state(ready)')).toBe(true);

    // A new failure after a recovery is a new outcome: reported again.
    card.broken = true;
    card.requestUpdate();
    await card.updateComplete;
    await settle();
    expect(inShadow(card).getByText(UNAVAILABLE)).toBeVisible();
    expect(inShadow(card).queryByRole('link')).toBeNull();
    expect(seen).toEqual(['error:render', 'load', 'error:render']);
    expect(escaped).toEqual([]);
  });

  it('keeps the widgets inside a <wire-feed> whose own render threw', async () => {
    const root = mount('<render-errors-feed><wire-article-card></wire-article-card></render-errors-feed>');
    const host = root.querySelector('render-errors-feed') as BrokenFeed;
    host.feed = feed;
    const card = root.querySelector('wire-article-card')!;
    expect(await inShadow(card).findByRole('link', { name: 'Story story' })).toBeVisible();
    await settle();
    expect(escaped).toEqual([]);
  });
});
