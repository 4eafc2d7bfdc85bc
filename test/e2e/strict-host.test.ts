/**
 * Suites 5 and 8 of the hardening issue, plus the real "offline" case of suite 4: the built bundle on pages
 * served with the strict Content-Security-Policy and Trusted Types policy that SECURITY.md documents.
 *  - every widget renders the sample feed with zero CSP violations, the lightbox opens and a credit popover
 *    lazy-loads floating-ui under the same policy;
 *  - the whole hostile corpus renders under Trusted Types with zero violations (any HTML sink fed a string
 *    would be one), but for the inline styles and handlers Chromium reports while the story's sanitiser parses feed
 *    HTML (SECURITY.md). That a handler never survives into the page is test/browser/story.test.ts's to check: it
 *    puts every corpus string through the sanitiser into a shadow root and looks for `on*` attributes there;
 *  - the bundle loaded twice, and beside a second copy under another URL, keeps working;
 *  - a browser that goes offline gets the fallback with reason `network`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_XSS, corpusStrings, hostileStrings, itemFieldFeeds } from '../hostile/payloads.js';
import { WIDGETS } from '../hostile/widgets.js';
import {
  deepTextOf,
  definedTags,
  outcomes,
  pageHtml,
  STRICT_CSP,
  STRICT_CSP_TWO_COPIES,
  violations,
  waitForWidgets,
  watchedPage,
  widgetMarkup,
  type Site,
  openSite,
  closeSite,
} from './harness.js';

const SUITE = 'e2e strict-host';
const BUNDLE_TAG = '<script type="module" src="/dist/wire-widgets.js"></script>';
const UNAVAILABLE = 'This content is not available right now.';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(() => closeSite(site, browser));

/** Checks every slot rendered the seed story (not its fallback, not a skeleton). */
async function expectRendered(page: import('playwright').Page, tags: Set<string>): Promise<void> {
  for (const [i, config] of WIDGETS.entries()) {
    if (!tags.has(config.tag)) continue;
    const selector = `#slot-${i} > ${config.tag}`;
    expect(await outcomes(page, selector), config.name).toEqual([
      { type: 'wire-feed-load', reason: undefined },
    ]);
    const text = await deepTextOf(page, selector);
    const box = await page.locator(selector).boundingBox();
    expect(box?.height ?? 0, `${config.name} has a box`).toBeGreaterThan(0);
    if (config.showsFeedText !== false) expect(text, config.name).not.toBe('');
    expect(text, config.name).not.toContain(UNAVAILABLE);
  }
}

