/**
 * The demo page (demo/index.html) as a publisher would serve it: the built bundle, the strict policy, the bundled
 * sample feed. It must reproduce the seed article (../shared/seed): section, headline, credited hero photo with its
 * caption and date, the quotation in its body, the related teaser with its caption, the comment prompt; the sample's
 * embargoed and killed stories only as the widgets' fallback and notice; a link to the partner page; and the page as
 * a whole must be axe clean.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deepTextOf,
  violations,
  waitForWidgets,
  watchedPage,
  type Site,
  openSite,
  closeSite,
  axeViolations,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
  const html = readFileSync(resolve(ROOT, 'demo/index.html'), 'utf8')
    .replace('./wire-widgets.ts', '/dist/wire-widgets.js')
    .replace('./wire-widgets.css', '/dist/wire-widgets.css')
    .replace('<script type="module" src="./demo.ts"></script>', '')
    .replace('href="images/feed-icon.svg"', 'href="/images/feed-icon.svg"')
    .replace('src="sample-feed.json"', 'src="/sample-feed.json"');
  site.add('/demo/index.html', html);
  site.add('/demo/demo.css', readFileSync(resolve(ROOT, 'demo/demo.css'), 'utf8'));
});

afterAll(() => closeSite(site, browser));

describe('the demo page', () => {
  it('reproduces the seed article under the strict policy, and is axe clean', async () => {
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/demo/index.html`);
    await waitForWidgets(
      page,
      new Set(['wire-article-card', 'wire-photo-gallery', 'wire-related-story', 'wire-comment-prompt']),
    );

    const hero = await deepTextOf(page, 'wire-article-card[layout="hero"]');
    expect(hero).toContain('Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos');
    expect(hero).toContain(
      "North Korean Leader Kim Jong Un's visit to Russia's Komsomolsk-on-Amur, September 15, 2023.",
    );
    expect(hero).toContain('© Sputnik');
    // The date as the seed page writes it (date-format="dd.MM.yyyy").
    expect(hero).toContain('15.09.2023');
    // The seed's body quotes Manturov.
    const quotation = (await page.locator('.story .body blockquote').textContent())!.replace(/\s+/g, ' ');
    expect(quotation).toContain(
      'We see the potential for cooperation both in aircraft construction and in other industries',
    );
    const related = await deepTextOf(page, '.related wire-related-story');
    expect(related).toContain("North Korea's 'Visible Show of Support': Key Takeaways From Putin-Kim Talks");
    expect(related).toContain('Vladimir Putin and Kim Jong Un at Vostochny Cosmodrome');
    expect(related).toContain('World');
    expect(related).toContain('13.09.2023');
    const prompt = await deepTextOf(page, '.discussion wire-comment-prompt');
    expect(prompt).toContain('Be the first to comment');
    expect(prompt).toContain('To participate in the discussion, log in or register');
    expect(await deepTextOf(page, 'wire-photo-gallery')).toContain('1 / 7');

    // The sample's two stories no page may show, each under the demo's label: the embargoed one reads as a story
    // not in the feed, the killed one as a notice; neither's headline or text reaches the page.
    const rights = page.locator('.rights li');
    expect(await rights.nth(0).textContent()).toContain('Under embargo');
    expect(await deepTextOf(page, '.rights li:nth-child(1) wire-article-card')).toBe(
      'This story is no longer available. Sample Wire International',
    );
    expect(await rights.nth(1).textContent()).toContain('Killed');
    expect(await deepTextOf(page, '.rights li:nth-child(2) wire-article-card')).toBe(
      'This story has been withdrawn.',
    );
    const everything = await deepTextOf(page, 'body');
    expect(everything).not.toContain('Northern Sea Route');
    expect(everything).not.toContain('Khabarovsk Bridge');
    expect(everything).not.toContain('embargoed sample story');
    expect(everything).not.toContain('killed sample story');

    const partner = page.getByRole('link', { name: 'See this story syndicated on a partner’s page' });
    expect(await partner.getAttribute('href')).toBe('./partner.html');

    const found = await axeViolations(page);
    expect(found).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("holds every widget's box before the bundle runs, as the README tells a site builder to", async () => {
    const { page, problems, context } = await watchedPage(browser, { width: 1280, height: 900 });
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/dist\/wire-widgets\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // Module scripts run before DOMContentLoaded, which therefore waits for the bundle: wait for the parsed page.
    await page.goto(`${site.url}/demo/index.html`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.readyState === 'interactive');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    // Before any element is defined: the cards, the gallery and the related list already take their height.
    const undefinedHeights = await page.evaluate(() =>
      [...document.querySelectorAll('wire-article-card, wire-photo-gallery, wire-related-story')].map(
        (el) => [el.matches(':defined'), Math.round(el.getBoundingClientRect().height)],
      ),
    );
    expect(undefinedHeights.length).toBe(8);
    for (const [defined, height] of undefinedHeights) {
      expect(defined).toBe(false);
      expect(height).toBeGreaterThan(100);
    }
    release();
    await waitForWidgets(page, new Set(['wire-article-card', 'wire-photo-gallery', 'wire-related-story']));
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("fades the gallery's photos into each other, except for a reader who prefers reduced motion", async () => {
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${site.url}/demo/index.html`);
    await waitForWidgets(page, new Set(['wire-photo-gallery']));
    // The slides' own transition and the thumbnail strip's scrolling, as the reader's preference leaves them.
    const motion = () =>
      page.evaluate(() => {
        const root = document.querySelector('wire-photo-gallery')!.shadowRoot!;
        const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
        return [style('.slide').transitionDuration, style('.thumbs').scrollBehavior];
      });
    expect(await motion()).toEqual(['0s', 'auto']);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await motion()).toEqual(['0.25s', 'smooth']);
    expect(problems()).toEqual([]);
    await context.close();
  });
});
