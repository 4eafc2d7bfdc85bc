import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { renderStoryHead, renderWidget } from '../../src/ssr/index.js';
import { storyBodyHtml } from '../../src/ssr/story.js';
import { photo, rawFeed, rawItem } from '../fixtures.js';
import { xssStrings } from '../server.mjs';

const corpus = xssStrings();

/** Elements and attributes that could run script, style the page or load a frame, in an HTML string. */
const { document } = new JSDOM('').window;

function unsafe(html: string): string[] {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const found: string[] = [];
  for (const node of holder.querySelectorAll('*')) {
    if (/^(script|iframe|object|embed|svg|math|form|input|style|link|base|meta)$/.test(node.localName))
      found.push(`<${node.localName}>`);
    for (const name of node.getAttributeNames())
      if (name === 'style' || name.startsWith('on') || name === 'srcdoc')
        found.push(`<${node.localName} ${name}>`);
  }
  return found;
}

const END = '</script><script>alert(1)</script>';

const feed = rawFeed(
  [
    rawItem('s1', {
      title: `Cranes ${END}`,
      summary: `Standfirst ${END}`,
      content_html:
        '<p onclick="alert(1)" style="color:red">Body <a href="/x">link</a></p><script>alert(1)</script><iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>',
      date_modified: '2023-09-16T10:00:00Z',
      authors: [{ name: `Ann ${END}` }],
      image: '/images/lead.jpg',
      _wire: {
        image: photo('lead.jpg', { credit_text: `© Agency ${END}`, copyright_notice: `© 2023 ${END}` }),
        source: { name: `Gazette ${END}`, url: 'https://gazette.example/' },
        rights: {
          copyright_holder: `Holder ${END}`,
          copyright_notice: `© Notice ${END}`,
          expires: '2031-01-01T00:00:00Z',
        },
      },
    }),
  ],
  { _wire: { publisher: { name: 'Test Wire' } } },
);

describe('wire-widgets render --widget story', () => {
  it('writes the story with its body sanitised on the server, no script, style or handler left', async () => {
    const html = await renderWidget(feed, { widget: 'story', item: 's1', baseUrl: 'https://news.example/' });
    // The story's own shadow root, past the inline copy (whose JSON holds the unsanitised body).
    const template = html.slice(html.indexOf('<template', html.indexOf('<wire-story')));
    expect(template).toContain(
      '<p>Body <a href="https://news.example/x" rel="noopener noreferrer">link</a></p>',
    );
    expect(template).toContain('Load content from youtube.com');
    expect(template).not.toMatch(/<script|<iframe|onclick|style="/);
    expect(template).toContain('Originally published by');
  });

  it('writes the body, marked as the feed’s language, for a partner page in another language', async () => {
    const html = await renderWidget(feed, {
      widget: 'story',
      item: 's1',
      baseUrl: 'https://news.example/',
      attributes: { lang: 'ru' },
    });
    expect(html).toMatch(/data-wire-body lang="en"\s*><p>Body <a href/);
    // The player's placeholder inside it is the widget's own words.
    expect(html).toContain('<figure class="embed player" lang="ru"><button');
    expect(html).toContain('Впервые опубликовано');
  });

  it.skipIf(corpus.length === 0)(
    'sanitises every corpus string to markup with no script, style or handler',
    async () => {
      const problems: string[] = [];
      const feed = normalizeFeed(rawFeed([rawItem('x')])).feed!;
      for (const [i, content] of corpus.entries()) {
        const body = await storyBodyHtml(feed, { ...feed.items[0]!, contentHtml: content }, 'en');
        for (const problem of unsafe(body)) problems.push(`string ${i}: ${problem}`);
      }
      expect(problems.slice(0, 20)).toEqual([]);
    },
  );
});

describe('wire-widgets render --widget story --head', () => {
  it('prints noindex and a NewsArticle that parses and keeps every field whole', async () => {
    const head = await renderStoryHead(feed, { item: 's1', baseUrl: 'https://news.example/' });
    expect(head.startsWith('<meta name="robots" content="noindex">\n')).toBe(true);
    const { document } = new JSDOM(`<!doctype html><head>${head}</head>`).window;
    const scripts = document.querySelectorAll('script');
    // A field that closed the script element would have made a second one.
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      identifier: 's1',
      headline: `Cranes ${END}`,
      datePublished: '2023-09-15T09:00:00.000Z',
      dateModified: '2023-09-16T10:00:00.000Z',
      author: [{ '@type': 'Person', name: `Ann ${END}` }],
      image: { creditText: `© Agency ${END}`, copyrightNotice: `© 2023 ${END}` },
      isBasedOn: 'https://news.example/s1',
      sourceOrganization: { name: `Gazette ${END}`, url: 'https://gazette.example/' },
      copyrightHolder: { name: `Holder ${END}` },
      copyrightNotice: `© Notice ${END}`,
      expires: '2031-01-01T00:00:00.000Z',
    });
  });

  it("applies the story's rights: refuses an embargoed one, leaves a killed or expired one's text out", async () => {
    const at = (rights: Record<string, string | undefined>) =>
      rawFeed([rawItem('s1', { title: 'Killed headline', _wire: { rights } })]);
    await expect(
      renderStoryHead(at({ embargoed: new Date(Date.now() + 86_400_000).toISOString() }), { item: 's1' }),
    ).rejects.toThrow(/under embargo/);
    for (const rights of [
      { pubstatus: 'withheld' },
      { pubstatus: 'canceled' },
      { expires: '2000-01-01T00:00:00Z' },
    ]) {
      const head = await renderStoryHead(at(rights), { item: 's1' });
      expect(head, JSON.stringify(rights)).toBe('<meta name="robots" content="noindex">');
    }
  });

  it('leaves out the robots meta with --index', async () => {
    const head = await renderStoryHead(feed, { item: 's1', index: true });
    expect(head).not.toContain('robots');
    expect(head.startsWith('<script type="application/ld+json">')).toBe(true);
  });
});
