/**
 * Server-rendered snippets as a publisher ships them: printed by the CLI (dist/ssr through bin/), served in a page,
 * read with JavaScript off, then hydrated by the standalone bundle. Hydration must keep the server's nodes (the
 * shadow roots hold the very same nodes afterwards), say nothing on the console, and survive a snippet that an
 * older version rendered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageHtml, SAMPLE_IDS, STRICT_CSP, watchedPage, type Site, openSite, closeSite } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(ROOT, 'bin/wire-widgets.mjs');
const FEED = resolve(ROOT, 'demo/public/sample-feed.json');
const run = promisify(execFile);

// Declarative shadow roots carry their styles as <style> elements: a page serving snippets allows inline styles.
const CSP = STRICT_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const WIDGETS: [name: string, tag: string, args: string[], shows: string][] = [
  ['card', 'wire-article-card', ['--widget', 'article-card', '--attr', 'layout=hero'], 'Kim Jong Un Visits'],
  [
    'related list',
    'wire-related-story',
    ['--widget', 'related-story', '--attr', `related-to=${SAMPLE_IDS.first}`],
    'Related stories',
  ],
  ['gallery', 'wire-photo-gallery', ['--widget', 'photo-gallery'], '© Sputnik'],
  [
    'comment prompt',
    'wire-comment-prompt',
    [
      '--widget',
      'comment-prompt',
      '--attr',
      'return-url=https://news.example/a',
      '--attr',
      'allow-origins=https://news.example',
    ],
    'log in',
  ],
  // Not in the standalone bundle's first download: its chunk is fetched once the bundle sees the tag.
  ['story', 'wire-story', ['--widget', 'story'], 'Kim Jong Un Visits'],
];

let site: Site;
let browser: Browser;
const snippets = new Map<string, string>();

beforeAll(async () => {
  ({ site, browser } = await openSite());
  for (const [name, , args] of WIDGETS) {
    const { stdout } = await run('node', [CLI, 'render', FEED, ...args, '--base', `${site.url}/`]);
    snippets.set(name, stdout);
  }
});

afterAll(() => closeSite(site, browser));

/** Console messages of every kind (Lit's warnings included), and uncaught errors. */
function messages(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => seen.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => seen.push(`uncaught: ${error.message}`));
  return seen;
}

/**
 * Every node in the element's shadow roots, nested ones included, in document order: installed as a page global by
 * an init script (the page's policy forbids eval, and Playwright's init scripts are not subject to it).
 */
function collectShadowNodes(): void {
  (window as unknown as { __shadowNodes: (tag: string) => Node[] }).__shadowNodes = (tag) => {
    const nodes: Node[] = [];
    const walk = (root: Node) => {
      for (const node of root.childNodes) {
        nodes.push(node);
        if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
        walk(node);
      }
    };
    walk(document.querySelector(tag)!.shadowRoot!);
    return nodes;
  };
}

type Scope = { __shadowNodes: (tag: string) => Node[]; __before: Record<string, Node[]> };

/**
 * Waits for pages that write a frame piece by piece, installed like `collectShadowNodes`: `__tasks(n)` lets n tasks
 * of 10 ms go by; `__until(ready, what)` checks `ready` after each, and gives up after 20 s, so that a widget that
 * never draws fails the test there rather than at its timeout.
 */
function waitHelpers(): void {
  const tasks = (count: number) =>
    Array.from({ length: count }).reduce<Promise<void>>(
      (previous) => previous.then(() => new Promise((done) => setTimeout(done, 10))),
      Promise.resolve(),
    );
  Object.assign(window, {
    __tasks: tasks,
    __until: async (ready: () => unknown, what: string) => {
      const give = performance.now() + 20_000;
      while (!ready())
        if (performance.now() > give) throw new Error(`never ${what}`);
        else await tasks(1);
    },
  });
}

type Waits = {
  __tasks: (count: number) => Promise<void>;
  __until: (ready: () => unknown, what: string) => Promise<void>;
};

