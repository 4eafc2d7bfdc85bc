/**
 * A page whose own Referrer-Policy sends its whole address (`unsafe-url`), opened with a session token in its query:
 * what the widgets' requests and links tell other origins. The feed's server and the story's links may learn the
 * page's origin, never its query.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '../server.mjs';
import { launch, requireBundle } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let page: FaultServer;
let publisher: FaultServer;
let browser: Browser;

beforeAll(async () => {
  requireBundle();
  page = await startFaultServer();
  publisher = await startFaultServer({
    feed: JSON.parse(readFileSync(resolve(ROOT, 'demo/public/sample-feed.json'), 'utf8')),
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await page?.close();
  await publisher?.close();
});

describe('a page with Referrer-Policy: unsafe-url and a token in its query', () => {
  it("sends the feed's server the page's origin only, and draws every link with a policy that does the same", async () => {
    const feed = `${publisher.url}/feed.json`;
    page.add(
      '/leaky.html',
      `<!doctype html><meta charset="utf-8"><script type="module" src="/dist/wire-widgets.js"></script>
       <wire-feed src="${feed}">
         <wire-article-card item="kim-jong-un-komsomolsk-on-amur"></wire-article-card>
         <wire-related-story related-to="kim-jong-un-komsomolsk-on-amur"></wire-related-story>
         <wire-comment-prompt item="putin-kim-talks" allow-origins="https://news.example"></wire-comment-prompt>
       </wire-feed>`,
      { 'referrer-policy': 'unsafe-url' },
    );
    const tab = await browser.newPage();
    try {
      await tab.goto(`${page.url}/leaky.html?session=SECRET-TOKEN`);
      await tab
        .getByRole('link', { name: /Kim Jong Un/ })
        .first()
        .waitFor();
      const asked = publisher.requests().filter((request) => request.path === '/feed.json');
      expect(asked.length).toBeGreaterThan(0);
      for (const request of asked) expect(request.referer).toBe(`${page.url}/`);
      // Every link in every widget: a policy that sends no query across origins, or no referrer at all.
      const links = await tab.evaluate(() => {
        const all: { href: string; policy: string | null; rel: string | null }[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const element of root.querySelectorAll('*')) {
            if (element instanceof HTMLAnchorElement)
              all.push({
                href: element.href,
                policy: element.getAttribute('referrerpolicy'),
                rel: element.getAttribute('rel'),
              });
            if (element.shadowRoot) walk(element.shadowRoot);
          }
        };
        walk(document);
        return all;
      });
      expect(links.length).toBeGreaterThan(5);
      const leaky = links.filter(
        (link) => link.policy !== 'strict-origin-when-cross-origin' && !link.rel?.includes('noreferrer'),
      );
      expect(leaky).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
