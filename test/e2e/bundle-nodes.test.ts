/**
 * What the built bundle draws, counted: every node a widget's shadow root holds is cloned, inserted and styled
 * once per widget, 1000 times for 1000 cards. Template whitespace next to block elements draws nothing, yet was 47
 * of a card's 150 nodes before the build's template minifier dropped it (vite.config.ts).
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSite,
  definedTags,
  openSite,
  pageHtml,
  waitForWidgets,
  watchedPage,
  widgetMarkup,
  type Site,
} from './harness.js';

const SUITE = 'e2e bundle-nodes';

let site: Site | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ({ site, browser } = await openSite());
  site.add(
    '/widgets.html',
    pageHtml({
      head: '<script type="module" src="/dist/wire-widgets.js"></script>',
      body: widgetMarkup('/sample-feed.json'),
    }),
  );
});
afterAll(() => closeSite(site, browser));

/** A page of every widget configuration on the sample feed, drawn by the bundle. */
async function widgetsPage() {
  const opened = await watchedPage(browser!);
  await opened.page.goto(`${site!.url}/widgets.html`);
  await waitForWidgets(opened.page, await definedTags(opened.page, SUITE));
  return opened;
}

describe('widgets drawn by the bundle', () => {
  it('hold no template whitespace beside a block element, in any widget configuration', async () => {
    const { page, context } = await widgetsPage();
    const found = await page.evaluate(() => {
      const BLOCK =
        /^(p|div|ul|ol|li|dl|dt|dd|section|article|header|footer|figure|figcaption|aside|nav|dialog|h[1-6])$/;
      const block = (node: Node | null) => node instanceof Element && BLOCK.test(node.localName);
      const report: { widget: string; nodes: number; beside: string[] }[] = [];
      for (const slot of document.querySelectorAll<HTMLElement>('.slot')) {
        let nodes = 0;
        const beside: string[] = [];
        const walk = (root: Node) => {
          for (const node of root.childNodes) {
            nodes++;
            const [before, after] = [node.previousSibling, node.nextSibling];
            // A space followed by Lit's marker comment sits between two expressions, where it may be a space
            // between two words: the minifier keeps those, as it keeps spaces next to inline tags.
            if (
              node instanceof Text &&
              !node.data.trim() &&
              !(after instanceof Comment) &&
              (block(before) ||
                block(after) ||
                (!before && block(node.parentNode)) ||
                (!after && block(node.parentNode)))
            )
              beside.push(
                `${(node.parentNode as Element).localName}: ${(before as Element | null)?.localName}|${(after as Element | null)?.localName}`,
              );
            if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
            walk(node);
          }
        };
        walk(slot);
        report.push({ widget: slot.dataset.name ?? '', nodes, beside });
      }
      return report;
    });
    await context.close();
    console.info(`[${SUITE}] nodes per widget: ${found.map((w) => `${w.widget} ${w.nodes}`).join(', ')}`);
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((widget) => widget.beside.length)).toEqual([]);
  });

  // A flex or grid container draws no whitespace between its items, yet Lit clones and inserts each such text node:
  // a space between two expressions (`${a} ${b}`) was 9 of the seed card's 105 nodes. Cards and teasers are the
  // widgets a page draws by the dozen. The date line and the credit line keep their spaces: a page may lay either out
  // as a line of text.
  it('hold no whitespace text in a flex or grid container of a card or a teaser, but in its lines of text', async () => {
    const { page, context } = await widgetsPage();
    const found = await page.evaluate(() => {
      const spaces: string[] = [];
      const walk = (root: Node, widget: string) => {
        for (const node of root.childNodes) {
          const parent = node.parentNode;
          if (
            node instanceof Text &&
            !node.data.trim() &&
            parent instanceof Element &&
            !parent.matches('.meta, .rights')
          ) {
            const { display } = getComputedStyle(parent);
            if (/flex|grid/.test(display)) spaces.push(`${widget}: ${parent.localName}.${parent.className}`);
          }
          if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot, widget);
          walk(node, widget);
        }
      };
      const cards = [...document.querySelectorAll<HTMLElement>('.slot')].filter((slot) =>
        /^(article-card|related-story)/.test(slot.dataset.name ?? ''),
      );
      for (const slot of cards) walk(slot, slot.dataset.name!);
      // The seed card's date line as a page that lays it out as text (`::part(meta) { display: block }`) copies it.
      const meta = document.querySelector('wire-article-card')!.shadowRoot!.querySelector('.meta')!;
      return { cards: cards.length, spaces, meta: meta.textContent };
    });
    await context.close();
    expect(found.cards).toBeGreaterThan(5);
    expect(found.spaces).toEqual([]);
    expect(found.meta).toMatch(/\d{4} 1 min read \d/);
  });

  // An inline SVG is an element per shape with a layout of its own: the two a card drew cost about 40 of the 320 ms
  // that style and layout of 1000 cards took. Each icon is one box cut to shape, which forced-colours mode must not
  // paint away as it paints away backgrounds.
  it('draw each icon as one box cut to shape, in the colour of its line, in forced colours too', async () => {
    const { page, context } = await widgetsPage();
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors });
      const icons = await page.evaluate(() => {
        const found: { kind: string; size: number; clip: string; fill: string; line: string }[] = [];
        // Every SVG the card and the comment prompt hold; the gallery keeps SVGs for its own controls.
        let svgs = 0;
        const walk = (root: Document | ShadowRoot, widget: string) => {
          for (const element of root.querySelectorAll('*')) {
            if (element.matches('.comment-icon, .info-icon')) {
              const style = getComputedStyle(element);
              found.push({
                kind: element.className,
                size: element.getBoundingClientRect().width,
                clip: style.clipPath.split('(')[0]!,
                fill: style.backgroundColor,
                line: getComputedStyle(element.parentElement!).color,
              });
            }
            if (element.localName === 'svg' && /^wire-(article-card|comment-prompt)$/.test(widget)) svgs++;
            if (element.shadowRoot) walk(element.shadowRoot, element.localName);
          }
        };
        walk(document, '');
        return { found, svgs };
      });
      expect(icons.svgs).toBe(0);
      expect(new Set(icons.found.map((icon) => icon.kind))).toEqual(new Set(['comment-icon', 'info-icon']));
      for (const icon of icons.found) {
        expect(icon.size).toBeGreaterThan(10);
        expect(icon.clip).toBe('polygon');
        expect(icon.fill).not.toBe('rgba(0, 0, 0, 0)');
        // The comment prompt's bubble has a colour of its own, until forced colours take it back.
        if (forcedColors === 'active') expect(icon.fill).toBe(icon.line);
      }
    }
    await context.close();
  });

  // Forced colours paint every button's border alike: the current thumbnail must still stand out.
  it("mark the gallery's current thumbnail apart from the others, in forced colours too", async () => {
    const { page, context } = await widgetsPage();
    for (const forcedColors of ['none', 'active'] as const) {
      await page.emulateMedia({ forcedColors });
      const borders = await page.evaluate(() => {
        const thumbs = document
          .querySelector('wire-photo-gallery')!
          .shadowRoot!.querySelectorAll('.thumbs button');
        return [...thumbs].map((thumb) => ({
          current: thumb.getAttribute('aria-current') === 'true',
          color: getComputedStyle(thumb).borderTopColor,
        }));
      });
      const current = borders.filter((thumb) => thumb.current).map((thumb) => thumb.color);
      const others = new Set(borders.filter((thumb) => !thumb.current).map((thumb) => thumb.color));
      expect(current, forcedColors).toHaveLength(1);
      expect(others.size, forcedColors).toBeGreaterThan(0);
      expect(others.has(current[0]!), forcedColors).toBe(false);
    }
    await context.close();
  });
});