describe('server-rendered snippets', () => {
  it.each(WIDGETS)('%s: reads with JavaScript off', async (name, tag, _args, shows) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    site.add(`/off-${tag}.html`, pageHtml({ body: snippets.get(name)! }), CSP);
    await page.goto(`${site.url}/off-${tag}.html`);
    const host = page.locator(tag);
    await expect(host.getByText(shows, { exact: false }).first().isVisible()).resolves.toBe(true);
    if (tag === 'wire-article-card') {
      const link = host.getByRole('link', { name: /Kim Jong Un Visits/ });
      expect(await link.getAttribute('href')).toBe(
        `${site.url}/world/20230915/kim-jong-un-komsomolsk-on-amur.html`,
      );
      expect(await host.locator('time').textContent()).toContain('September 15, 2023');
      const image = host.locator('img[part="image"]');
      expect(await image.getAttribute('width')).toMatch(/^\d+$/);
      expect(await image.getAttribute('height')).toMatch(/^\d+$/);
      const credit = host.locator('figcaption [part="credit"]');
      expect(await credit.textContent()).toBe('© Sputnik');
      await expect(credit.isVisible()).resolves.toBe(true);
    }
    if (tag === 'wire-comment-prompt') await host.getByRole('link', { name: 'register' }).waitFor();
    await context.close();
  });

  // <wire-feed> too: a root attached at its upgrade took every widget inside out of the layout and put it back.
  it.each(WIDGETS)(
    '%s: the bundle hydrates it and its <wire-feed>, keeping every node, with no console message',
    async (name, tag) => {
      const { page, context } = await watchedPage(browser);
      await context.addInitScript(collectShadowNodes);
      const seen = messages(page);
      site.add(`/on-${tag}.html`, pageHtml({ body: snippets.get(name)! }), CSP);
      await page.goto(`${site.url}/on-${tag}.html`);
      const before = await page.evaluate((tag) => {
        const scope = window as unknown as Scope;
        scope.__before = { [tag]: scope.__shadowNodes(tag), 'wire-feed': scope.__shadowNodes('wire-feed') };
        return {
          widget: scope.__before[tag]!.length,
          slots: scope.__before['wire-feed']!.filter((node) => node.nodeName === 'SLOT').length,
        };
      }, tag);
      expect(before.widget).toBeGreaterThan(10);
      expect(before.slots).toBe(1);
      // import(), not a script tag: the page enforces Trusted Types for script URLs.
      await page.evaluate("import('/dist/wire-widgets.js')");
      await page.waitForFunction(
        (tag) => {
          const el = document.querySelector(tag) as
            (Element & { hasUpdated?: boolean; isUpdatePending?: boolean }) | null;
          return el?.hasUpdated === true && el.isUpdatePending === false;
        },
        tag,
        { timeout: 15_000 },
      );
      const kept = await page.evaluate((tag) => {
        const scope = window as unknown as Scope;
        return [tag, 'wire-feed'].map((host) => {
          const before = scope.__before[host]!;
          const after = scope.__shadowNodes(host);
          const same = before.filter((node, i) => after[i] === node).length;
          return { host, same, before: before.length, after: after.length };
        });
      }, tag);
      expect(kept).toEqual(kept.map(({ host, before }) => ({ host, same: before, before, after: before })));
      expect(seen).toEqual([]);
    },
  );

  it('a snippet an older version rendered falls back to a client render with no uncaught error', async () => {
    const { page } = await watchedPage(browser);
    const seen = messages(page);
    // Another template: the digest in each shadow root's first part marker (the card's, its <wire-feed>'s) no
    // longer matches the element's.
    const stale = snippets
      .get('card')!
      .replace(/(<template shadowroot[^>]*>[\s\S]*?<!--lit-part )[^-]+-->/g, '$1AAAAAAAAAAA=-->');
    expect(stale).not.toBe(snippets.get('card'));
    site.add(
      '/stale.html',
      pageHtml({ body: `${stale}<script type="module" src="/dist/wire-widgets.js"></script>` }),
      CSP,
    );
    await page.goto(`${site.url}/stale.html`);
    const card = page.locator('wire-article-card');
    await card.getByRole('link', { name: /Kim Jong Un Visits/ }).waitFor();
    expect(await card.getByRole('link').count()).toBe(1);
    expect(seen).toEqual([]);
  });

  it('a snippet whose <wire-feed> has no shadow root of its own (as earlier versions rendered it) still hydrates', async () => {
    const { page, context } = await watchedPage(browser);
    await context.addInitScript(collectShadowNodes);
    const seen = messages(page);
    const older = snippets
      .get('card')!
      .replace(/(<wire-feed[^>]*>)<template shadowroot[\s\S]*?<\/template>/, '$1');
    expect(older).not.toBe(snippets.get('card'));
    site.add('/older.html', pageHtml({ body: older }), CSP);
    await page.goto(`${site.url}/older.html`);
    const before = await page.evaluate(() => {
      const scope = window as unknown as Scope;
      scope.__before = { card: scope.__shadowNodes('wire-article-card') };
      return {
        nodes: scope.__before.card!.length,
        feedRoot: document.querySelector('wire-feed')!.shadowRoot,
      };
    });
    expect(before).toMatchObject({ feedRoot: null });
    await page.evaluate("import('/dist/wire-widgets.js')");
    await page
      .locator('wire-article-card')
      .getByRole('link', { name: /Kim Jong Un Visits/ })
      .waitFor();
    await page.waitForFunction(() => document.querySelector('wire-article-card')!.matches(':state(ready)'));
    const same = await page.evaluate(() => {
      const scope = window as unknown as Scope;
      const after = scope.__shadowNodes('wire-article-card');
      return scope.__before.card!.filter((node, i) => after[i] === node).length;
    });
    expect(same).toBe(before.nodes);
    expect(seen).toEqual([]);
  });

  it('a picture that failed before the bundle ran shows the placeholder once the card hydrates', async () => {
    const sample = JSON.parse(readFileSync(FEED, 'utf8')) as {
      items: { id: string; _wire: { image: object } }[];
    };
    const missing = {
      ...sample,
      items: sample.items.map((item) =>
        item.id === SAMPLE_IDS.first
          ? {
              ...item,
              _wire: { ...item._wire, image: { ...item._wire.image, url: '/gone.jpg', srcset: [] } },
            }
          : item,
      ),
    };
    const dir = mkdtempSync(join(tmpdir(), 'wire-hydrate-'));
    const file = join(dir, 'feed.json');
    writeFileSync(file, JSON.stringify(missing));
    const { stdout } = await run('node', [
      CLI,
      'render',
      file,
      '--widget',
      'article-card',
      '--base',
      `${site.url}/`,
    ]);
    rmSync(dir, { recursive: true });
    const { page, context, problems } = await watchedPage(browser);
    site.add('/broken-before.html', pageHtml({ body: stdout }), CSP);
    await page.goto(`${site.url}/broken-before.html`);
    const card = page.locator('wire-article-card');
    // The server's picture has failed, and no script has run yet to hear it. The page keeps hold of that very node.
    await page.waitForFunction(() => {
      const image = document
        .querySelector('wire-article-card')!
        .shadowRoot!.querySelector<HTMLImageElement>('img[part="image"]')!;
      (window as unknown as { __serverImage: HTMLImageElement }).__serverImage = image;
      return image.complete && image.naturalWidth === 0;
    });
    expect(await card.getByRole('img', { name: 'Image unavailable' }).count()).toBe(0);

    await page.evaluate("import('/dist/wire-widgets.js')");
    await card.getByRole('img', { name: 'Image unavailable' }).waitFor({ timeout: 15_000 });
    // The placeholder stands beside the server's own picture, which hydration kept: not a fresh render's, whose
    // new image would have reported its own error.
    const besideServerImage = await page.evaluate(() => {
      const image = (window as unknown as { __serverImage: HTMLImageElement }).__serverImage;
      return image.isConnected && image.nextElementSibling?.matches('.placeholder[role="img"]');
    });
    expect(besideServerImage).toBe(true);
    // The broken picture (its alt text) leaves the accessibility tree; the story and its credit stay.
    expect(await card.getByRole('img').count()).toBe(1);
    await card.getByRole('link', { name: /Kim Jong Un Visits/ }).waitFor();
    expect(await card.getByText('© Sputnik').count()).toBe(1);
    expect(problems(/HTTP 404 .*\/gone\.jpg$/)).toEqual([]);
    await context.close();
  });
});

