/**
 * Suite 6 of the hardening issue: hostile host CSS. Every widget is screenshotted on a plain page and on pages
 * with (a) Bootstrap's dist CSS, (b) aggressive resets and look-alike custom properties, (c) a fixed-position
 * overlay beside it; the pictures must match. Tolerance: at most 0.1 % of a widget's pixels may differ by more
 * than 8/255 in a channel (anti-aliasing at glyph edges); anything the host page really changed shows up as
 * whole glyphs, colours or boxes, far above that.
 *
 * The page-level layout (`.slot` width, margins and the text properties that place an inline box in it, and the
 * display type of the widget elements themselves) is pinned with `!important` in the test's own stylesheet: it
 * stands for the site builder's layout, which a page legitimately controls (`* { all: unset }` makes every
 * element inline, ours included). What is compared is what the widget draws inside its box.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGETS } from '../hostile/widgets.js';
import {
  definedTags,
  pageHtml,
  violations,
  waitForWidgets,
  watchedPage,
  widgetMarkup,
  type Site,
  openSite,
  closeSite,
} from './harness.js';
import { comparePngs } from './png.js';

const SUITE = 'e2e host-css';
const MAX_RATIO = 0.001;
const CHANNEL_THRESHOLD = 8;

const HARNESS_CSS = `
html body { margin: 0 !important; background: #fff !important; }
.slot { display: block !important; width: 420px !important; margin: 24px 0 24px 320px !important; padding: 0 !important;
  font: 16px/1.5 sans-serif !important; text-align: left !important; text-indent: 0 !important;
  letter-spacing: normal !important; word-spacing: normal !important; white-space: normal !important; }
.slot > * { display: block !important; }
.slot > [variant='compact'] { display: inline-block !important; vertical-align: middle !important; }
`;

/** (b) Resets a careless theme ships, plus inherited text properties forced onto everything from body. */
const RESET_CSS = `
* { all: unset !important; }
html { font-size: 62.5%; }
img { display: none !important; }
:root {
  --wire-colour-text: red; --wire-color-text-x: red; --wire-font-family-x: serif;
  --_bg: red; --_text: red; --_surface: red; --_muted: red; --_accent: red; --_link: red; --_border: red;
  --_focus: red; --_space: 99px; --_radius: 99px;
}
html body {
  font: italic 700 30px/3 serif !important; color: red !important; letter-spacing: 3px !important;
  word-spacing: 9px !important; text-transform: uppercase !important; text-align: right !important;
  text-indent: 40px !important; white-space: pre !important; text-shadow: 2px 2px red !important;
  direction: ltr !important; cursor: wait !important; font-variant: small-caps !important;
  -webkit-text-stroke: 1px red !important; line-height: 3 !important; hyphens: auto !important;
}
`;

/** (c) A host overlay fixed to the viewport right beside the widgets (never over them: that would be the host's choice). */
const OVERLAY_CSS = `
.overlay { position: fixed !important; display: block !important; inset: 0 auto 0 0 !important; width: 300px !important;
  background: rgb(255 0 0 / 0.5) !important; z-index: 2147483647 !important; }
`;

/** A legitimate theme through a public token: must change the pictures, or the comparison proves nothing. */
const THEMED_CSS = `:root { --wire-color-text: rgb(200 0 0); --wire-font-size: 19px; }`;

let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
  site.add('/css/harness.css', HARNESS_CSS);
  site.add('/css/reset.css', RESET_CSS);
  site.add('/css/overlay.css', OVERLAY_CSS);
  site.add('/css/themed.css', THEMED_CSS);
});

afterAll(() => closeSite(site, browser));

const link = (href: string) => `<link rel="stylesheet" href="${href}">`;

