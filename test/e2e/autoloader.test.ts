/**
 * The autoloader (dist/wire-widgets.loader.js) as a site builder uses it: one script tag, then elements defined as
 * their tags appear. What it is for is counted here: the JavaScript a one-card page downloads (requests and
 * min+gzip bytes), that a card's chunks are all asked for before the first has arrived, that elements the page does
 * not use are never fetched, that a card added inside a shadow root is defined once the page calls
 * `discover(root)`, and that a server-rendered snippet hydrates (the hydrate support run before Lit) keeping its
 * nodes.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUNDLE,
  deepTextOf,
  pageHtml,
  SAMPLE_IDS,
  STRICT_CSP,
  watchedPage,
  type Site,
  openSite,
  closeSite,
} from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const LOADER = '<script type="module" src="/dist/wire-widgets.loader.js"></script>';
const BUNDLE_TAG = '<script type="module" src="/dist/wire-widgets.js"></script>';
const FEED = '/demo/public/sample-feed.json';
const HEADLINE = 'Kim Jong Un Visits';
const card = `<wire-article-card src="${FEED}" item="${SAMPLE_IDS.first}"></wire-article-card>`;
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

let site: Site;
let browser: Browser;

beforeAll(async () => {
  ({ site, browser } = await openSite());
});

afterAll(() => closeSite(site, browser));

/** Every JavaScript response the page receives, in order, with its body's min+gzip size. */
function scripts(page: Page): { path: string; gzip?: number }[] {
  const seen: { path: string; gzip?: number }[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.endsWith('.js')) return;
    // Noted in the order the answers arrive; the body is read afterwards. A test that is done may close the page
    // first (a busy machine answers late): that script's size stays unknown instead of an unhandled rejection.
    const script: { path: string; gzip?: number } = { path: pathname };
    seen.push(script);
    response.body().then(
      (body) => (script.gzip = gzipped(body)),
      () => undefined,
    );
  });
  return seen;
}

const defined = (page: Page, tag: string) => page.evaluate((tag) => !!customElements.get(tag), tag);

/** The standalone bundle's credit-popover chunk, as the page requests it. */
const CREDIT_CHUNK = /\/credit-info\.define-[\w-]+\.js$/;

/** Serves `body` with the standalone bundle at `path` and opens it once the card shows its headline. */
async function openBundlePage(page: Page, path: string, body = card): Promise<void> {
  site.add(path, pageHtml({ head: BUNDLE_TAG, body }));
  await page.goto(`${site.url}${path}`);
  await expect.poll(() => deepTextOf(page, 'wire-article-card'), { timeout: 15_000 }).toContain(HEADLINE);
}

/** Holds the scripts `url` matches back until `release()`; `requests()` counts the page's requests for them. */
async function hold(page: Page, url: RegExp): Promise<{ release: () => void; requests: () => number }> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  let requested = 0;
  await page.route(url, async (route) => {
    requested++;
    await held;
    await route.continue();
  });
  return { release, requests: () => requested };
}

const holdCreditChunk = (page: Page) => hold(page, CREDIT_CHUNK);

/** Paths the page has asked for, each with how many times. */
function requestCounts(page: Page): Map<string, number> {
  const asked = new Map<string, number>();
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    asked.set(pathname, (asked.get(pathname) ?? 0) + 1);
  });
  return asked;
}

/** `dist/wire-widgets/<file>` and every chunk it imports, directly or not, as the page requests them. */
function withImports(file: string, into = new Set<string>()): Set<string> {
  into.add(`/dist/wire-widgets/${file}`);
  const code = readFileSync(resolve(ROOT, 'dist/wire-widgets', file), 'utf8');
  for (const [, imported] of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g))
    if (!into.has(`/dist/wire-widgets/${imported}`)) withImports(imported!, into);
  return into;
}

/** The seed story's card as the CLI renders it for this site. */
async function cardSnippet(): Promise<string> {
  const { stdout } = await promisify(execFile)('node', [
    resolve(ROOT, 'bin/wire-widgets.mjs'),
    'render',
    resolve(ROOT, 'demo/public/sample-feed.json'),
    '--widget',
    'article-card',
    '--base',
    `${site.url}/`,
  ]);
  return stdout;
}