describe('a bundle that runs while a snippet is still arriving', () => {
  // A streamed page (Next.js, Astro) with the bundle loaded `async` can define the elements while the parser is
  // inside a widget's shadow root. A page written with document.write and not closed is a parser waiting for more.
  it.each(WIDGETS.filter(([name]) => name !== 'story'))(
    '%s: hydrates what arrived whole, as if the bundle had come after it',
    async (name, tag, _args, shows) => {
      const { page, context } = await watchedPage(browser);
      await context.addInitScript(waitHelpers);
      const seen = messages(page);
      // The frames inherit this policy: inline styles for the snippets' own, no Trusted Types for document.write.
      site.add(
        '/pieces.html',
        pageHtml({ body: '' }),
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      );
      await page.goto(`${site.url}/pieces.html`);
      // Pretty-printed, as a CMS may store it: white space before each shadow root's template.
      const snippet = snippets
        .get(name)!
        .replace(new RegExp(`(<(?:wire-feed|${tag})\\b[^>]*>)(<template)`, 'g'), '$1\n  $2');
      expect(snippet).not.toBe(snippets.get(name));
      // Cut half-way through the feed's inline copy, before the widget's template, then inside the widget's own
      // shadow root: at its start, and a quarter, half and four fifths into it.
      const copy = snippet.indexOf('<script type="application/feed+json">');
      const copyEnd = snippet.indexOf('</script>', copy);
      const start = snippet.indexOf('>', snippet.indexOf('<template', snippet.indexOf(`<${tag}`))) + 1;
      const end = snippet.lastIndexOf(`</${tag}>`);
      const tagStarts = [...snippet.matchAll(/<[a-z]/g)].map((match) => match.index);
      const cuts = [
        Math.round((copy + copyEnd) / 2),
        snippet.indexOf('<template', snippet.indexOf(`<${tag}`)),
        ...[0, 0.25, 0.5, 0.8].map((share) =>
          share ? tagStarts.find((index) => index >= start + share * (end - start))! : start,
        ),
      ];
      expect(copy).toBeGreaterThan(0);
      const results = await page.evaluate(
        async ({ snippet, cuts, tag }) => {
          const { __tasks: tasks, __until: until } = window as unknown as Waits;
          /** What a reader gets: the widget's text and its elements, styles left out, nested roots included. */
          const shape = (root: ShadowRoot) => {
            const names: string[] = [];
            const walk = (parent: ParentNode) => {
              for (const element of parent.children) {
                if (element.localName === 'style') continue;
                names.push(element.localName);
                walk(element);
                if (element.shadowRoot) walk(element.shadowRoot);
              }
            };
            walk(root);
            const text = [...root.childNodes]
              .filter((node) => node.nodeName !== 'STYLE')
              .map((node) => node.textContent)
              .join('')
              .replace(/\s+/g, ' ')
              .trim();
            return { names: names.join(' '), text };
          };
          /** Writes the snippet into a new frame, the bundle running after `cut` characters (before them if none). */
          const load = async (cut?: number) => {
            const frame = document.body.appendChild(document.createElement('iframe'));
            const doc = frame.contentDocument!;
            const win = frame.contentWindow! as Window & typeof globalThis;
            doc.open();
            const errors: string[] = [];
            doc.addEventListener('wire-feed-error', (event) =>
              errors.push((event as CustomEvent<{ reason: string }>).detail.reason),
            );
            doc.write('<!doctype html><html lang="en"><body><main>');
            let definedEarly = false;
            if (cut !== undefined) {
              doc.write(snippet.slice(0, cut));
              // Added beside the parser, not written: written, it would land in the half-parsed shadow root.
              const bundle = doc.head.appendChild(doc.createElement('script'));
              bundle.type = 'module';
              bundle.src = '/dist/wire-widgets.js';
              await until(() => win.customElements.get(tag), `${tag} defined`);
              definedEarly = true;
              // Whatever the definition started (a queued hydration) runs in the tasks after it.
              await tasks(10);
              doc.write(snippet.slice(cut));
            } else doc.write(snippet);
            doc.write('</main>');
            if (cut === undefined) doc.write('<script type="module" src="/dist/wire-widgets.js"></script>');
            doc.close();
            await until(() => win.customElements.get(tag), `${tag} defined`);
            const widget = doc.querySelector(tag) as Element & {
              hasUpdated: boolean;
              updateComplete: Promise<boolean>;
            };
            await until(() => widget.hasUpdated, `${tag} updated`);
            while (!(await widget.updateComplete));
            await tasks(10);
            const result = { ...shape(widget.shadowRoot!), errors, definedEarly };
            frame.remove();
            return result;
          };
          const whole = await load();
          const pieces = [];
          for (const cut of cuts) pieces.push({ cut, ...(await load(cut)) });
          return { whole, pieces };
        },
        { snippet, cuts, tag },
      );
      expect(results.whole.text).toContain(shows);
      expect(results.whole.errors).toEqual([]);
      for (const piece of results.pieces)
        expect(piece, `bundle run after ${piece.cut} of ${snippet.length} characters`).toEqual({
          ...results.whole,
          cut: piece.cut,
          definedEarly: true,
        });
      expect(seen).toEqual([]);
      await context.close();
    },
  );

  // Lit's server renderer writes `defer-hydration` on a widget nested in another component's shadow root, and that
  // component's hydration removes it: here, while the parser is still inside the card's own shadow root. Lit's
  // hydrate support then connects the card itself. Connected a second time once the parser passed it, the card
  // subscribed twice to the page-wide clock that refreshes "2 hours ago" and let go of one; taken off the page before
  // that, it let go of neither. Either way the clock's interval outlived every widget. Taken off and put back while
  // it waited, it never subscribed again: its relative time stood still. Let go while off the page, Lit connected it
  // there, and putting it back connected it twice.
  it.each([
    ['once the parser has passed it', 'parsed'],
    ['while it still waits for the parser', 'waiting'],
    ['after it was taken off and put back while it waited', 'put back'],
    ['after it was let go off the page and put back while it waited', 'let go off the page'],
  ] as const)(
    'a card let go of defer-hydration while it waits keeps to the page clock until taken off %s',
    async (_when, when) => {
      const { page, context } = await watchedPage(browser);
      await context.addInitScript(waitHelpers);
      const seen = messages(page);
      site.add(
        '/deferred.html',
        pageHtml({ body: '' }),
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
      );
      await page.goto(`${site.url}/deferred.html`);
      const snippet = snippets
        .get('card')!
        .replace('<wire-article-card ', '<wire-article-card defer-hydration ');
      expect(snippet).not.toBe(snippets.get('card'));
      // A quarter into the card's shadow root: the card is in the document, its root half written.
      const start =
        snippet.indexOf('>', snippet.indexOf('<template', snippet.indexOf('<wire-article-card'))) + 1;
      const end = snippet.lastIndexOf('</wire-article-card>');
      const cut = [...snippet.matchAll(/<[a-z]/g)].find(
        (match) => match.index >= start + (end - start) / 4,
      )!.index;
      const result = await page.evaluate(
        async ({ snippet, cut, when }) => {
          const { __tasks: tasks, __until: until } = window as unknown as Waits;
          const frame = document.body.appendChild(document.createElement('iframe'));
          const doc = frame.contentDocument!;
          const win = frame.contentWindow! as Window & typeof globalThis;
          // The frame's intervals still running: the page clock is the only one a card starts.
          const running = new Set<number>();
          const setInterval = win.setInterval.bind(win);
          const clearInterval = win.clearInterval.bind(win);
          win.setInterval = ((...args: Parameters<typeof setInterval>) => {
            const id = setInterval(...args);
            running.add(id);
            return id;
          }) as typeof setInterval;
          win.clearInterval = ((id?: number) => {
            if (id !== undefined) running.delete(id);
            clearInterval(id);
          }) as typeof clearInterval;
          doc.open();
          // After open(), which takes every listener off the frame's window and document.
          const errors: string[] = [];
          win.addEventListener('error', (event) => errors.push(event.message));
          win.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
          doc.addEventListener('wire-feed-error', (event) =>
            errors.push((event as CustomEvent<{ reason: string }>).detail.reason),
          );
          doc.write('<!doctype html><html lang="en"><body><main>');
          doc.write(snippet.slice(0, cut));
          const bundle = doc.head.appendChild(doc.createElement('script'));
          bundle.type = 'module';
          bundle.src = '/dist/wire-widgets.js';
          await until(() => win.customElements.get('wire-article-card'), 'defined');
          await tasks(10);
          const card = doc.querySelector('wire-article-card') as Element & {
            hasUpdated: boolean;
            updateComplete: Promise<boolean>;
          };
          const deferred = card.hasAttribute('defer-hydration');
          const [parent, next] = [card.parentNode!, card.nextSibling];
          if (when === 'let go off the page') card.remove();
          card.removeAttribute('defer-hydration');
          await tasks(10);
          if (when === 'put back') {
            card.remove();
            await tasks(5);
          }
          if (when === 'put back' || when === 'let go off the page') {
            parent.insertBefore(card, next);
            await tasks(5);
          }
          let headline: string | undefined;
          if (when !== 'waiting') {
            doc.write(snippet.slice(cut));
            doc.write('</main>');
            doc.close();
            await until(() => card.hasUpdated, 'hydrated');
            while (!(await card.updateComplete));
            await tasks(10);
            headline = card.shadowRoot!.querySelector('[part="headline"]')?.textContent?.trim();
          }
          const whileShown = running.size;
          card.remove();
          await tasks(10);
          const afterwards = running.size;
          if (when === 'waiting') {
            doc.write(snippet.slice(cut));
            doc.write('</main>');
            doc.close();
            await tasks(10);
          }
          frame.remove();
          return { deferred, headline, whileShown, afterwards, errors };
        },
        { snippet, cut, when },
      );
      expect(result.deferred).toBe(true);
      if (when !== 'waiting') expect(result.headline).toContain('Kim Jong Un Visits');
      expect(result.whileShown).toBe(1);
      expect(result.afterwards).toBe(0);
      expect(result.errors).toEqual([]);
      expect(seen).toEqual([]);
      await context.close();
    },
  );

  it('a plain tag, the last thing a page never closed holds, draws without waiting for more', async () => {
    const { page, context } = await watchedPage(browser);
    site.add(
      '/open-frame.html',
      pageHtml({ body: '' }),
      "default-src 'self'; style-src 'self' 'unsafe-inline'",
    );
    site.add('/open-frame-feed.json', readFileSync(FEED, 'utf8'));
    await page.goto(`${site.url}/open-frame.html`);
    const headline = await page.evaluate(async (item) => {
      const frame = document.body.appendChild(document.createElement('iframe'));
      const doc = frame.contentDocument!;
      const win = frame.contentWindow! as Window & typeof globalThis;
      doc.open();
      // An ad slot's habit: the frame is written and never closed, so its document stays loading.
      doc.write('<!doctype html><html lang="en"><body><main>');
      const bundle = doc.head.appendChild(doc.createElement('script'));
      bundle.type = 'module';
      bundle.src = '/dist/wire-widgets.js';
      while (!win.customElements.get('wire-article-card')) await new Promise((done) => setTimeout(done, 10));
      doc.write(`<wire-article-card src="/open-frame-feed.json" item="${item}"></wire-article-card>`);
      const card = doc.querySelector('wire-article-card')!;
      const give = performance.now() + 20_000;
      while (!card.shadowRoot?.querySelector('[part="headline"] a') && performance.now() < give)
        await new Promise((done) => setTimeout(done, 10));
      return card.shadowRoot?.querySelector('[part="headline"] a')?.textContent?.trim();
    }, SAMPLE_IDS.first);
    expect(headline).toContain('Kim Jong Un Visits');
    await context.close();
  });

  it('a widget put on the page and taken off again while the page loads throws nothing', async () => {
    const { page, context } = await watchedPage(browser);
    site.add('/loading.html', pageHtml({ body: '' }), "default-src 'self'; style-src 'self' 'unsafe-inline'");
    await page.goto(`${site.url}/loading.html`);
    const errors = await page.evaluate(async () => {
      const frame = document.body.appendChild(document.createElement('iframe'));
      const doc = frame.contentDocument!;
      const win = frame.contentWindow! as Window & typeof globalThis;
      doc.open();
      const errors: string[] = [];
      win.addEventListener('error', (event) => errors.push(event.message));
      win.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
      doc.write('<!doctype html><html lang="en"><body><main>');
      const bundle = doc.head.appendChild(doc.createElement('script'));
      bundle.type = 'module';
      bundle.src = '/dist/wire-widgets.js';
      while (!win.customElements.get('wire-photo-gallery')) await new Promise((done) => setTimeout(done, 10));
      // Appended where the parser is: it waits for the parser, and is taken off before that ends.
      const main = doc.querySelector('main')!;
      for (const tag of ['wire-photo-gallery', 'wire-article-card', 'wire-feed'])
        main.appendChild(doc.createElement(tag)).remove();
      doc.write('</main>');
      doc.close();
      await new Promise((done) => setTimeout(done, 100));
      frame.remove();
      return errors;
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a server-rendered snippet and the live feed', () => {
  const sample = JSON.parse(readFileSync(FEED, 'utf8')) as { items: { id: string; _wire?: object }[] };
  /** The sample feed as the publisher serves it after changing the seed story's rights. */
  const liveFeed = (rights: Record<string, string>) =>
    JSON.stringify({
      ...sample,
      items: sample.items.map((item) =>
        item.id === SAMPLE_IDS.first ? { ...item, _wire: { ...item._wire, rights } } : item,
      ),
    });

  // Rendered while the story was usable; the publisher acts on it afterwards.
  it.each([
    ['killed', { pubstatus: 'canceled' }, 'This story has been withdrawn.'],
    ['put under embargo', { embargoed: '2099-01-01T00:00:00Z' }, 'This story is no longer available.'],
    ['expired', { expires: '2024-01-01T00:00:00Z' }, 'This story is no longer available here.'],
  ])('takes the story down once the live feed says it was %s', async (state, rights, notice) => {
    const path = `/live-${state.replaceAll(' ', '-')}.json`;
    site.add(path, liveFeed(rights));
    const { stdout } = await run('node', [
      CLI,
      'render',
      FEED,
      '--widget',
      'article-card',
      '--base',
      `${site.url}/`,
      '--live',
      `${site.url}${path}`,
    ]);
    const { page } = await watchedPage(browser);
    site.add(`/snippet${path}.html`, pageHtml({ body: stdout }), CSP);
    await page.goto(`${site.url}/snippet${path}.html`);
    const card = page.locator('wire-article-card');
    // What the server rendered shows first, and with JavaScript off stays.
    await card.getByRole('link', { name: /Kim Jong Un Visits/ }).waitFor();
    await page.evaluate("import('/dist/wire-widgets.js')");
    await card.getByText(notice).waitFor();
    expect(await card.getByText(/Kim Jong Un Visits/).count()).toBe(0);
    expect(await card.locator('img').count()).toBe(0);
    expect(site.hits(path)).toBe(1);
  });
});

describe('dist in Node', () => {
  it('imports every entry point, the standalone bundle included, without throwing', async () => {
    const entries = [
      'wire-widgets.js',
      'index.js',
      'define.js',
      'components/feed/feed.define.js',
      'ssr/index.js',
    ];
    const script = `for (const entry of ${JSON.stringify(entries)}) await import('./dist/' + entry);`;
    const { stdout, stderr } = await run(
      'node',
      ['--input-type=module', '-e', `${script} console.log('ok')`],
      {
        cwd: ROOT,
      },
    );
    expect([stdout.trim(), stderr]).toEqual(['ok', '']);
  });

  it('wire-widgets/ssr exports what src/ssr/index.ts exports, and nothing the build shares between its chunks', async () => {
    const source = readFileSync(resolve(ROOT, 'src/ssr/index.ts'), 'utf8');
    // The names in its export lists, types left out.
    const declared = [...source.matchAll(/export \{([^}]*)\}/g)]
      .flatMap((match) => match[1]!.split(','))
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type '));
    const { stdout } = await run(
      'node',
      [
        '--input-type=module',
        '-e',
        "console.log(Object.keys(await import('./dist/ssr/index.js')).join(' '))",
      ],
      { cwd: ROOT },
    );
    expect(stdout.trim().split(' ').sort()).toEqual(declared.sort());
  });

  it('the standalone bundle reads a faulty feed without warnings; the per-module build and the server keep them', async () => {
    const faulty = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: 'a', url: 'https://news.example/a', authors: [{}] }],
    });
    const script = `
      const warnings = async (entry) =>
        (await import('./dist/' + entry)).normalizeFeed(${faulty}, 'https://news.example/feed.json').warnings;
      console.log(JSON.stringify([await warnings('wire-widgets.js'), await warnings('index.js')]));`;
    const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: ROOT });
    const [bundle, modules] = JSON.parse(stdout) as [string[], string[]];
    expect(bundle).toEqual([]);
    expect(modules).toEqual(['items[0].authors[0]: no name or URL; dropped']);
    // The server render's copy is built apart (scripts/build.mjs): the CLI prints its warnings.
    const server = readdirSync(resolve(ROOT, 'dist/ssr')).filter((file) => file.endsWith('.js'));
    expect(server.map((file) => readFileSync(resolve(ROOT, 'dist/ssr', file), 'utf8')).join('\n')).toContain(
      'no name or URL; dropped',
    );
    expect(readFileSync(resolve(ROOT, 'dist/wire-widgets.js'), 'utf8')).not.toContain('no name or URL');
  });
});

