/**
 * The plain-page snippet of docs/frameworks.md, exactly as written there except for its two placeholders (the
 * CDN host, the publisher's feed), served under the strict policy with the built bundle: it must
 * draw the card, the related list and the comment prompt with no error. The framework snippets are compiled by
 * `npm run test:types` (test/types/), from which they are cut; the Angular one is that file as it is. The WordPress
 * plugin is PHP, which this suite cannot run: the markup its shortcode writes, as the doc shows it, is loaded here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deepTextOf,
  pageHtml,
  violations,
  waitForWidgets,
  watchedPage,
  type Site,
  openSite,
  closeSite,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let site: Site;
let browser: Browser;

/** The first html block after the given heading of docs/frameworks.md. */
function snippet(heading: string): string {
  const doc = readFileSync(resolve(ROOT, 'docs/frameworks.md'), 'utf8');
  const section = doc.slice(doc.indexOf(`## ${heading}`));
  const block = /```html\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`docs/frameworks.md has no html block under "${heading}"`);
  return block;
}

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(() => closeSite(site, browser));

describe('docs/frameworks.md', () => {
  it('has a plain-page snippet that draws the widgets from the CDN bundle', async () => {
    const html = snippet('Plain HTML from a CDN');
    const local = html
      .replace(/https:\/\/YOUR-CDN\/wire-widgets@[^/]+\/dist\/wire-widgets\.js/, '/dist/wire-widgets.js')
      .replaceAll('https://publisher.example/feed.json', '/sample-feed.json');
    // Each placeholder was found: the page loads the local bundle and the sample feed, nothing else.
    expect(local).not.toMatch(/YOUR-CDN|publisher\.example/);
    site.add('/docs/plain.html', pageHtml({ body: local }));

    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/docs/plain.html`);
    await waitForWidgets(page, new Set(['wire-article-card', 'wire-related-story', 'wire-comment-prompt']));
    expect(await deepTextOf(page, 'wire-article-card')).toContain(
      'Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos',
    );
    expect(await deepTextOf(page, 'wire-related-story')).toContain('Key Takeaways From Putin-Kim Talks');
    expect(await deepTextOf(page, 'wire-comment-prompt')).toContain('Be the first to comment');
    expect(await violations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("has a WordPress shortcode whose markup, as written there, draws the card under the reserved box's stylesheet", async () => {
    const html = snippet('WordPress').replaceAll('https://publisher.example/feed.json', '/sample-feed.json');
    expect(html).not.toMatch(/publisher\.example/);
    // What the plugin enqueues: the stylesheet and the bundle, each without a version query.
    site.add(
      '/docs/wordpress.html',
      pageHtml({
        head: '<link rel="stylesheet" href="/dist/wire-widgets.css"><script type="module" src="/dist/wire-widgets.js"></script>',
        body: html,
      }),
    );
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/docs/wordpress.html`);
    await waitForWidgets(page, new Set(['wire-article-card']));
    expect(await deepTextOf(page, 'wire-article-card')).toContain(
      'Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos',
    );
    expect(await violations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('has the Angular component that npm run test:types compiles with strict template checking', () => {
    const doc = readFileSync(resolve(ROOT, 'docs/frameworks.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf('## Angular')))?.[1];
    const compiled = readFileSync(resolve(ROOT, 'test/types/angular/story.component.ts'), 'utf8');
    expect(block).toBeTruthy();
    expect(compiled.slice(compiled.indexOf('\n') + 1)).toBe(block);
  });
});
