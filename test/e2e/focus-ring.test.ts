/**
 * Where the keyboard's focus is, seen on a photo: the credit button sits on the picture, whose colours the page does
 * not choose. Focused, it must change by 3:1 from how it looked, over at least the area of a 2 px ring round it (WCAG
 * 2.2's focus appearance), on a black picture and on a white one alike, in the light and the dark colour scheme.
 * Counted in the pixels of two screenshots.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_CSS, articlePage, plainTags } from '../article-page.mjs';
import { photo, rawFeed, rawItem } from '../fixtures.js';
import { decodePng } from './png.js';
import { closeSite, openSite, pageHtml, waitForWidgets, watchedPage, type Site } from './harness.js';

let site: Site;
let browser: Browser;

/** Two pictures of one colour each, the colours a focus ring is hardest to see on. */
const PICTURES = { black: '#000000', white: '#ffffff' };

beforeAll(async () => {
  ({ site, browser } = await openSite());
  for (const [name, fill] of Object.entries(PICTURES))
    site.add(
      `/${name}.svg`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="${fill}"/></svg>`,
    );
  const feed = rawFeed(
    Object.keys(PICTURES).map((name) =>
      rawItem(name, { _wire: { image: photo(`${name}.svg`, { url: `${site.url}/${name}.svg` }) } }),
    ),
  );
  site.add(
    '/cards.html',
    pageHtml({
      head: '<script type="module" src="/dist/wire-widgets.js"></script>',
      body:
        `<wire-feed><script type="application/feed+json">${JSON.stringify(feed)}</script>` +
        Object.keys(PICTURES)
          .map((name) => `<wire-article-card item="${name}"></wire-article-card>`)
          .join('') +
        '</wire-feed>',
    }),
  );
});

afterAll(() => closeSite(site, browser));

/** WCAG's relative luminance of an sRGB pixel. */
function luminance(r: number, g: number, b: number): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('the credit button on a photo, focused from the keyboard', () => {
  for (const scheme of ['light', 'dark'] as const)
    it(`changes by 3:1, over at least a 2 px ring's area, on a black picture and on a white one (${scheme} scheme)`, async () => {
      const { page, context } = await watchedPage(browser, { width: 480, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.url}/cards.html`);
      const cards = page.locator('wire-article-card');
      for (const [index, name] of Object.keys(PICTURES).entries()) {
        const button = cards.nth(index).locator('.info-button');
        await button.waitFor();
        // The picture drawn, not the empty frame it arrives in (lazy: once it is in view).
        await button.scrollIntoViewIfNeeded();
        await cards
          .nth(index)
          .locator('img')
          .evaluate((image: HTMLImageElement) => image.decode());
        const box = (await button.boundingBox())!;
        const margin = 8;
        const shoot = async () => {
          await page.evaluate(
            () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
          );
          return decodePng(
            await page.screenshot({
              clip: {
                x: box.x - margin,
                y: box.y - margin,
                width: box.width + 2 * margin,
                height: box.height + 2 * margin,
              },
            }),
          );
        };
        const before = await shoot();
        // Tab until it holds the focus, as a keyboard user reaches it.
        for (let presses = 0; presses < 20; presses++) {
          if (await button.evaluate((element) => element.matches(':focus-visible'))) break;
          await page.keyboard.press('Tab');
        }
        const after = await shoot();
        let changed = 0;
        for (let at = 0; at < before.data.length; at += 4) {
          const was = luminance(before.data[at]!, before.data[at + 1]!, before.data[at + 2]!);
          const is = luminance(after.data[at]!, after.data[at + 1]!, after.data[at + 2]!);
          if (contrast(was, is) >= 3) changed++;
        }
        // WCAG 2.4.13's least area: a 2 CSS px thick perimeter of the (round) button.
        expect(changed, `${name} picture`).toBeGreaterThanOrEqual(2 * Math.PI * box.width);
      }
      await context.close();
    });
});

describe('controls at the edge of a widget, focused from the keyboard', () => {
  it('show their focus ring whole, on all four sides, though the widget clips what it paints', async () => {
    site.add(
      '/article.html',
      articlePage(
        plainTags('/sample-feed.json'),
        '<link rel="stylesheet" href="/dist/wire-widgets.css"><script type="module" src="/dist/wire-widgets.js"></script>',
      ),
    );
    site.add('/article.css', ARTICLE_CSS);
    const { page, context } = await watchedPage(browser, { width: 412, height: 900 });
    await page.goto(`${site.url}/article.html`);
    await waitForWidgets(page, new Set(['wire-photo-gallery', 'wire-comment-prompt']));
    const targets = [
      page.locator('wire-photo-gallery').getByRole('button', { name: 'Previous photo' }),
      page.locator('wire-photo-gallery').getByRole('button', { name: 'View full screen' }),
      page.locator('wire-photo-gallery').getByRole('button', { name: 'Photo credits' }),
      ...(await page.locator('wire-comment-prompt').getByRole('link').all()),
    ];
    const cut: string[] = [];
    for (const target of targets) {
      await target.scrollIntoViewIfNeeded();
      const box = (await target.boundingBox())!;
      const margin = 5;
      const shoot = async () => {
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
        return decodePng(
          await page.screenshot({
            clip: {
              x: box.x - margin,
              y: box.y - margin,
              width: box.width + 2 * margin,
              height: box.height + 2 * margin,
            },
          }),
        );
      };
      const before = await shoot();
      // Focus from the keyboard: the control before it, then Tab.
      await target.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const after = await shoot();
      await page.keyboard.press('Shift+Tab');
      // Pixels that change by 3:1 in the strip just outside each side of the control's box.
      const sides = { left: 0, right: 0, top: 0, bottom: 0 };
      for (let y = 0; y < before.height; y++)
        for (let x = 0; x < before.width; x++) {
          const at = 4 * (y * before.width + x);
          const was = luminance(before.data[at]!, before.data[at + 1]!, before.data[at + 2]!);
          const is = luminance(after.data[at]!, after.data[at + 1]!, after.data[at + 2]!);
          if (contrast(was, is) < 3) continue;
          if (x < margin) sides.left++;
          else if (x >= before.width - margin) sides.right++;
          else if (y < margin) sides.top++;
          else if (y >= before.height - margin) sides.bottom++;
        }
      const name = await target.evaluate(
        (element) => element.getAttribute('aria-label') ?? element.textContent,
      );
      // A line at least as long as the side, less its rounded corners.
      for (const [side, count] of Object.entries(sides))
        if (count < (side === 'left' || side === 'right' ? box.height : box.width) - 16)
          cut.push(`${name?.trim()}: ${side} ${count}`);
    }
    await context.close();
    expect(cut).toEqual([]);
  });
});