describe('the CLI', () => {
  it('explains every option on --help, on stdout, exiting 0', async () => {
    for (const args of [['--help'], ['render', '-h']]) {
      const { stdout, stderr } = await run('node', [CLI, ...args]);
      expect(stderr).toBe('');
      for (const option of [
        '--widget',
        '--item',
        '--attr',
        '--base',
        '--live',
        '--no-live',
        '--head',
        '--index',
      ])
        expect(stdout, args.join(' ')).toContain(`  ${option} `);
    }
  });

  it('prints nothing on stdout and one line on stderr for bad input, exiting 1', async () => {
    const cases = [
      ['render', resolve(ROOT, 'nope.json'), '--widget', 'article-card'],
      ['render', FEED, '--widget', 'marquee'],
      ['render', FEED, '--widget', 'article-card', '--item', 'nope'],
      ['render', resolve(ROOT, 'package.json'), '--widget', 'article-card'],
      ['render', `${'http'}://127.0.0.1:1/feed.json`, '--widget', 'article-card'],
      ['render', FEED, '--widget', 'article-card', '--base', 'news.example'],
    ];
    for (const args of cases) {
      const failure = await run('node', [CLI, ...args]).then(
        () => undefined,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure?.code, args.join(' ')).toBe(1);
      expect(failure?.stdout).toBe('');
      expect(failure?.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('prints the snippet and says on stderr what it goes without: dropped URLs, a missing --base, no live feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wire-cli-'));
    const file = join(dir, 'feed.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Relative',
        items: [{ id: 'a', url: '/world/a.html', title: 'Relative links', image: '/a.jpg' }],
      }),
    );
    try {
      const bare = await run('node', [CLI, 'render', file, '--widget', 'article-card']);
      expect(bare.stdout).toContain('Relative links');
      // Without --base the story's link and picture are gone from the snippet, and stderr says so and why.
      expect(bare.stdout).not.toContain('/world/a.html');
      expect(bare.stderr.trimEnd().split('\n')).toEqual([
        'wire-widgets: warning: items[0].url: not an absolute URL: "/world/a.html"',
        'wire-widgets: warning: items[0].image: not an absolute URL: "/a.jpg"',
        expect.stringMatching(/^wire-widgets: hint: the snippet has no live feed, .* --live <url>/),
        expect.stringMatching(/^wire-widgets: hint: relative URLs are dropped without --base/),
      ]);
      // Said to go without a live feed, it is not told so again.
      const still = await run('node', [CLI, 'render', file, '--widget', 'article-card', '--no-live']);
      expect(still.stdout).toBe(bare.stdout);
      expect(still.stderr).toBe(
        bare.stderr.replace(/^wire-widgets: hint: the snippet has no live feed.*\n/m, ''),
      );
      expect(still.stderr).toContain('hint: relative URLs are dropped without --base');
      const complete = await run('node', [
        CLI,
        'render',
        file,
        '--widget',
        'article-card',
        '--base',
        'https://news.example/',
        '--live',
        'https://news.example/feed.json',
      ]);
      expect(complete.stdout).toContain('href="https://news.example/world/a.html"');
      expect(complete.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