describe('strict host policy', () => {
  it(`renders every widget with zero violations under: ${STRICT_CSP}`, async () => {
    site.add(
      '/strict.html',
      pageHtml({
        head: BUNDLE_TAG,
        body: `${widgetMarkup('/sample-feed.json')}
<wire-feed src="/sample-feed.json"><wire-article-card id="in-feed" item="putin-kim-talks"></wire-article-card></wire-feed>`,
      }),
    );
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/strict.html`);
    const tags = await definedTags(page, SUITE);
    await waitForWidgets(page, tags);
    await expectRendered(page, tags);
    expect(site.hits('/sample-feed.json'), 'one request for every widget on the page').toBe(1);
    if (tags.has('wire-article-card')) expect(await deepTextOf(page, '#in-feed')).toContain('Putin');

    if (tags.has('wire-photo-gallery')) {
      await page.evaluate(() =>
        (
          document.querySelector('wire-photo-gallery') as unknown as { openLightbox(): Promise<void> }
        ).openLightbox(),
      );
      expect(
        await page.evaluate(
          () => document.querySelector('wire-photo-gallery')!.shadowRoot!.querySelector('dialog')!.open,
        ),
      ).toBe(true);
      await page.keyboard.press('Escape');
    }

    // A credit popover: the first click loads the floating-ui chunk (script-src 'self') and positions the panel
    // through the CSSOM (allowed by style-src 'self', unlike a style attribute).
    const button = page.getByRole('button', { name: 'Photo credit details' }).first();
    if (await button.count()) {
      await button.click();
      const panel = page.locator('wire-credit-info [popover]:popover-open');
      await expect.poll(() => panel.evaluate((el: HTMLElement) => el.style.top)).not.toBe('');
      const chunk = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /\/dist\/wire-widgets\/[^/]+\.js$/.test(entry.name)),
      );
      expect(chunk, 'the lazy popover chunk loaded from dist/wire-widgets/').toBe(true);
      await page.keyboard.press('Escape');
    } else console.warn(`[${SUITE}] no credit button rendered; popover check skipped`);

    expect(await violations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('renders the whole hostile corpus under Trusted Types with zero violations and no script run', async () => {
    const read = (path: string) => {
      const file = resolve(process.cwd(), '../shared/corpus', path);
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
    };
    const strings = hostileStrings(corpusStrings(read(CORPUS_XSS.dompurify), read(CORPUS_XSS.naughty)));
    const feeds = itemFieldFeeds(strings, `${site.url}/hostile/`);
    feeds.forEach(({ feed }, i) => site.add(`/hostile-${i}.json`, JSON.stringify(feed)));
    // Images from anywhere are allowed on this page: the hostile feeds point at many hosts, and a blocked image
    // is not what this test looks for. Scripts, styles and Trusted Types stay strict.
    const anyImage = STRICT_CSP.replace("img-src 'self' data:", 'img-src * data:');
    site.add('/hostile.html', pageHtml({ head: BUNDLE_TAG, body: '<main id="root"></main>' }), anyImage);
    const { page, problems, context } = await watchedPage(browser);
    await context.addInitScript(() => {
      const trip = (name: string) => () => {
        (window as unknown as { __pwned: string }).__pwned = name;
      };
      Object.assign(window, { alert: trip('alert'), confirm: trip('confirm'), prompt: trip('prompt') });
    });
    await page.goto(`${site.url}/hostile.html`);
    const tags = await definedTags(page, SUITE);
    const configs = WIDGETS.filter((config) => tags.has(config.tag)).map(({ tag, itemAttribute, name }) => ({
      tag,
      name,
      itemAttribute: itemAttribute ?? 'item',
    }));
    const renders = await page.evaluate(
      async ({ configs, files }) => {
        let count = 0;
        const root = document.getElementById('root')!;
        for (const { file, ids } of files)
          for (const config of configs) {
            const element = document.createElement(config.tag) as HTMLElement & {
              updateComplete: Promise<boolean>;
            };
            element.setAttribute('src', file);
            root.append(element);
            while (!(element as unknown as { __wireOutcome?: unknown }).__wireOutcome)
              await new Promise((done) => setTimeout(done, 5));
            for (const id of ids) {
              element.setAttribute(config.itemAttribute, id);
              await element.updateComplete;
              count++;
            }
            element.remove();
          }
        await new Promise((done) => setTimeout(done, 200));
        return count;
      },
      { configs, files: feeds.map(({ ids }, i) => ({ file: `/hostile-${i}.json`, ids })) },
    );
    console.info(`[${SUITE}] ${strings.length} hostile strings, ${renders} renders under Trusted Types`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    // One exception, documented in SECURITY.md: Chromium reports a `style` attribute or element, or an inline event
    // handler, in feed HTML as a style-src or script-src-attr violation while the story's sanitiser parses it (into an
    // inert document, where nothing runs and whose inline styles it then blocks), even though the sanitiser drops
    // it. Reports from anywhere else, or of any other directive, fail.
    const parsed =
      /^(style-src-(attr|elem)|script-src-attr) blocked inline at \S*\/wire-widgets\/sanitize-[\w-]+\.js:/;
    expect((await violations(page)).filter((line) => !parsed.test(line))).toEqual([]);
    // Hostile image URLs that survive the allow-list are plain http(s) URLs: they 404 (400 for a broken escape),
    // fail to connect or resolve, or are aborted when the next item replaces the image. Nothing else may show.
    // The console's copies of the sanitiser's style and handler reports above (they carry no source to check them by;
    // the reports, which do, are held to the sanitiser's chunk).
    expect(
      problems(
        /^(HTTP 40[04] |request failed: |console error: (Applying inline style|Executing inline event handler) violates )/,
      ),
    ).toEqual([]);
    await context.close();
  });

  it('keeps working with the bundle loaded twice and a second copy under another URL', async () => {
    const body = widgetMarkup('/sample-feed.json');
    const head = [
      BUNDLE_TAG,
      BUNDLE_TAG,
      '<script type="module" src="/dist/wire-widgets.js?copy=2"></script>',
      '<script type="module" src="/copy/wire-widgets.js"></script>',
    ].join('\n');
    site.add('/twice.html', pageHtml({ head, body }), STRICT_CSP_TWO_COPIES);
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/twice.html`);
    const tags = await definedTags(page, SUITE);
    await waitForWidgets(page, tags);
    await expectRendered(page, tags);
    // All three copies ran (module URLs differ), yet each tag has one definition and the page saw no error.
    expect(site.hits('/copy/wire-widgets.js')).toBe(1);
    const button = page.getByRole('button', { name: 'Photo credit details' }).first();
    if (await button.count()) {
      await button.click();
      await expect.poll(() => page.locator('wire-credit-info [popover]:popover-open').count()).toBe(1);
    }
    expect(await violations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("without 'allow-duplicates' a second copy cannot create Lit's policy, and the first copy's widgets still work", async () => {
    const head = [BUNDLE_TAG, '<script type="module" src="/copy/wire-widgets.js"></script>'].join('\n');
    site.add('/twice-strict.html', pageHtml({ head, body: widgetMarkup('/sample-feed.json') }), STRICT_CSP);
    const { page, problems, context } = await watchedPage(browser);
    // The first copy's lazy story chunk arrives last, as a busy network may have it: the second copy must not
    // define <wire-story> meanwhile, with a Lit the policy refuses.
    await page.route('**/dist/wire-widgets/story.define-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${site.url}/twice-strict.html`);
    const tags = await definedTags(page, SUITE);
    await waitForWidgets(page, tags);
    await expectRendered(page, tags);
    // What a partner sees in the console; SECURITY.md tells them to add 'allow-duplicates' if two copies may load.
    const seen = [...(await violations(page)), ...problems()];
    console.info(`[${SUITE}] two copies without 'allow-duplicates': ${JSON.stringify(seen)}`);
    expect(seen.length, 'the duplicate policy is reported').toBeGreaterThan(0);
    for (const line of seen) expect(line).toMatch(/trusted-types|lit-html|createPolicy|Trusted Type/i);
    await context.close();
  });

  it('shows the fallback with reason network when the browser is offline (real Playwright offline)', async () => {
    site.add('/offline.html', pageHtml({ head: BUNDLE_TAG, body: '<main id="root"></main>' }));
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/offline.html`);
    const tags = await definedTags(page, SUITE);
    await context.setOffline(true);
    const results = await page.evaluate(
      async (list) => {
        const out: { tag: string; outcome: unknown; text: string }[] = [];
        for (const tag of list) {
          const element = document.createElement(tag);
          element.setAttribute('src', '/offline-feed.json');
          document.getElementById('root')!.append(element);
          const start = performance.now();
          while (
            !(element as unknown as { __wireOutcome?: unknown }).__wireOutcome &&
            performance.now() - start < 20_000
          )
            await new Promise((done) => setTimeout(done, 20));
          await (element as unknown as { updateComplete: Promise<boolean> }).updateComplete;
          out.push({
            tag,
            outcome: (element as unknown as { __wireOutcome?: unknown }).__wireOutcome,
            text: element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
          });
        }
        return out;
      },
      [...tags],
    );
    await context.setOffline(false);
    for (const { tag, outcome, text } of results) {
      expect(outcome, tag).toEqual({ type: 'wire-feed-error', reason: 'network' });
      const config = WIDGETS.find((c) => c.tag === tag)!;
      if (config.fallback === 'none') expect(text, tag).toBe('');
      else expect(text, tag).toContain(UNAVAILABLE);
    }
    expect(problems(/^request failed: net::ERR_INTERNET_DISCONNECTED /)).toEqual([]);
    await context.close();
  });
});
