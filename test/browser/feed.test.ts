import { html } from 'lit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearFeedCache, configureLoader, loadFeed } from '../../src/feed/loader.js';
import { WireFeedElement } from '../../src/shared/wire-element.js';
import { cleanup, faultServer, inShadow, mount, nextEvent, serverHits, until } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import type { FeedErrorDetail, FeedLoadDetail } from '../../src/shared/events.js';
import '../../src/components/feed/feed.define.js';
import '../../src/components/article-card/article-card.define.js';

/** The smallest widget: renders its item's title, or the reason it has none. */
class ProbeWidget extends WireFeedElement {
  /** The status each render drew, in order. */
  readonly drawn: string[] = [];

  override render() {
    const view = this.data.view;
    this.drawn.push(view.status);
    if (view.status === 'ready') return html`<h3>${view.item?.title}</h3>`;
    return html`<p>${view.status}${view.reason ? `:${view.reason}` : ''}</p>`;
  }
}
customElements.define('probe-widget', ProbeWidget);

/** A widget that keeps the shadow root the server declared, as Lit's hydrate support does, and so hydrates. */
class DrawnProbe extends ProbeWidget {
  protected override createRenderRoot() {
    return this.shadowRoot ?? super.createRenderRoot();
  }
}
customElements.define('drawn-probe', DrawnProbe);

/** Like `mount`, with declarative shadow roots parsed, as in a server-rendered page. */
function mountRendered(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'test-mount';
  container.setHTMLUnsafe(markup);
  document.body.append(container);
  return container;
}

const DRAWN =
  '<drawn-probe><template shadowrootmode="open"><h3>From the server</h3></template></drawn-probe>';

/** Resolves once the widget shows the story headline `name`. */
const headline = (widget: Element, name: string) => inShadow(widget).findByRole('heading', { name });
/** The headline the widget shows now, or null. */
const shownHeadline = (widget: Element) => inShadow(widget).queryByRole('heading')?.textContent ?? null;

