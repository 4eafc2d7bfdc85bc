/**
 * Server rendering under Node, as a reader with JavaScript off would meet the snippet: the element's declarative
 * shadow root parsed by jsdom and queried by role and text.
 */
import { getByRole, getByText, queryByRole, queryByText } from '@testing-library/dom';
import { JSDOM } from 'jsdom';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { describe, expect, it } from 'vitest';
import { rawFeed, rawItem } from '../fixtures.js';
import { OWN_TEXT_PAYLOADS, OWN_URL_PAYLOADS } from '../hostile/payloads.js';
import { RenderError, renderWidget, scriptJson, type WidgetName } from '../../src/ssr/render.js';
import '../../src/components/feed/feed.define.js';
import '../../src/define.js';

const photo = (n: number) => ({
  url: `https://img.example/${n}.jpg`,
  width: 1200,
  height: 800,
  alt: `Photo ${n} alt`,
  caption: `Caption ${n}`,
  credit_text: `© Agency ${n}`,
  creator: `Photographer ${n}`,
});

const story = rawItem('a', {
  title: 'Ships leave the harbour',
  summary: 'The fleet sailed at dawn.',
  content_text: 'word '.repeat(700),
  authors: [{ name: 'Ann Writer' }, { name: 'Bob Reporter' }],
  tags: ['Sea', 'Ports'],
  image: photo(1).url,
  _wire: {
    kicker: 'Harbour',
    image: photo(1),
    gallery: [photo(1), photo(2), photo(3)],
    related: ['b', 'c'],
    comments: { status: 'open', count: 12 },
  },
});

const feed = rawFeed(
  [
    story,
    rawItem('b', { title: 'Second story', tags: ['Sea'] }),
    rawItem('c', { title: 'Third story' }),
    rawItem('d', { title: 'Unrelated story' }),
  ],
  {
    _wire: {
      comments: { login_url: 'https://news.example/login', register_url: 'https://news.example/join' },
    },
  },
);

interface Snippet {
  html: string;
  /** The light DOM host. */
  host: Element;
  /** The shadow root's content, in a container testing-library can query. */
  shadow: HTMLElement;
  /** The inline feed the browser reads. */
  inline: { items: { id: string }[] };
  window: JSDOM['window'];
}

function parse(snippet: string, tag: string): Snippet {
  const { window } = new JSDOM(`<!doctype html><body>${snippet}</body>`);
  const host = window.document.querySelector(tag)!;
  const template = host.querySelector(':scope > template[shadowrootmode="open"]') as HTMLTemplateElement;
  const shadow = window.document.createElement('div');
  shadow.append(template.content.cloneNode(true));
  const script = window.document.querySelector('wire-feed > script[type="application/feed+json"]')!;
  return {
    html: snippet,
    host,
    shadow,
    window,
    inline: JSON.parse(script.textContent!) as Snippet['inline'],
  };
}

async function snippet(widget: WidgetName, attributes: Record<string, string> = {}, source: unknown = feed) {
  return parse(await renderWidget(source, { widget, attributes }), `wire-${widget}`);
}

