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
});
afterAll(() => closeSite(site, browser));

describe('widgets drawn by the bundle', () => {
  it('hold no template whitespace beside a block element, in any widget configuration', async () => {
    site!.add(
      '/nodes.html',
      pageHtml({
        head: '<script type="module" src="/dist/wire-widgets.js"></script>',
        body: widgetMarkup('/sample-feed.json'),
      }),
    );
    const { page, context } = await watchedPage(browser!);
    await page.goto(`${site!.url}/nodes.html`);
    const tags = await definedTags(page, SUITE);
    await waitForWidgets(page, tags);
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
});
