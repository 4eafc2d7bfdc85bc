/**
 * What the e2e suites share: the test server (test/server.mjs) with real HTTP headers (the strict CSP a careful partner
 * sends), the built bundle exactly as a site builder loads it, pages written from the widget list in
 * test/hostile/widgets.ts, and Chromium driven by Playwright with listeners for CSP violations and errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { attributesFor, WIDGETS, type WidgetConfig } from '../hostile/widgets.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { startFaultServer } from '../server.mjs';

const ROOT = process.cwd();
export const BUNDLE = resolve(ROOT, 'dist/wire-widgets.js');

/**
 * The policy SECURITY.md tells partners to send. `lit-html` is Lit's Trusted Types policy, for its own template
 * strings; `wire-widgets-story` is `<wire-story>`'s, which hands feed HTML to DOMPurify only. Nothing else in the
 * bundle touches an HTML sink.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html wire-widgets-story',
].join('; ');

/** The same, for pages that may load the bundle twice (two copies of Lit each create their policy). */
export const STRICT_CSP_TWO_COPIES = `${STRICT_CSP} 'allow-duplicates'`;

export interface Site {
  url: string;
  /** Serves `body` at `path` with the given policy (STRICT_CSP unless told otherwise). */
  add(path: string, body: string, csp?: string): void;
  /** Requests seen per path. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** The shared test server (test/server.mjs) with the strict policy on every answer. */
export async function startSite(): Promise<Site> {
  const server = await startFaultServer({ headers: { 'content-security-policy': STRICT_CSP } });
  return {
    url: server.url,
    add: (path, body, csp = STRICT_CSP) => server.add(path, body, { 'content-security-policy': csp }),
    hits: server.hits,
    close: server.close,
  };
}

/** Fails with a clear message when the bundle has not been built (npm test builds it first). */
export function requireBundle(): void {
  if (!existsSync(BUNDLE))
    throw new Error(
      'dist/wire-widgets.js is missing: run `npx vite build --logLevel warn` (npm test does) first',
    );
}

/** What every e2e file opens first: the built bundle checked, the local site and a Chromium. */
export async function openSite(browserArgs: string[] = []): Promise<{ site: Site; browser: Browser }> {
  requireBundle();
  const site = await startSite();
  return { site, browser: await launch(browserArgs) };
}

/** Closes what `openSite` opened; either may be missing when opening failed. */
export async function closeSite(site: Site | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await site?.close();
}

/**
 * Axe's violations on the page, as `id (node count)`. axe-core is evaluated through the DevTools protocol, which
 * the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      // Same text rendering on every run, for the pixel comparisons.
      '--font-render-hinting=none',
      '--disable-lcd-text',
      ...extraArgs,
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors seen so far, except those matching `ignore`. */
  problems(ignore?: RegExp): string[];
}

