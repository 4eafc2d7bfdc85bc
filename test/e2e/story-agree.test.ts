/**
 * `<wire-story>` must draw the same body whether the partner's server rendered it (jsdom + DOMPurify, through
 * src/ssr) or the reader's browser did (the standalone bundle's lazy sanitiser): otherwise hydration would show one
 * body and a client render another, and a review of the server's output would not hold for the client's. Every
 * XSS string of the corpus goes through both as `content_html`; the two bodies are compared as the browser
 * serialises them.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { storyBodyHtml } from '../../src/ssr/story.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { xssStrings } from '../server.mjs';
import { pageHtml, STRICT_CSP, watchedPage, type Site, openSite, closeSite } from './harness.js';

const corpus = xssStrings();
// The normaliser keeps a bounded number of items per feed: one feed per batch.
const BATCH = 50;
// `agree-test` is this test's own Trusted Types policy, to parse the server's HTML in an inert template.
const CSP = STRICT_CSP.replace(/trusted-types [^;]*/, '$& agree-test');

let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(() => closeSite(site, browser));

interface Compared {
  index: number;
  client: string;
  server: string;
}

describe('<wire-story> body on server and client', () => {
  it.skipIf(corpus.length === 0)('is the same HTML for every corpus string', async () => {
    const { page } = await watchedPage(browser);
    site.add('/agree.html', pageHtml({ body: '<main><wire-story></wire-story></main>' }), CSP);
    await page.goto(`${site.url}/agree.html`);
    await page.evaluate("import('/dist/wire-widgets.js')");
    // The bundle fetches <wire-story> when one first appears.
    await page.evaluate(() => customElements.whenDefined('wire-story'));
    await page.evaluate(() => {
      const scope = window as unknown as {
        trustedTypes: { createPolicy(name: string, rules: object): unknown };
        __agree: unknown;
      };
      scope.__agree = scope.trustedTypes.createPolicy('agree-test', { createHTML: (html: string) => html });
    });

    const differing: Compared[] = [];
    for (let start = 0; start < corpus.length; start += BATCH) {
      const raw = rawFeed(
        corpus
          .slice(start, start + BATCH)
          .map((content, i) => rawItem(`s${start + i}`, { content_html: content })),
      );
      const feed = normalizeFeed(raw).feed!;
      const server = await Promise.all(feed.items.map((item) => storyBodyHtml(feed, item, 'en')));
      expect(server).toHaveLength(Math.min(BATCH, corpus.length - start));
      const found = await page.evaluate(
        async ({ raw, ids, server, start }) => {
          const main = document.querySelector('main')!;
          const stories = ids.map((id) => {
            const story = document.createElement('wire-story') as HTMLElement & { feed: unknown };
            story.setAttribute('item', id);
            story.feed = raw;
            main.append(story);
            return story;
          });
          // Both serialised by this browser's parser, so only what the two sanitisers made can differ.
          const template = document.createElement('template');
          const policy = (window as unknown as { __agree: { createHTML(s: string): string } }).__agree;
          const expected = server.map((html) => {
            template.innerHTML = policy.createHTML(html);
            return template.innerHTML;
          });
          const body = (story: HTMLElement) =>
            story.shadowRoot?.querySelector('[data-wire-body]')?.innerHTML ?? null;
          // The sanitiser is a lazy chunk: wait until every body is filled, or 30 s, then report what differs.
          const until = performance.now() + 30_000;
          while (stories.some((story, i) => body(story) !== expected[i]) && performance.now() < until)
            await new Promise((resolve) => setTimeout(resolve, 100));
          const differing = stories
            .map((story, i) => ({
              index: start + i,
              client: body(story) ?? '(no body)',
              server: expected[i]!,
            }))
            .filter((entry) => entry.client !== entry.server);
          main.replaceChildren();
          return differing;
        },
        { raw, ids: feed.items.map((item) => item.id), server, start },
      );
      differing.push(...found);
    }
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
