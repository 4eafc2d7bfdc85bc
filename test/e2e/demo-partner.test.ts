/**
 * The demo's partner page (demo/partner.html): the publisher's story syndicated onto another site, its <head> and
 * body rendered by the CLI and committed between markers. The committed page must be what the CLI prints today (so
 * it cannot drift from the renderer), must read with JavaScript off, and the bundle must adopt the server's story
 * rather than draw it again. Screenshots at a phone and a desktop width go to test/e2e/__screenshots__/.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STRICT_CSP,
  violations,
  watchedPage,
  type Site,
  closeSite,
  openSite,
  axeViolations,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = resolve(import.meta.dirname, '__screenshots__');
const PAGE = resolve(ROOT, 'demo/partner.html');
/** Where demo/partner.mjs tells the CLI the publisher's feed lives: another origin than the partner's page. */
const PUBLISHER = 'http://localhost:5173';
const SCRIPT = '<script type="module" src="./partner.ts"></script>';
const HEADLINE = 'Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos';
const run = promisify(execFile);

// The snippet carries its styles inline (declarative shadow DOM) and its pictures come from the publisher.
const CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "img-src 'self'",
  `img-src 'self' ${PUBLISHER}`,
);

let site: Site;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ site, browser } = await openSite());
  const html = readFileSync(PAGE, 'utf8');
  expect(html, 'the page loads its script the way this test replaces it').toContain(SCRIPT);
  // As a partner serves it: the standalone bundle instead of the development entry.
  site.add(
    '/demo/partner.html',
    html.replace(SCRIPT, '<script type="module" src="/dist/wire-widgets.js"></script>'),
    CSP,
  );
  // The server's markup alone, for the hydration check, which loads the bundle itself once it has counted nodes.
  site.add('/demo/partner-static.html', html.replace(SCRIPT, ''), CSP);
  site.add('/demo/partner.css', readFileSync(resolve(ROOT, 'demo/partner.css'), 'utf8'));
});

afterAll(() => closeSite(site, browser));

