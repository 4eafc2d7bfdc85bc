/**
 * Never silent (issue 10, items 7 and 9): a page whose Trusted Types policy refuses Lit its `lit-html` policy
 * (`trusted-types 'none'`). Lit's createPolicy used to throw while the bundle evaluated: nothing was defined,
 * nothing rendered and one uncaught error reached the page. The build now guards that call
 * (scripts/vite/lit-trusted-types.ts), every template is then refused at render time, and each widget shows its
 * fallback line as plain text and fires `wire-feed-error` with reason `render`, with no error thrown into the page.
 */
import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WIDGETS } from '../hostile/widgets.js';
import {
  deepTextOf,
  definedTags,
  pageHtml,
  STRICT_CSP,
  violations,
  waitForWidgets,
  watchedPage,
  widgetMarkup,
  type Site,
  openSite,
  closeSite,
} from './harness.js';

const SUITE = 'e2e trusted-types';
const UNAVAILABLE = 'This content is not available right now.';
const NO_POLICY = STRICT_CSP.replace(/trusted-types [^;]*/, "trusted-types 'none'");
let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(() => closeSite(site, browser));

it(`shows every widget's fallback and fires wire-feed-error reason render under: ${NO_POLICY}`, async () => {
  expect(NO_POLICY).toContain("trusted-types 'none'");
  site.add(
    '/no-policy.html',
    pageHtml({
      head: '<script type="module" src="/dist/wire-widgets.js"></script>',
      body: `${widgetMarkup('/sample-feed.json')}
<wire-feed src="/sample-feed.json"><wire-article-card id="in-feed" item="putin-kim-talks"></wire-article-card></wire-feed>`,
    }),
    NO_POLICY,
  );
  const { page, problems, context } = await watchedPage(browser);
  // Every outcome event per element, not only the last one: a widget must report its failure once, and never
  // claim a load it could not show.
  await context.addInitScript(() => {
    for (const type of ['wire-feed-load', 'wire-feed-error'])
      document.addEventListener(type, (event) => {
        const target = event.target as { __wireEvents?: string[] };
        const reason = (event as CustomEvent<{ reason?: string }>).detail?.reason;
        (target.__wireEvents ??= []).push(reason ? `${type}:${reason}` : type);
      });
  });
  await page.goto(`${site.url}/no-policy.html`, { waitUntil: 'networkidle' });

  const tags = await definedTags(page, SUITE);
  expect([...tags].sort(), 'the bundle evaluated and defined every widget').toEqual(
    [...new Set(WIDGETS.map((config) => config.tag))].sort(),
  );
  expect(await page.evaluate(() => Boolean(customElements.get('wire-feed')))).toBe(true);
  await waitForWidgets(page, tags);

  const events = (selector: string) =>
    page.evaluate(
      (sel) => (document.querySelector(sel) as { __wireEvents?: string[] } | null)?.__wireEvents ?? [],
      selector,
    );
  const failed = (selector: string) => page.locator(selector).evaluate((el) => el.matches(':state(error)'));
  for (const [i, config] of WIDGETS.entries()) {
    const selector = `#slot-${i} > ${config.tag}`;
    expect(await events(selector), config.name).toEqual(['wire-feed-error:render']);
    expect(await deepTextOf(page, selector), config.name).toBe(UNAVAILABLE);
    expect(await failed(selector), config.name).toBe(true);
    await expect.poll(() => page.locator(selector).isVisible()).toBe(true);
  }
  // Inside a <wire-feed>, whose own render (a slot) fails too: the widget is still there and says so.
  expect(await events('#in-feed')).toEqual(['wire-feed-error:render']);
  expect(await deepTextOf(page, '#in-feed')).toBe(UNAVAILABLE);
  expect(await page.locator('#in-feed').isVisible()).toBe(true);
  expect(site.hits('/sample-feed.json'), 'the feed still loaded once for every widget').toBe(1);

  // What the partner's console shows: Chromium's own reports of the refused policy and templates, nothing thrown.
  const seen = problems();
  console.info(`[${SUITE}] ${seen.length} console lines, ${(await violations(page)).length} violations`);
  expect(seen.filter((line) => line.startsWith('page error'))).toEqual([]);
  for (const line of seen) expect(line).toMatch(/TrustedHTML|TrustedTypePolicy|trusted-types/);
  for (const line of await violations(page))
    expect(line).toMatch(/^(trusted-types|require-trusted-types-for) /);
  await context.close();
});