/** The elements in `wire-article-card`'s shadow root still the ones noted by `noteCardNodes`, of how many. */
const keptCardNodes = (page: Page) =>
  page.evaluate(() => {
    const before = (window as unknown as { __before: Element[] }).__before;
    const after = [...document.querySelector('wire-article-card')!.shadowRoot!.querySelectorAll('*')];
    return [before.filter((node, i) => after[i] === node).length, before.length];
  });

/** Resolves once the page's `wire-article-card` has rendered and has no update pending. */
const cardUpdated = (page: Page) =>
  page.waitForFunction(
    () => {
      const el = document.querySelector('wire-article-card') as
        (Element & { hasUpdated?: boolean; isUpdatePending?: boolean }) | null;
      return el?.hasUpdated === true && el.isUpdatePending === false;
    },
    null,
    { timeout: 15_000 },
  );

/** Notes the elements in `wire-article-card`'s shadow root; resolves to how many. */
const noteCardNodes = (page: Page) =>
  page.evaluate(() => {
    const nodes = [...document.querySelector('wire-article-card')!.shadowRoot!.querySelectorAll('*')];
    (window as unknown as { __before: Element[] }).__before = nodes;
    return nodes.length;
  });

describe('autoloader', () => {
  it('a page with one card fetches the card and what it shares, well under the one-file bundle', async () => {
    const { page, context, problems } = await watchedPage(browser);
    const seen = scripts(page);
    site.add('/loader-card.html', pageHtml({ head: LOADER, body: card }));
    await page.goto(`${site.url}/loader-card.html`);
    await page.waitForFunction(() => customElements.get('wire-article-card'), null, { timeout: 15_000 });
    await expect.poll(() => deepTextOf(page, 'wire-article-card'), { timeout: 15_000 }).toContain(HEADLINE);
    // Responses are read asynchronously, and the page records its entries asynchronously too: wait until every
    // script the page asked for has been counted, reading both sides afresh each time.
    const requested = () =>
      page.evaluate(
        () => performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js')).length,
      );
    await expect
      .poll(async () => seen.filter((script) => script.gzip !== undefined).length === (await requested()), {
        timeout: 15_000,
      })
      .toBe(true);

    const paths = seen.map((script) => script.path);
    expect(paths[0]).toBe('/dist/wire-widgets.loader.js');
    expect(paths).toContain('/dist/wire-widgets/article-card.js');
    expect(paths.every((path) => path.startsWith('/dist/wire-widgets'))).toBe(true);
    // Nothing for elements the page does not have, no hydrate support without a snippet, no one-file bundle, and
    // nothing used only on interaction (the credit popover and its floating-ui) or in another language.
    for (const element of ['photo-gallery', 'related-story', 'comment-prompt', 'feed', 'hydrate'])
      expect(paths).not.toContain(`/dist/wire-widgets/${element}.js`);
    expect(paths.filter((path) => /\/(floating|ru|credit-info)[\w.-]*\.js$/.test(path))).toEqual([]);
    expect(paths).not.toContain('/dist/wire-widgets.js');

    const total = seen.reduce((sum, script) => sum + (script.gzip ?? 0), 0);
    const standalone = gzipped(readFileSync(BUNDLE));
    console.info(
      `[autoloader] one card: ${seen.length} scripts, ${total} B min+gzip (each file gzipped alone); ` +
        `dist/wire-widgets.js alone: ${standalone} B`,
    );
    expect(total).toBeLessThan(standalone);
    // The budget .size-limit.cjs enforces for the same page (27.5 KB, bundled there as ES modules), plus what
    // gzipping the files one by one costs (31.27 KB measured with 27.15 KB there; 31.33 KB with 27.17 KB after the
    // defer-hydration fixes; 31.63 KB with 27.48 KB with less script per card and the date line's dots drawn as
    // backgrounds, 27.21 KB once size-limit bundled the page as ES modules rather than an IIFE; 31.99 KB with 27.40 KB
    // with fewer templates per card; 32.11 KB with 27.48 KB with a failed author's picture drawn as an empty circle and
    // a wrapped date line without a dot; 32.14 KB with 27.52 KB with the time zone in a date's tooltip; 32.20 KB with
    // 27.57 KB with the card's focus ring outside it, inside in Safari; 32.24 KB with 27.59 KB with the card's colour
    // between card and ring; 32.68 KB with 28.17 KB with the loader's chunk graph). Issue 13 asks for 14 KB; see the
    // README's Size table for where the bytes go.
    expect(total).toBeLessThanOrEqual(32_750);

    // The reader presses the photo's credit button: only then does the popover's chunk arrive, and it opens.
    const network: string[] = [];
    page.on('request', (request) => network.push(`asked ${new URL(request.url()).pathname}`));
    page.on('response', (response) => network.push(`got ${new URL(response.url()).pathname}`));
    await page.getByRole('button', { name: 'Photo credit details' }).click();
    await page.getByRole('dialog', { name: 'Photo credit details' }).waitFor({ timeout: 15_000 });
    expect(seen.map((script) => script.path)).toContain('/dist/wire-widgets/credit-info.js');
    // Its placement code is asked for alongside it, not once the element has arrived: one wait, not two in a row.
    const floating = network.findIndex((line) =>
      /^asked \/dist\/wire-widgets\/floating-[\w-]+\.js$/.test(line),
    );
    expect(floating).toBeGreaterThan(-1);
    expect(floating).toBeLessThan(network.indexOf('got /dist/wire-widgets/credit-info.js'));
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("asks for a card's chunk and every chunk it imports at once, each once", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const asked = requestCounts(page);
    const chunks = [...withImports('article-card.js')];
    expect(chunks.length).toBeGreaterThan(3);
    // The card's own chunk is held back: left to the imports in it, the chunks it shares with other elements would
    // only be asked for once it had arrived, one round trip after another.
    const { release } = await hold(page, /\/dist\/wire-widgets\/article-card\.js$/);
    site.add('/loader-at-once.html', pageHtml({ head: LOADER, body: card }));
    await page.goto(`${site.url}/loader-at-once.html`, { waitUntil: 'commit' });
    await expect.poll(() => chunks.filter((chunk) => !asked.has(chunk)), { timeout: 15_000 }).toEqual([]);
    release();
    await expect.poll(() => deepTextOf(page, 'wire-article-card'), { timeout: 15_000 }).toContain(HEADLINE);
    for (const chunk of chunks) expect(asked.get(chunk), chunk).toBe(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('asks for the chunks of every element it finds at once, each once', async () => {
    const { page, context } = await watchedPage(browser);
    const asked = requestCounts(page);
    const elements = [
      'feed',
      'article-card',
      'related-story',
      'photo-gallery',
      'comment-prompt',
      'credit-info',
      'story',
    ];
    const chunks = new Set<string>();
    for (const element of elements) withImports(`${element}.js`, chunks);
    // Every element's own chunk is held back, so nothing is asked for because an element's chunk has arrived.
    const { release } = await hold(page, new RegExp(`/dist/wire-widgets/(${elements.join('|')})\\.js$`));
    site.add(
      '/loader-every-element.html',
      pageHtml({
        head: LOADER,
        body: elements.map((element) => `<wire-${element}></wire-${element}>`).join(''),
      }),
    );
    await page.goto(`${site.url}/loader-every-element.html`, { waitUntil: 'commit' });
    await expect
      .poll(() => [...chunks].filter((chunk) => !asked.has(chunk)), { timeout: 15_000 })
      .toEqual([]);
    release();
    for (const element of elements)
      await page.waitForFunction((tag) => customElements.get(tag), `wire-${element}`, { timeout: 15_000 });
    for (const chunk of chunks) expect(asked.get(chunk), chunk).toBe(1);
    await context.close();
  });

  it("passes the page's script nonce on to the chunks it asks for early", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const asked = requestCounts(page);
    // Scripts allowed by nonce alone: `import()` passes the loader's on, and a link that asks early must carry it too,
    // or the page reports a violation for each chunk and fetches it again.
    const csp = STRICT_CSP.replace("script-src 'self'", "script-src 'nonce-c2VjcmV0'");
    const head = '<script type="module" nonce="c2VjcmV0" src="/dist/wire-widgets.loader.js"></script>';
    site.add('/loader-nonce.html', pageHtml({ head, body: card }), csp);
    await page.goto(`${site.url}/loader-nonce.html`);
    await expect.poll(() => deepTextOf(page, 'wire-article-card'), { timeout: 15_000 }).toContain(HEADLINE);
    for (const chunk of withImports('article-card.js')) expect(asked.get(chunk), chunk).toBe(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('defines a card added inside a shadow root once the page calls discover(root)', async () => {
    const { page, context, problems } = await watchedPage(browser);
    site.add('/loader-shadow.html', pageHtml({ head: LOADER, body: '<div id="host"></div>' }));
    await page.goto(`${site.url}/loader-shadow.html`);
    await page.evaluate(
      ([feed, item]) => {
        const inShadow = document.createElement('wire-article-card');
        inShadow.setAttribute('src', feed);
        inShadow.setAttribute('item', item);
        document.querySelector('#host')!.attachShadow({ mode: 'open' }).append(inShadow);
        // At the same moment, a widget in the document itself, which the loader's observer sees.
        const prompt = document.createElement('wire-comment-prompt');
        prompt.setAttribute('src', feed);
        document.body.append(prompt);
      },
      [FEED, SAMPLE_IDS.first],
    );
    await page.waitForFunction(() => customElements.get('wire-comment-prompt'), null, { timeout: 15_000 });
    // The document's observer cannot see into the shadow root: the card there is still undefined.
    expect(await defined(page, 'wire-article-card')).toBe(false);

    // A string, not a function: Vitest would rewrite a function's import() into its own loader.
    await page.evaluate(
      "import('/dist/wire-widgets.loader.js').then(({ discover }) => discover(document.querySelector('#host').shadowRoot))",
    );
    expect(await defined(page, 'wire-article-card')).toBe(true);
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const inner = document.querySelector('#host')!.shadowRoot!.querySelector('wire-article-card')!;
            return inner.shadowRoot?.textContent ?? '';
          }),
        { timeout: 15_000 },
      )
      .toContain(HEADLINE);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("defines a <wire-feed> before a card added into it later, though the card's chunk would arrive first", async () => {
    const { page, context, problems } = await watchedPage(browser);
    // The feed's chunk answers late. Defined first, the card would ask for its feed while nothing listens, and
    // never get it.
    await page.route('**/dist/wire-widgets/feed.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    site.add('/loader-feed-order.html', pageHtml({ head: LOADER, body: '' }));
    await page.goto(`${site.url}/loader-feed-order.html`);
    await page.evaluate(
      ([feed, item]) => {
        const wireFeed = document.createElement('wire-feed');
        wireFeed.setAttribute('src', feed);
        document.body.append(wireFeed);
        // In a later task, as a page still parsing or a framework filling a container adds it.
        setTimeout(() => {
          const inside = document.createElement('wire-article-card');
          inside.setAttribute('item', item);
          wireFeed.append(inside);
        }, 50);
      },
      [FEED, SAMPLE_IDS.first],
    );
    await expect
      .poll(
        () => page.evaluate(() => document.querySelector('wire-article-card')?.shadowRoot?.textContent ?? ''),
        {
          timeout: 15_000,
        },
      )
      .toContain(HEADLINE);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('hydrates a server-rendered card, running the hydrate support before Lit, keeping every node', async () => {
    const snippet = await cardSnippet();
    const { page, context, problems } = await watchedPage(browser);
    const asked = requestCounts(page);
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    // Declarative shadow roots carry their styles as <style> elements: a page serving snippets allows them.
    const csp = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    // The script after the snippet, so the snippet's nodes can be noted before anything is defined.
    site.add('/loader-snippet.html', pageHtml({ body: snippet }), csp);
    await page.goto(`${site.url}/loader-snippet.html`);
    expect(await noteCardNodes(page)).toBeGreaterThan(10);
    // The hydrate support is held back. The card's chunks are asked for meanwhile, but none of them runs: Lit
    // running before the support would leave the snippet unhydrated.
    const { release } = await hold(page, /\/dist\/wire-widgets\/hydrate\.js$/);
    await page.evaluate("import('/dist/wire-widgets.loader.js')");
    const chunks = [...withImports('article-card.js')];
    await expect.poll(() => chunks.filter((chunk) => !asked.has(chunk)), { timeout: 15_000 }).toEqual([]);
    expect(await defined(page, 'wire-article-card')).toBe(false);
    release();
    await cardUpdated(page);
    const [kept, before] = await keptCardNodes(page);
    expect(kept).toBe(before);
    for (const chunk of withImports('hydrate.js', new Set(chunks))) expect(asked.get(chunk), chunk).toBe(1);
    expect(await deepTextOf(page, 'wire-article-card')).toContain(HEADLINE);
    expect(messages).toEqual([]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('fetches the hydrate support again at the next discovery when it failed, then hydrates keeping every node', async () => {
    const snippet = await cardSnippet();
    const { page, context, problems } = await watchedPage(browser);
    let offline = true;
    await page.route(/\/dist\/wire-widgets\/hydrate\.js$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    const csp = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    site.add('/loader-snippet-offline.html', pageHtml({ body: snippet }), csp);
    await page.goto(`${site.url}/loader-snippet-offline.html`);
    expect(await noteCardNodes(page)).toBeGreaterThan(10);
    const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('/hydrate.js'));
    await page.evaluate("import('/dist/wire-widgets.loader.js')");
    await failed;
    // Nothing ran without the support: the snippet is as the server wrote it, and readable.
    expect(await defined(page, 'wire-article-card')).toBe(false);
    expect(await deepTextOf(page, 'wire-article-card')).toContain(HEADLINE);
    // Back online, the next discovery (a widget added, or the page's own call) fetches it again.
    offline = false;
    await page.evaluate("import('/dist/wire-widgets.loader.js').then(({ discover }) => discover(document))");
    await cardUpdated(page);
    const [kept, before] = await keptCardNodes(page);
    expect(kept).toBe(before);
    expect(problems(/ERR_INTERNET_DISCONNECTED .*hydrate\.js/)).toEqual([]);
    await context.close();
  });
});

describe('the standalone bundle and the elements it fetches later', () => {
  const storyChunk = (path: string) => /^\/dist\/wire-widgets\/story[\w.-]*\.js$/.test(path);

  it('fetches the story only once a <wire-story> appears, then defines it from the same Lit', async () => {
    const { page, context, problems } = await watchedPage(browser);
    const seen = scripts(page);
    // The story's body goes through its own Trusted Types policy, which a strict page lists (SECURITY.md).
    const csp = STRICT_CSP.replace('trusted-types lit-html', 'trusted-types lit-html wire-widgets-story');
    site.add('/bundle-story.html', pageHtml({ head: BUNDLE_TAG, body: card }), csp);
    await page.goto(`${site.url}/bundle-story.html`);
    await expect.poll(() => deepTextOf(page, 'wire-article-card'), { timeout: 15_000 }).toContain(HEADLINE);
    expect(seen.map((script) => script.path).filter(storyChunk)).toEqual([]);
    // Nor the live comment counts, which only a comment prompt showing a count fetches.
    expect(seen.map((script) => script.path).filter((path) => path.includes('/live-counts-'))).toEqual([]);
    expect(await defined(page, 'wire-story')).toBe(false);

    await page.evaluate(
      ([feed, item]) => {
        const story = document.createElement('wire-story');
        story.setAttribute('src', feed);
        story.setAttribute('item', item);
        document.body.append(story);
      },
      [FEED, SAMPLE_IDS.first],
    );
    // whenDefined resolves, with the class the element on the page was upgraded to.
    const upgraded = await page.evaluate(() =>
      customElements
        .whenDefined('wire-story')
        .then((ctor) => document.querySelector('wire-story') instanceof ctor),
    );
    expect(upgraded).toBe(true);
    await expect.poll(() => deepTextOf(page, 'wire-story'), { timeout: 15_000 }).toContain(HEADLINE);
    const paths = seen.map((script) => script.path);
    expect(paths.filter(storyChunk)).toHaveLength(1);
    // The chunk takes Lit and the base classes from the bundle already on the page, not from a second copy.
    expect(paths.filter((path) => path === '/dist/wire-widgets.js')).toHaveLength(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("asks for a story's feed while the story's chunk is on its way, and only once", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const asked = requestCounts(page);
    // The story's chunk is held back: its feed, which only the bundle's loader needs, is asked for meanwhile.
    const { release, requests: chunkRequests } = await hold(page, /\/story\.define-[\w-]+\.js$/);
    const story = `<wire-story src="${FEED}" item="${SAMPLE_IDS.first}"></wire-story>`;
    site.add('/bundle-story-feed.html', pageHtml({ head: BUNDLE_TAG, body: story }));
    await page.goto(`${site.url}/bundle-story-feed.html`);
    await expect.poll(chunkRequests, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => asked.get(FEED) ?? 0, { timeout: 15_000 }).toBe(1);
    expect(await defined(page, 'wire-story')).toBe(false);
    release();
    await expect.poll(() => deepTextOf(page, 'wire-story'), { timeout: 15_000 }).toContain(HEADLINE);
    expect(asked.get(FEED)).toBe(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('throws nothing for a story whose hydration waits, and draws it once let go', async () => {
    const { page, context, problems } = await watchedPage(browser);
    // Lit's server renderer writes `defer-hydration` on a widget nested in another component; Lit's own
    // connectedCallback, and the story's render root with it, wait until it is removed.
    const story = `<wire-story defer-hydration src="${FEED}" item="${SAMPLE_IDS.first}"></wire-story>`;
    site.add('/bundle-story-deferred.html', pageHtml({ head: BUNDLE_TAG, body: story }));
    await page.goto(`${site.url}/bundle-story-deferred.html`);
    await page.waitForFunction(() => customElements.get('wire-story'), null, { timeout: 15_000 });
    expect(problems()).toEqual([]);
    await page.evaluate(() => document.querySelector('wire-story')!.removeAttribute('defer-hydration'));
    await expect.poll(() => deepTextOf(page, 'wire-story'), { timeout: 15_000 }).toContain(HEADLINE);
    await expect
      .poll(() => page.locator('wire-story [part="body"] p').count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("throws nothing while a story's sanitiser cannot be fetched, and fills the body once it can", async () => {
    const { page, context, problems } = await watchedPage(browser);
    let offline = true;
    await page.route(/\/sanitize-[\w-]+\.js$/, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    let failed = 0;
    page.on('requestfailed', (request) => (failed += Number(request.url().includes('/sanitize-'))));
    // The feed is held until the story's early ask for its sanitiser has failed, so that the body's own ask, once
    // the feed is here, is a request of its own, and fails too.
    const { release } = await hold(page, /\/demo\/public\/sample-feed\.json$/);
    const story = `<wire-story src="${FEED}" item="${SAMPLE_IDS.first}"></wire-story>`;
    site.add('/bundle-story-offline.html', pageHtml({ head: BUNDLE_TAG, body: story }));
    await page.goto(`${site.url}/bundle-story-offline.html`);
    await expect.poll(() => failed, { timeout: 15_000 }).toBe(1);
    release();
    await expect.poll(() => deepTextOf(page, 'wire-story'), { timeout: 15_000 }).toContain(HEADLINE);
    await expect.poll(() => failed, { timeout: 15_000 }).toBe(2);
    // Back online, the story's next render (the page clock's, here asked for at once) fills the body.
    offline = false;
    await page.evaluate(() =>
      (document.querySelector('wire-story') as HTMLElement & { requestUpdate(): void }).requestUpdate(),
    );
    await expect
      .poll(() => page.locator('wire-story [part="body"] p').count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    expect(problems(/ERR_INTERNET_DISCONNECTED .*sanitize-/)).toEqual([]);
    await context.close();
  });

  it("asks for the story's sanitiser alongside its feed, not once the feed has arrived", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const asked = requestCounts(page);
    const sanitiser = () => [...asked].filter(([path]) => /\/sanitize-[\w-]+\.js$/.test(path));
    // The feed is held back: the body it carries can only be sanitised once it is here, but the sanitiser's chunk
    // (13 KB) is on its way already.
    const { release, requests: feedRequests } = await hold(page, /\/demo\/public\/sample-feed\.json$/);
    const story = `<wire-story src="${FEED}" item="${SAMPLE_IDS.first}"></wire-story>`;
    site.add('/bundle-story-early.html', pageHtml({ head: BUNDLE_TAG, body: story }));
    await page.goto(`${site.url}/bundle-story-early.html`);
    await expect.poll(feedRequests, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => sanitiser().length, { timeout: 15_000 }).toBe(1);
    release();
    await expect
      .poll(() => page.locator('wire-story [part="body"] p').count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    expect(sanitiser().map(([, count]) => count)).toEqual([1]);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('fetches the credit popover only when a reader first presses a credit button', async () => {
    const { page, context, problems } = await watchedPage(browser);
    const seen = scripts(page);
    await openBundlePage(page, '/bundle-credit.html');
    const creditChunks = () =>
      seen.map((script) => script.path).filter((path) => path.includes('/credit-info'));
    // One file until then: a bundler that split the bundle into shared chunks would show here.
    expect(seen.map((script) => script.path)).toEqual(['/dist/wire-widgets.js']);
    expect(await defined(page, 'wire-credit-info')).toBe(false);

    await page.getByRole('button', { name: 'Photo credit details' }).click();
    await page.getByRole('dialog', { name: 'Photo credit details' }).waitFor({ timeout: 15_000 });
    expect(creditChunks()).toHaveLength(1);
    expect(await defined(page, 'wire-credit-info')).toBe(true);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it("defines a page's own <wire-credit-info> when the tag appears", async () => {
    const { page, context, problems } = await watchedPage(browser);
    const seen = scripts(page);
    site.add('/bundle-own-credit.html', pageHtml({ head: BUNDLE_TAG, body: '<p>No widget yet.</p>' }));
    await page.goto(`${site.url}/bundle-own-credit.html`);
    await page.waitForFunction(() => customElements.get('wire-article-card'), null, { timeout: 15_000 });
    expect(await defined(page, 'wire-credit-info')).toBe(false);
    await page.evaluate(() => document.body.append(document.createElement('wire-credit-info')));
    const upgraded = await page.evaluate(() =>
      customElements
        .whenDefined('wire-credit-info')
        .then((ctor) => document.querySelector('wire-credit-info') instanceof ctor),
    );
    expect(upgraded).toBe(true);
    expect(seen.map((script) => script.path).filter((path) => path.includes('/credit-info'))).toHaveLength(1);
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('keeps the credit button, and throws nothing into the page, when its chunk cannot be fetched', async () => {
    const { page, context, problems } = await watchedPage(browser);
    let offline = true;
    await page.route(CREDIT_CHUNK, (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    await openBundlePage(page, '/bundle-credit-offline.html');

    const button = page.getByRole('button', { name: 'Photo credit details' });
    const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('credit-info'));
    await button.click();
    await failed;
    // The button the reader pressed is still there, and still a button: the card lost nothing.
    await expect.poll(() => button.count()).toBe(1);
    expect(await defined(page, 'wire-credit-info')).toBe(false);
    expect(await deepTextOf(page, 'wire-article-card')).toContain(HEADLINE);

    // Back online, a second press tries again (Chromium keeps no failed dynamic import).
    offline = false;
    await button.click();
    await page.getByRole('dialog', { name: 'Photo credit details' }).waitFor({ timeout: 15_000 });
    expect(problems(/ERR_INTERNET_DISCONNECTED .*credit-info/)).toEqual([]);
    await context.close();
  });

  it('opens one popover for a reader who presses twice while its chunk is on its way', async () => {
    const { page, context, problems } = await watchedPage(browser);
    const { release, requests } = await holdCreditChunk(page);
    await openBundlePage(page, '/bundle-credit-twice.html');

    const button = page.getByRole('button', { name: 'Photo credit details' });
    await button.click();
    await expect.poll(requests).toBe(1);
    await button.click();
    release();
    const dialog = page.getByRole('dialog', { name: 'Photo credit details' });
    await dialog.waitFor({ timeout: 15_000 });
    // One control took the button's place, open, with focus on its own button; the second press added nothing.
    expect(await page.locator('wire-credit-info').count()).toBe(1);
    expect(await dialog.count()).toBe(1);
    expect(
      await page
        .locator('wire-credit-info')
        .evaluate((info) => info.shadowRoot!.activeElement?.getAttribute('aria-label')),
    ).toBe('Photo credit details');
    expect(problems()).toEqual([]);
    await context.close();
  });

  it('leaves the popover closed for a reader who moved on while its chunk was on its way', async () => {
    const { page, context, problems } = await watchedPage(browser);
    const { release } = await holdCreditChunk(page);
    await openBundlePage(page, '/bundle-credit-late.html', `${card}<a href="#next">Next story</a>`);

    await page.getByRole('button', { name: 'Photo credit details' }).click();
    // The chunk is held back; the reader tabs on to the next link meanwhile.
    await page.keyboard.press('Tab');
    const next = page.getByRole('link', { name: 'Next story' });
    await expect.poll(() => next.evaluate((link) => link === document.activeElement)).toBe(true);
    release();
    await page.waitForFunction(
      () =>
        document.querySelector('wire-article-card')!.shadowRoot!.querySelector('wire-credit-info:defined'),
      null,
      { timeout: 15_000 },
    );
    // The control took the button's place, closed; focus stayed where the reader put it.
    await page.locator('wire-credit-info').getByRole('button', { name: 'Photo credit details' }).waitFor();
    expect(await page.getByRole('dialog', { name: 'Photo credit details' }).isVisible()).toBe(false);
    expect(await next.evaluate((link) => link === document.activeElement)).toBe(true);
    expect(problems()).toEqual([]);
    await context.close();
  });
});