function variant(name: string, sheets: string[], extraBody = ''): string {
  const path = `/host-${name}.html`;
  site.add(
    path,
    pageHtml({
      head: [
        ...sheets.map(link),
        link('/css/harness.css'),
        '<script type="module" src="/dist/wire-widgets.js"></script>',
      ].join('\n'),
      body: `${extraBody}${widgetMarkup('/sample-feed.json')}`,
    }),
  );
  return path;
}

async function screenshots(
  page: Page,
  path: string,
): Promise<{ shots: Map<string, Buffer>; problems: string[] }> {
  await page.goto(`${site.url}${path}`);
  const tags = await definedTags(page, SUITE);
  await waitForWidgets(page, tags);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const shots = new Map<string, Buffer>();
  for (const [i, config] of WIDGETS.entries()) {
    if (!tags.has(config.tag)) continue;
    const widget = page.locator(`#slot-${i} > ${config.tag}`);
    const box = await widget.boundingBox();
    // A widget with nothing to show for this story (an empty comment prompt) has no picture to compare.
    if (!box || box.height === 0) continue;
    shots.set(config.name, await widget.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css' }));
  }
  return { shots, problems: await violations(page) };
}

describe('hostile host CSS', () => {
  it('draws every widget the same under Bootstrap, aggressive resets and a fixed overlay', async () => {
    const pages = {
      baseline: variant('baseline', []),
      bootstrap: variant('bootstrap', ['/bootstrap/bootstrap.min.css']),
      resets: variant('resets', ['/css/reset.css']),
      overlay: variant('overlay', ['/css/overlay.css'], '<div class="overlay"></div>'),
      everything: variant(
        'everything',
        ['/bootstrap/bootstrap.min.css', '/css/reset.css', '/css/overlay.css'],
        '<div class="overlay"></div>',
      ),
    };
    const { page, problems, context } = await watchedPage(browser);
    const baseline = await screenshots(page, pages.baseline);
    expect(baseline.shots.size, 'widgets to compare').toBeGreaterThan(0);
    const failures: string[] = [];
    const report: string[] = [];
    for (const [name, path] of Object.entries(pages)) {
      if (name === 'baseline') continue;
      const hostile = await screenshots(page, path);
      expect(hostile.problems, `${name}: CSP violations`).toEqual([]);
      for (const [widget, shot] of baseline.shots) {
        const other = hostile.shots.get(widget);
        if (!other) {
          failures.push(`${name}: ${widget} has no box`);
          continue;
        }
        const diff = comparePngs(shot, other, CHANNEL_THRESHOLD);
        const ratio = diff.total ? diff.pixels / diff.total : 0;
        report.push(`${name}/${widget}: ${diff.sameSize ? `${(ratio * 100).toFixed(3)} %` : 'size differs'}`);
        if (!diff.sameSize || ratio > MAX_RATIO) {
          // Both pictures, for whoever has to find out why.
          const dir = join(tmpdir(), 'wire-host-css');
          mkdirSync(dir, { recursive: true });
          const file = (kind: string) => join(dir, `${widget.replace(/\W+/g, '-')}.${kind}.png`);
          writeFileSync(file('baseline'), shot);
          writeFileSync(file(name), other);
          failures.push(
            `${name}: ${widget} differs (${diff.sameSize ? `${diff.pixels}/${diff.total} px` : 'size'}), see ${file(name)}`,
          );
        }
      }
    }
    console.info(`[${SUITE}] ${report.join('; ')}`);
    expect(failures).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('does change when the page themes through a public --wire-* token (the comparison can fail)', async () => {
    const { page, context } = await watchedPage(browser);
    const baseline = await screenshots(page, variant('baseline', []));
    const themed = await screenshots(page, variant('themed', ['/css/themed.css']));
    const changed = [...baseline.shots].filter(([widget, shot]) => {
      const other = themed.shots.get(widget);
      return !other || comparePngs(shot, other, CHANNEL_THRESHOLD).pixels > 0;
    });
    expect(changed.length).toBe(baseline.shots.size);
    await context.close();
  });
});