/** The publisher's pictures, answered from the bundled sample (nothing listens on the publisher's port here). */
async function publisher(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(`${PUBLISHER}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    asked.push(path);
    if (!path.startsWith('/images/')) return route.fulfill({ status: 404 });
    return route.fulfill({
      contentType: 'image/svg+xml',
      body: readFileSync(resolve(ROOT, 'demo/public', `.${path}`)),
    });
  });
  return asked;
}

/** The story's text as a reader meets it, nested shadow roots included. */
function storyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      if (node.nodeType === Node.TEXT_NODE && node.parentElement?.localName !== 'style')
        parts.push(node.textContent ?? '');
      for (const child of node.childNodes) walk(child);
    };
    walk(document.querySelector('wire-story')!);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  });
}

describe('the partner page', () => {
  it('holds exactly what the CLI prints today (npm run demo:partner regenerates it)', async () => {
    const { stdout } = await run(process.execPath, ['demo/partner.mjs', '--stdout'], { cwd: ROOT });
    expect(stdout).toBe(readFileSync(PAGE, 'utf8'));
  });

  it('reads with JavaScript off: headline, credited photo, body, link back; noindex and JSON-LD in the head', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await publisher(context);
    const page = await context.newPage();
    await page.goto(`${site.url}/demo/partner.html`);
    await expect(page.getByRole('heading', { level: 1, name: HEADLINE }).isVisible()).resolves.toBe(true);
    const text = await storyText(page);
    expect(text).toContain('© Sputnik');
    expect(text).toContain('North Korean leader Kim Jong Un spent Friday at the aircraft plants');
    expect(await page.locator('wire-story [part="body"] p').count()).toBe(8);
    const original = page.getByRole('link', { name: 'Sample Wire International' });
    expect(await original.getAttribute('href')).toBe(
      `${PUBLISHER}/world/20230915/kim-jong-un-komsomolsk-on-amur.html`,
    );
    expect(await page.locator('head meta[name="robots"]').getAttribute('content')).toBe('noindex');
    const jsonLd = JSON.parse(
      (await page.locator('head script[type="application/ld+json"]').textContent()) ?? '{}',
    ) as Record<string, unknown>;
    expect(jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: HEADLINE,
      isBasedOn: `${PUBLISHER}/world/20230915/kim-jong-un-komsomolsk-on-amur.html`,
    });
    // The partner's own masthead, not the publisher's.
    expect(await page.locator('.masthead .brand').textContent()).toBe('The Harbour Courier');
    await context.close();
  });

  it('the bundle adopts the server-rendered story, keeping its header and photo nodes, with no error', async () => {
    const { page, context, problems } = await watchedPage(browser);
    await publisher(context);
    await page.goto(`${site.url}/demo/partner-static.html`);
    const before = await page.evaluate(() => {
      const root = document.querySelector('wire-story')!.shadowRoot!;
      const kept = [...root.querySelectorAll('header *, figure *, footer *')];
      (window as unknown as { __kept: Element[] }).__kept = kept;
      return kept.length;
    });
    expect(before).toBeGreaterThan(10);
    // import(), not a script tag: the page enforces Trusted Types for script URLs.
    await page.evaluate("import('/dist/wire-widgets.js')");
    await page.waitForFunction(
      () => {
        const el = document.querySelector('wire-story') as
          (Element & { hasUpdated?: boolean; isUpdatePending?: boolean }) | null;
        return el?.hasUpdated === true && el.isUpdatePending === false;
      },
      undefined,
      { timeout: 15_000 },
    );
    const same = await page.evaluate(() => {
      const root = document.querySelector('wire-story')!.shadowRoot!;
      const after = [...root.querySelectorAll('header *, figure *, footer *')];
      const kept = (window as unknown as { __kept: Element[] }).__kept;
      return kept.filter((node, i) => after[i] === node).length;
    });
    expect(same).toBe(before);
    expect(await page.locator('wire-story [part="body"] p').count()).toBe(8);
    expect(problems()).toEqual([]);
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it("takes the story's JSON-LD out of the head once the story is withdrawn while the page is open", async () => {
    const { page, context, problems } = await watchedPage(browser);
    await publisher(context);
    await page.goto(`${site.url}/demo/partner.html`);
    await page.waitForFunction(
      () => (document.querySelector('wire-story') as { hasUpdated?: boolean } | null)?.hasUpdated === true,
      undefined,
      { timeout: 15_000 },
    );
    const articles = () =>
      page.evaluate(() =>
        [...document.head.querySelectorAll('script[type="application/ld+json"]')]
          .map((script) => (JSON.parse(script.textContent!) as { '@type': string })['@type'])
          .filter((type) => type === 'NewsArticle'),
      );
    expect(await articles()).toEqual(['NewsArticle']);
    // The publisher withdraws the story: the copy the page holds is refreshed to say so.
    await page.evaluate(() => {
      const script = document.querySelector('wire-feed > script[type="application/feed+json"]')!;
      const feed = JSON.parse(script.textContent!) as {
        items: { id: string; _wire?: Record<string, unknown> }[];
      };
      const story = feed.items.find((item) => item.id === 'kim-jong-un-komsomolsk-on-amur')!;
      story._wire = { ...story._wire, rights: { pubstatus: 'canceled' } };
      // The text node's data, not the script's textContent: the page enforces Trusted Types for script text.
      (script.firstChild as Text).data = JSON.stringify(feed);
    });
    await page.getByText('This story has been withdrawn by its publisher.').waitFor({ timeout: 15_000 });
    expect(await articles()).toEqual([]);
    // The masthead's icon, which this site does not serve, may be asked for while the test runs.
    expect(problems(/feed-icon\.svg$/)).toEqual([]);
    await context.close();
  });

  describe.each([390, 1280])('at %i px', (width) => {
    it('fits the viewport, shows the whole headline and is axe clean', async () => {
      const { page, context, problems } = await watchedPage(browser, { width, height: 900 });
      const asked = await publisher(context);
      await page.goto(`${site.url}/demo/partner.html`);
      await page.waitForFunction(
        () => (document.querySelector('wire-story') as { hasUpdated?: boolean } | null)?.hasUpdated === true,
        undefined,
        { timeout: 15_000 },
      );
      await page.evaluate(async () => {
        const img = document.querySelector('wire-story')!.shadowRoot!.querySelector('img');
        await img?.decode().catch(() => undefined);
      });
      await page.screenshot({ path: resolve(SHOTS, `demo-partner-${width}.png`), fullPage: true });
      // The lead photo, at the width srcset picks for this viewport.
      expect(asked.filter((path) => path.startsWith('/images/kim-factory-'))).toHaveLength(1);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const headline = page.getByRole('heading', { level: 1, name: HEADLINE });
      const cut = await headline.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
      expect(cut, 'headline shown whole').toBe(false);

      const found = await axeViolations(page);
      expect(found).toEqual([]);
      expect(problems()).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  });
});