describe('renderWidget: <wire-article-card>', () => {
  it('shows the story with JavaScript off: headline link, standfirst, byline, date, photo, caption, credit', async () => {
    const { shadow } = await snippet('article-card');
    const link = getByRole(shadow, 'link', { name: 'Ships leave the harbour' });
    expect(link.getAttribute('href')).toBe('https://news.example/a');
    expect(getByRole(shadow, 'heading', { level: 3 }).textContent).toContain('Ships leave the harbour');
    getByText(shadow, 'The fleet sailed at dawn.');
    getByText(shadow, 'By Ann Writer and Bob Reporter');
    const time = shadow.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2023-09-15T09:00:00.000Z');
    // Absolute on the server: a cached snippet must not say "2 hours ago" for ever.
    expect(time.textContent!.trim()).toBe('September 15, 2023');
    const image = getByRole(shadow, 'img', { name: 'Photo 1 alt' });
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1200', '800']);
    getByText(shadow, 'Caption 1');
    getByText(shadow, '© Agency 1');
    getByText(shadow, '3 min read');
    getByText(shadow, '12 comments');
  });

  it('carries its styles inside the shadow template', async () => {
    const { shadow } = await snippet('article-card');
    expect(shadow.querySelector('style')?.textContent).toContain(':host');
  });

  it.each(['stacked', 'horizontal', 'compact', 'hero'])('renders the %s layout', async (layout) => {
    const { shadow } = await snippet('article-card', { layout });
    expect(shadow.querySelector('article')!.classList.contains(layout)).toBe(true);
    getByRole(shadow, 'link', { name: 'Ships leave the harbour' });
    // Only the compact card leaves the standfirst out.
    expect(queryByText(shadow, 'The fleet sailed at dawn.') === null).toBe(layout === 'compact');
  });

  it('holds only the shown item in the inline feed', async () => {
    const { inline, host } = await snippet('article-card');
    expect(inline.items.map((item) => item.id)).toEqual(['a']);
    expect(host.getAttribute('item')).toBe('a');
  });

  it('shows the item named by id', async () => {
    const { shadow, inline } = parse(
      await renderWidget(feed, { widget: 'article-card', item: 'c' }),
      'wire-article-card',
    );
    getByRole(shadow, 'link', { name: 'Third story' });
    expect(inline.items.map((item) => item.id)).toEqual(['c']);
  });

  it('renders in the feed language, with its direction, and in the language asked for', async () => {
    const ru = await snippet('article-card', {}, { ...feed, language: 'ru' });
    expect(ru.host.getAttribute('lang')).toBe('ru');
    expect(ru.shadow.querySelector('.wrap')!.getAttribute('lang')).toBe('ru');
    getByText(ru.shadow, 'Ann Writer и Bob Reporter', { exact: false });
    const ar = await snippet('article-card', { lang: 'ar' });
    expect(ar.host.getAttribute('dir')).toBe('rtl');
    expect(ar.shadow.querySelector('.wrap')!.getAttribute('dir')).toBe('rtl');
  });
});