/**
 * A fresh context and page with listeners for CSP violations (added by an init script, which Playwright injects
 * through the DevTools protocol and the page's CSP does not block), console errors and uncaught errors.
 */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<Watched> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    // Every widget fires one of these when it has loaded or given up; they are composed, so the listener on
    // document sees the widget itself as the target.
    for (const type of ['wire-feed-load', 'wire-feed-error'])
      document.addEventListener(type, (event) => {
        const detail = (event as CustomEvent<{ reason?: string }>).detail;
        (event.target as { __wireOutcome?: unknown }).__wireOutcome = { type, reason: detail?.reason };
      });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      ),
    );
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported below with their URL; the console line for them says only the status.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${message.text()}`);
  });
  // An aborted request for a URL that was also answered is the loader's own doing (an attempt that timed out on a
  // busy machine and was retried, or a body it stopped reading); an abort that nothing answered is a problem.
  const answered = new Set<string>();
  const aborted: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    else answered.add(response.url());
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    if (reason === 'net::ERR_ABORTED') aborted.push(request.url());
    else problems.push(`request failed: ${reason} ${request.url()}`);
  });
  return {
    context,
    page,
    problems: (ignore) =>
      [
        ...problems,
        ...aborted
          .filter((url) => !answered.has(url))
          .map((url) => `request failed: net::ERR_ABORTED ${url}`),
      ].filter((line) => !ignore?.test(line)),
  };
}

export async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice());
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Sample-feed ids (see demo/public/sample-feed.json): the seed story has a gallery, related stories and comments. */
export const SAMPLE_IDS = {
  first: 'kim-jong-un-komsomolsk-on-amur',
  ids: [
    'kim-jong-un-komsomolsk-on-amur',
    'putin-kim-talks',
    'pacific-fleet-sea-of-japan',
    'vostochny-cosmodrome-explainer',
    'eastern-economic-forum-opens',
    'japan-h2a-slim-launch',
  ],
};

/** One `<div class="slot">` per configuration, each widget on `src` showing the seed story. */
export function widgetMarkup(src: string, configs: WidgetConfig[] = WIDGETS): string {
  return configs
    .map((config, i) => {
      const attributes = { ...attributesFor(config, SAMPLE_IDS, SAMPLE_IDS.first), src };
      const attrs = Object.entries(attributes)
        .map(([name, value]) => ` ${name}="${escape(value)}"`)
        .join('');
      return `<div class="slot" id="slot-${i}" data-name="${escape(config.name)}"><${config.tag}${attrs}></${config.tag}></div>`;
    })
    .join('\n');
}

export { pageHtml } from '../article-page.mjs';

/**
 * Tags among `configs` that the loaded bundle defines; the others are logged and skipped. The bundle defines some
 * elements lazily (`<wire-story>`, when one first appears): each tag not defined yet is put in the page for a
 * moment so the bundle fetches it, and waited for (15 s at most).
 */
export async function definedTags(
  page: Page,
  suite: string,
  configs: WidgetConfig[] = WIDGETS,
): Promise<Set<string>> {
  const tags = [...new Set(configs.map((config) => config.tag))];
  const defined = await page.evaluate(async (list) => {
    const probes = list
      .filter((tag) => !customElements.get(tag))
      .map((tag) => document.body.appendChild(document.createElement(tag)));
    await Promise.race([
      Promise.all(list.map((tag) => customElements.whenDefined(tag))),
      new Promise((done) => setTimeout(done, 15_000)),
    ]);
    for (const probe of probes) probe.remove();
    return list.filter((tag) => customElements.get(tag));
  }, tags);
  for (const config of configs)
    if (!defined.includes(config.tag))
      console.warn(
        `[${suite}] skipped ${config.name}: <${config.tag}> is not defined by dist/wire-widgets.js`,
      );
  return new Set(defined);
}

/**
 * Resolves once every widget in the page fired wire-feed-load or wire-feed-error and has no Lit update pending,
 * fonts are ready and every image inside a widget is decoded (or has failed).
 */
export async function waitForWidgets(page: Page, tags: Set<string>): Promise<void> {
  await page.waitForFunction(
    (list) =>
      list.every((tag) =>
        [...document.querySelectorAll(tag)].every((el) => {
          const state = el as unknown as { isUpdatePending?: boolean; __wireOutcome?: unknown };
          return state.__wireOutcome !== undefined && state.isUpdatePending === false;
        }),
      ),
    [...tags],
    { timeout: 15_000 },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    const images: HTMLImageElement[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el instanceof HTMLImageElement) images.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    await Promise.all(
      images.map((img) => {
        img.loading = 'eager';
        return img.decode().catch(() => undefined);
      }),
    );
  });
}

/** Text in an element's shadow roots, nested ones included, whitespace collapsed. */
export function deepTextOf(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      for (const child of node.childNodes) walk(child);
    };
    const el = document.querySelector(sel);
    if (el) walk(el);
    return parts.join('').replace(/\s+/g, ' ').trim();
  }, selector);
}

/** The wire-feed-load / wire-feed-error outcome of each element matching `selector`. */
export function outcomes(
  page: Page,
  selector: string,
): Promise<({ type: string; reason?: string } | null)[]> {
  return page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].map(
        (el) => (el as { __wireOutcome?: { type: string; reason?: string } }).__wireOutcome ?? null,
      ),
    selector,
  );
}