/** Resolves once the test server has been asked for `path` at least `times` times. */
async function answered(path: string, times: number): Promise<void> {
  for (let tries = 0; (await serverHits(path)) < times; tries++) {
    if (tries > 500) throw new Error(`${path} was not asked for ${times} times`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(() => configureLoader({ retries: 0 }));
afterEach(() => {
  cleanup();
  clearFeedCache();
});

describe('<wire-feed>', () => {
  it('shares one request among every widget inside it and outside with the same src', async () => {
    const src = `${faultServer()}/feed-shared?delay=30`;
    const root = mount(`
      <wire-feed src="${src}">
        ${'<probe-widget></probe-widget>'.repeat(10)}
      </wire-feed>
      ${`<probe-widget src="${src}" item="two"></probe-widget>`.repeat(5)}
    `);
    const widgets = [...root.querySelectorAll('probe-widget')];
    await Promise.all(widgets.map((widget, i) => headline(widget, i < 10 ? 'Story one' : 'Story two')));
    expect(await serverHits('/feed-shared')).toBe(1);
  });

  it('reads an inline application/feed+json script with no request', async () => {
    const inline = JSON.stringify(rawFeed([rawItem('inline-a', { title: 'Caf&eacute; &amp; Bar' })]));
    const root = mount(
      `<wire-feed><script type="application/feed+json">${inline}</script><probe-widget></probe-widget></wire-feed>`,
    );
    const widget = root.querySelector('probe-widget')!;
    await headline(widget, 'Café & Bar');
  });

  it('hands an inline copy to the widgets inside for their very first render, so none draws a skeleton first', async () => {
    const inline = JSON.stringify(rawFeed([rawItem('inline-a', { title: 'At once' })]));
    const root = mount(
      `<wire-feed><script type="application/feed+json">${inline}</script><probe-widget></probe-widget></wire-feed>`,
    );
    const widget = root.querySelector<ProbeWidget>('probe-widget')!;
    await headline(widget, 'At once');
    expect(widget.drawn[0]).toBe('ready');
  });

  it("never shows a nested <wire-feed>'s inline copy as its own", async () => {
    const outer = JSON.stringify(rawFeed([rawItem('o', { title: 'Outer story' })]));
    const inner = JSON.stringify(rawFeed([rawItem('i', { title: 'Inner story' })]));
    const root = mount(
      `<wire-feed id="outer">
        <wire-feed><script type="application/feed+json">${inner}</script><probe-widget></probe-widget></wire-feed>
        <script type="application/feed+json">${outer}</script><probe-widget></probe-widget>
      </wire-feed>`,
    );
    const [insideInner, insideOuter] = [...root.querySelectorAll('probe-widget')];
    await headline(insideInner!, 'Inner story');
    await headline(insideOuter!, 'Outer story');
  });

  it('fires wire-feed-load on itself and on each widget', async () => {
    const root = mount(`<wire-feed></wire-feed>`);
    const feed = root.querySelector('wire-feed')!;
    const loads: FeedLoadDetail[] = [];
    root.addEventListener('wire-feed-load', (event) => loads.push(event.detail));
    feed.innerHTML = '<probe-widget></probe-widget><probe-widget></probe-widget>';
    feed.src = `${faultServer()}/feed-events`;
    await until(() => loads.length === 3);
    expect(loads.every((detail) => detail.itemCount === 3 && detail.url.endsWith('/feed-events'))).toBe(true);
  });

  it('shows a quiet fallback and reports why, without throwing into the page', async () => {
    const errors: FeedErrorDetail[] = [];
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const root = mount(`
      <probe-widget src="${faultServer()}/status/500"></probe-widget>
      <probe-widget src="${faultServer()}/html"></probe-widget>
      <probe-widget src="${faultServer()}/feed-missing" item="nope"></probe-widget>
      <wire-feed><script type="application/feed+json">{"items": [</script><probe-widget></probe-widget></wire-feed>
      <probe-widget src="javascript:alert(1)"></probe-widget>
    `);
    root.addEventListener('wire-feed-error', (event) => errors.push(event.detail));
    const widgets = [...root.querySelectorAll('probe-widget')];
    const reasons = ['error:http', 'error:parse', 'error:not-found', 'error:parse', 'error:invalid'];
    await Promise.all(widgets.map((widget, i) => inShadow(widget).findByText(reasons[i]!)));
    expect(errors.find((detail) => detail.reason === 'http')?.status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(uncaught).toEqual([]);
  });

  it('never lets a late answer for an old src replace the new one', async () => {
    const root = mount(`<probe-widget src="${faultServer()}/feed-slow-old?delay=300"></probe-widget>`);
    const widget = root.querySelector<ProbeWidget>('probe-widget')!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    widget.src = `${faultServer()}/feed-fast-new`;
    widget.item = 'three';
    await headline(widget, 'Story three');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(shownHeadline(widget)).toBe('Story three');
  });

  it('lets the feed property win over src and accepts a raw JSON Feed object', async () => {
    const root = mount(`<probe-widget src="${faultServer()}/feed-unused"></probe-widget>`);
    const widget = root.querySelector<ProbeWidget>('probe-widget')!;
    widget.feed = rawFeed([rawItem('prop', { title: 'From a property' })]);
    await headline(widget, 'From a property');
  });

  it('keeps loading for the others when one widget is removed mid-request', async () => {
    const src = `${faultServer()}/feed-detach?delay=100`;
    const root = mount(
      `<probe-widget src="${src}"></probe-widget><probe-widget src="${src}"></probe-widget>`,
    );
    const [first, second] = root.querySelectorAll('probe-widget');
    const loaded = nextEvent(second!, 'wire-feed-load');
    first!.remove();
    await loaded;
    expect(shownHeadline(second!)).toBe('Story one');
    expect(await serverHits('/feed-detach')).toBe(1);
  });

  it('finishes loading when it is moved in the page mid-request', async () => {
    const root = mount(
      `<wire-feed src="${faultServer()}/feed-moved?delay=100"><probe-widget></probe-widget></wire-feed><div></div>`,
    );
    const feed = root.querySelector('wire-feed')!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    root.querySelector('div')!.append(feed);
    await headline(feed.querySelector('probe-widget')!, 'Story one');
  });

  it('never lets a late answer for its old src replace a feed set since', async () => {
    const root = mount(
      `<wire-feed src="${faultServer()}/feed-replaced?delay=200"><probe-widget></probe-widget></wire-feed>`,
    );
    const feed = root.querySelector('wire-feed')!;
    const widget = feed.querySelector('probe-widget')!;
    await new Promise((resolve) => setTimeout(resolve, 20));
    feed.feed = rawFeed([rawItem('prop', { title: 'From a property' })]);
    await headline(widget, 'From a property');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shownHeadline(widget)).toBe('From a property');
  });

  it('gives its widgets the fresh copy of a stale feed once it arrives', async () => {
    configureLoader({ retries: 0, staleAfter: 50 });
    // A copy that changed: an unchanged one is not read again.
    const src = `${faultServer()}/killed-swr`;
    const first = await loadFeed(src);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const root = mount(`<wire-feed src="${src}"><probe-widget></probe-widget></wire-feed>`);
    const widget = root.querySelector('probe-widget') as unknown as { data: { state: { feed?: unknown } } };
    // The mount served the stale copy and started the refresh; the fresh copy must reach the widget.
    await until(
      () => ![undefined, first.feed].includes(widget.data.state.feed as typeof first.feed),
      2000,
      'fresh copy',
    );
    expect(widget.data.state.feed).toBe((await loadFeed(src)).feed);
  });
});

describe('<wire-feed> with an inline copy and a live src (a server-rendered snippet)', () => {
  const copy = (title: string) =>
    `<script type="application/feed+json">${JSON.stringify(rawFeed([rawItem('one', { title })]))}</script>`;

  it('shows the copy at once, then what the live feed says now', async () => {
    const src = `${faultServer()}/feed-live`;
    const loads: string[] = [];
    const root = mount(
      `<wire-feed src="${src}">${copy('Story one, as rendered')}<probe-widget item="one"></probe-widget></wire-feed>`,
    );
    const feed = root.querySelector('wire-feed')!;
    // The widget's own event bubbles through <wire-feed>: count the feed's alone.
    feed.addEventListener('wire-feed-load', (event) => {
      if (event.target === feed) loads.push(event.detail.url);
    });
    const widget = root.querySelector('probe-widget')!;
    await headline(widget, 'Story one, as rendered');
    await headline(widget, 'Story one');
    expect(loads).toEqual(['inline:', src]);
    expect(await serverHits('/feed-live')).toBe(1);
  });

  it('reads the live feed again when the page holds a copy older than the snippet, which must not bring a kill back', async () => {
    // The page read the feed before the publisher killed story one (another widget, an earlier view).
    const src = `${faultServer()}/killed-before-snippet`;
    await loadFeed(src);
    const killed = rawFeed([rawItem('one', { _wire: { rights: { pubstatus: 'canceled' } } })]);
    const root = mount(
      `<wire-feed src="${src}"><script type="application/feed+json">${JSON.stringify(killed)}</script>` +
        '<wire-article-card item="one"></wire-article-card></wire-feed>',
    );
    const feed = root.querySelector('wire-feed')!;
    const live = new Promise<void>((resolve) =>
      feed.addEventListener('wire-feed-load', (event) => {
        if (event.target === feed && event.detail.url === src) resolve();
      }),
    );
    const card = root.querySelector('wire-article-card')!;
    await live;
    await card.updateComplete;
    expect(await serverHits('/killed-before-snippet')).toBe(2);
    inShadow(card).getByText('This story has been withdrawn.');
    expect(inShadow(card).queryByRole('heading')).toBeNull();
  });

  it("does so too when the snippet's copy arrives after its live load started, as on a streamed page", async () => {
    const src = `${faultServer()}/killed-before-streamed-snippet`;
    await loadFeed(src);
    const killed = rawFeed([rawItem('one', { _wire: { rights: { pubstatus: 'canceled' } } })]);
    const root = mount(
      `<wire-feed ssr src="${src}"><wire-article-card item="one"></wire-article-card></wire-feed>`,
    );
    const feed = root.querySelector('wire-feed')!;
    const live = new Promise<void>((resolve) =>
      feed.addEventListener('wire-feed-load', (event) => {
        if (event.target === feed && event.detail.url === src) resolve();
      }),
    );
    await feed.updateComplete;
    // The rest of the snippet: its copy, parsed after the element connected and asked for the live feed.
    const script = document.createElement('script');
    script.type = 'application/feed+json';
    script.textContent = JSON.stringify(killed);
    feed.prepend(script);
    const card = root.querySelector('wire-article-card')!;
    await live;
    await card.updateComplete;
    expect(await serverHits('/killed-before-streamed-snippet')).toBe(2);
    inShadow(card).getByText('This story has been withdrawn.');
    expect(inShadow(card).queryByRole('heading')).toBeNull();
  });

  it('keeps the copy when the live feed fails, and reports the failure', async () => {
    const src = `${faultServer()}/status/503`;
    const root = mount(
      `<wire-feed src="${src}">${copy('Kept copy')}<probe-widget item="one"></probe-widget></wire-feed>`,
    );
    const feed = root.querySelector('wire-feed')!;
    const error = nextEvent<CustomEvent<FeedErrorDetail>>(feed, 'wire-feed-error');
    const widget = root.querySelector('probe-widget')!;
    await headline(widget, 'Kept copy');
    expect((await error).detail).toMatchObject({ url: src, reason: 'http', status: 503 });
    expect(shownHeadline(widget)).toBe('Kept copy');
  });
});

describe('a page left open', () => {
  it('takes a story its publisher kills down at the next check of the feed, without a reload', async () => {
    configureLoader({ retries: 0, refreshInterval: 100 });
    const src = `${faultServer()}/killed-while-open`;
    const root = mount(
      `<wire-feed src="${src}"><wire-article-card item="one"></wire-article-card></wire-feed>`,
    );
    const card = root.querySelector('wire-article-card')!;
    await inShadow(card).findByRole('link', { name: 'Story one' });
    await inShadow(card).findByText('This story has been withdrawn.');
    expect(inShadow(card).queryByRole('link', { name: 'Story one' })).toBeNull();
  });

  it('stops checking once no widget shows the feed', async () => {
    configureLoader({ retries: 0, refreshInterval: 50 });
    const src = `${faultServer()}/feed-checked`;
    const root = mount(`<wire-feed src="${src}"><probe-widget item="one"></probe-widget></wire-feed>`);
    await headline(root.querySelector('probe-widget')!, 'Story one');
    await answered('/feed-checked', 3);
    cleanup();
    const hits = await serverHits('/feed-checked');
    // Ten intervals: at most the check already on its way when the widget left.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await serverHits('/feed-checked')).toBeLessThanOrEqual(hits + 1);
  });
});

describe('<wire-feed> around widgets the server drew', () => {
  const inline = JSON.stringify(rawFeed([rawItem('a', { title: 'Hydrated' })]));

  it('has read its inline copy when they first render, though it reads it after the elements upgrade', async () => {
    const root = mountRendered(
      `<wire-feed><script type="application/feed+json">${inline}</script>${DRAWN}${DRAWN}</wire-feed>`,
    );
    const widgets = [...root.querySelectorAll<DrawnProbe>('drawn-probe')];
    await until(() => widgets.every((widget) => widget.drawn.length), undefined, 'both widgets rendered');
    expect(widgets.map((widget) => widget.drawn[0])).toEqual(['ready', 'ready']);
  });

  it('reads a long copy in slices, and the widgets still first render from it', async () => {
    // Long enough to take many slices on any machine: the queue must wait for the read, not start the hydrations.
    const long = JSON.stringify(
      rawFeed(
        Array.from({ length: 500 }, (_, i) =>
          rawItem(i ? `filler-${i}` : 'a', {
            title: i ? 'Filler' : 'Hydrated',
            content_text: 'Word. '.repeat(200),
          }),
        ),
      ),
    );
    const root = mountRendered(
      `<wire-feed><script type="application/feed+json">${long}</script>${DRAWN}${DRAWN}</wire-feed>`,
    );
    const widgets = [...root.querySelectorAll<DrawnProbe>('drawn-probe')];
    await until(() => widgets.every((widget) => widget.drawn.length), undefined, 'both widgets rendered');
    expect(widgets.map((widget) => widget.drawn[0])).toEqual(['ready', 'ready']);
  });

  it('still reads it at once when a widget beside them is drawn here, whose first render is never queued', async () => {
    const root = mountRendered(
      `<wire-feed><script type="application/feed+json">${inline}</script>${DRAWN}<probe-widget></probe-widget></wire-feed>`,
    );
    const plain = root.querySelector<ProbeWidget>('probe-widget')!;
    const drawn = root.querySelector<DrawnProbe>('drawn-probe')!;
    await until(() => plain.drawn.length > 0 && drawn.drawn.length > 0, undefined, 'both widgets rendered');
    expect([plain.drawn[0], drawn.drawn[0]]).toEqual(['ready', 'ready']);
  });
});