describe('renderWidget: <wire-related-story>', () => {
  it('renders one teaser', async () => {
    const { shadow } = await snippet('related-story', {});
    expect(getByRole(shadow, 'link', { name: 'Ships leave the harbour' }).getAttribute('href')).toBe(
      'https://news.example/a',
    );
    expect(shadow.querySelector('time')!.textContent!.trim()).toBe('September 15, 2023');
  });

  it('renders the related list, carrying the article and the listed stories only', async () => {
    const { shadow, inline } = await snippet('related-story', { 'related-to': 'a', limit: '2' });
    getByRole(shadow, 'heading', { name: 'Related stories' });
    const links = linkTexts(shadow);
    expect(links).toEqual(['Second story', 'Third story']);
    expect(inline.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });
});

const linkTexts = (container: HTMLElement): string[] =>
  [...container.querySelectorAll('a[href]')].map((node) => node.textContent!.trim());

describe('renderWidget: <wire-photo-gallery>', () => {
  it('shows the first photo with its credit, and the others as thumbnails', async () => {
    const { shadow } = await snippet('photo-gallery');
    getByRole(shadow, 'region', { name: 'Photo gallery' });
    const first = shadow.querySelector('.slide:not([inert])')!;
    expect(first.querySelector('img')!.getAttribute('src')).toBe('https://img.example/1.jpg');
    expect(first.textContent).toContain('© Agency 1');
    getByText(shadow, '1 / 3');
    const thumbnails = getByRole(shadow, 'group', { name: 'Choose a photo' });
    expect(thumbnails.querySelectorAll('img')).toHaveLength(3);
  });

  it("leaves a photo licensed for the publisher's own site out of the page's source, inline data included", async () => {
    const ownSiteOnly = { ...photo(2), syndication: false };
    const limited = rawFeed([
      rawItem('a', {
        title: 'Ships',
        image: ownSiteOnly.url,
        content_html: `<p>Text.</p><figure><img src="${ownSiteOnly.url}" alt="In the body"></figure>`,
        _wire: { image: ownSiteOnly, gallery: [photo(1), ownSiteOnly] },
      }),
    ]);
    for (const widget of ['photo-gallery', 'article-card'] as const) {
      const { html, inline } = await snippet(widget, {}, limited);
      expect(
        inline.items.map((entry) => entry.id),
        widget,
      ).toEqual(['a']);
      expect(html, widget).not.toContain('img.example/2.jpg');
      expect(html, widget).not.toContain('Caption 2');
    }
    // A story's inline copy keeps its raw body, which names the photo anyway; what the reader sees leaves it out,
    // the body's picture included.
    const { shadow } = await snippet('story', {}, limited);
    expect(shadow.innerHTML).not.toContain('img.example/2.jpg');
    getByText(shadow, 'Text.');
    expect((await snippet('photo-gallery', {}, limited)).html).toContain('img.example/1.jpg');
  });
});

describe('renderWidget: <wire-comment-prompt>', () => {
  it('shows the count and the sign-in links, returning to the page named', async () => {
    const { shadow } = await snippet('comment-prompt', { 'return-url': 'https://news.example/a' });
    getByRole(shadow, 'link', { name: '12 comments' });
    const login = getByRole(shadow, 'link', { name: 'log in' });
    expect(login.getAttribute('href')).toBe(
      'https://news.example/login?return_url=https%3A%2F%2Fnews.example%2Fa',
    );
    getByRole(shadow, 'link', { name: 'register' });
  });

  it('says comments are closed', async () => {
    const closed = rawFeed([rawItem('x', { _wire: { comments: { status: 'closed', count: 3 } } })]);
    const { shadow } = await snippet('comment-prompt', {}, closed);
    getByText(shadow, 'Comments are closed');
    expect(queryByRole(shadow, 'link', { name: 'log in' })).toBeNull();
  });
});

describe('renderWidget: hostile feed text', () => {
  const hostile = rawFeed([
    rawItem('h', {
      title: OWN_TEXT_PAYLOADS.join(' '),
      summary: '</script><script>window.__pwned=1</script><!--',
      authors: [{ name: '"><img src=x onerror=window.__pwned=1>' }],
      tags: OWN_TEXT_PAYLOADS.slice(0, 10),
      url: OWN_URL_PAYLOADS[0],
      image: 'https://img.example/h.jpg',
      _wire: {
        kicker: '<script>window.__pwned=1</script>',
        image: {
          url: 'https://img.example/h.jpg',
          caption: '</template><script>x</script>',
          credit_text: '<b>c</b>',
        },
        comments: { status: 'open', count: 1, url: OWN_URL_PAYLOADS[1] },
      },
    }),
  ]);

  it.each(['article-card', 'related-story', 'photo-gallery', 'comment-prompt'] as const)(
    '%s: feed text stays text, no script or handler comes from it',
    async (widget) => {
      const { window } = await snippet(widget, {}, hostile);
      const document = window.document;
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.map((script) => script.type)).toEqual(['application/feed+json']);
      const inlineJson = scripts[0]!.textContent!;
      expect(inlineJson).not.toContain('<');
      expect(JSON.parse(inlineJson)).toMatchObject({ items: [{ id: 'h' }] });
      const all = [document.body, ...[...document.querySelectorAll('template')].map((t) => t.content)];
      for (const root of all) {
        expect(
          root.querySelectorAll('script:not([type="application/feed+json"]), iframe, object, embed, b'),
        ).toHaveLength(0);
        for (const element of root.querySelectorAll('*'))
          for (const attribute of element.getAttributeNames()) expect(attribute).not.toMatch(/^on/);
        for (const link of root.querySelectorAll('[href], [src]'))
          expect(link.getAttribute('href') ?? link.getAttribute('src')).toMatch(/^https:\/\//);
      }
    },
  );
});

describe('renderWidget: the <wire-feed> around the widget', () => {
  it('declares its own shadow root, a slot, so the browser never attaches one around the drawn widget', async () => {
    const { host, window, html } = await snippet('article-card');
    // The snippet is the element: nothing before or after it.
    expect(html).toMatch(/^<wire-feed[\s>][\s\S]*<\/wire-feed>$/);
    const wrapper = window.document.querySelector('wire-feed')!;
    expect(host.parentElement).toBe(wrapper);
    const roots = wrapper.querySelectorAll(':scope > template[shadowrootmode="open"]');
    expect(roots).toHaveLength(1);
    const root = (roots[0] as HTMLTemplateElement).content;
    expect(root.querySelectorAll('slot')).toHaveLength(1);
    expect(root.querySelector('style')!.textContent).toMatch(/:host\s*\{\s*display:\s*contents/);
    // The widget and the copy are the feed's light children, rendered once each.
    expect(wrapper.querySelectorAll(':scope > wire-article-card, :scope > script')).toHaveLength(2);
    expect(host.querySelectorAll(':scope > template')).toHaveLength(1);
  });
});

describe('renderWidget: the live feed the browser re-reads', () => {
  const liveOf = async (source: unknown, live?: string | false) => {
    const { window } = new JSDOM(await renderWidget(source, { widget: 'article-card', live }));
    return window.document.querySelector('wire-feed')!.getAttribute('src');
  };

  it("names the feed's own feed_url, so a kill issued after rendering reaches the page", async () => {
    expect(await liveOf({ ...feed, feed_url: 'https://news.example/feed.json' })).toBe(
      'https://news.example/feed.json',
    );
  });

  it('names the URL given instead, or none when asked', async () => {
    const withUrl = { ...feed, feed_url: 'https://news.example/feed.json' };
    expect(await liveOf(withUrl, 'https://cdn.example/live.json?v="1"')).toBe(
      'https://cdn.example/live.json?v=%221%22',
    );
    expect(await liveOf(withUrl, false)).toBeNull();
    expect(await liveOf(feed)).toBeNull();
  });
});

describe('renderWidget: bad input', () => {
  const refuse = (source: unknown, options: Parameters<typeof renderWidget>[1]) =>
    expect(renderWidget(source, options)).rejects.toBeInstanceOf(RenderError);

  it('refuses an unknown widget, a missing item, a feed that is not one, an attribute that is not one', async () => {
    await refuse(feed, { widget: 'marquee' as WidgetName });
    await refuse(feed, { widget: 'article-card', item: 'nope' });
    await refuse(feed, { widget: 'related-story', attributes: { 'related-to': 'nope' } });
    await refuse({ rss: {} }, { widget: 'article-card' });
    await refuse(rawFeed([]), { widget: 'article-card' });
    await refuse(feed, { widget: 'article-card', attributes: { onclick: 'x' } });
    await refuse(feed, { widget: 'article-card', attributes: { 'a"b': 'x' } });
    await refuse(feed, { widget: 'article-card', attributes: { src: 'https://x.example/f.json' } });
    await refuse('javascript:alert(1)', { widget: 'article-card' });
  });

  it('refuses a live feed that is not an http(s) URL', async () => {
    await refuse(feed, { widget: 'article-card', live: 'javascript:alert(1)' });
  });

  it('escapes attribute values', async () => {
    const { host, html: text } = await snippet('article-card', { layout: '"><script>x</script>' });
    expect(host.getAttribute('layout')).toBe('"><script>x</script>');
    expect(text).not.toContain('<script>x');
  });
});

describe('scriptJson', () => {
  it('never lets the text end the script element', () => {
    const text = scriptJson({ a: '</script><!--<script>', b: '\u2028' });
    expect(text).not.toMatch(/[<\u2028]/);
    expect(JSON.parse(text)).toEqual({ a: '</script><!--<script>', b: '\u2028' });
  });
});

describe('elements under @lit-labs/ssr', () => {
  it('<wire-feed> with an inline feed renders its slot, leaving the script to the browser', async () => {
    const json = unsafeStatic(scriptJson(feed));
    const out = await collectResult(
      render(
        staticHtml`<wire-feed><script type="application/feed+json">${json}</script><wire-article-card item="a"></wire-article-card></wire-feed>`,
      ),
    );
    const { window } = new JSDOM(out);
    const template = window.document.querySelector(
      'wire-feed > template[shadowrootmode]',
    ) as HTMLTemplateElement;
    expect(template.content.querySelector('slot')).not.toBeNull();
    // The card inside has no feed on the server (no DOM to find its <wire-feed> in): it draws its skeleton.
    const card = window.document.querySelector('wire-article-card > template') as HTMLTemplateElement;
    expect(card.content.querySelector('[aria-busy="true"]')).not.toBeNull();
  });

  it.each(['wire-article-card', 'wire-related-story', 'wire-comment-prompt', 'wire-photo-gallery'])(
    '<%s .feed> renders from a feed given as data',
    async (tag) => {
      const out = await collectResult(
        render(staticHtml`<${unsafeStatic(tag)} item="a" .feed=${feed}></${unsafeStatic(tag)}>`),
      );
      expect(out).toContain('shadowrootmode="open"');
      expect(out).toMatch(/Ships leave the harbour|12 comments|Photo gallery/);
    },
  );
});
