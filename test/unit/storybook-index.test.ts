import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright';
import { describe, expect, it } from 'vitest';
import { controlFor, fitControls, publicManifest, type ArgType } from '../../.storybook/manifest.js';
import { tokens } from '../../stories/tokens.js';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const STORIES = join(ROOT, 'stories');
const STATIC = join(ROOT, 'storybook-static');
const INDEX = join(STATIC, 'index.json');

interface Attribute {
  name: string;
  type?: { text: string };
}
interface Element {
  tagName: string;
  attributes?: Attribute[];
  cssProperties?: { name: string }[];
  members?: { name: string; privacy?: string; type?: { text: string } }[];
}
interface IndexEntry {
  id: string;
  title: string;
  type: 'docs' | 'story';
  importPath: string;
  storiesImports?: string[];
}

interface ElementManifest {
  modules: { declarations?: Element[] }[];
}

const manifest = (): ElementManifest => JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const elements = (m = manifest()): Element[] =>
  m.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName);

/** The stories file that documents each tag: the one whose meta says `component: '<tag>'`. */
function storiesFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(STORIES).filter((file) => file.endsWith('.stories.ts'))) {
    const tag = /\bcomponent: '([a-z-]+)'/.exec(readFileSync(join(STORIES, name), 'utf8'))?.[1];
    if (tag) files.set(tag, `./stories/${name}`);
  }
  return files;
}

/** The tags without a docs page in a Storybook index: no stories file names them, or its file has no docs entry. */
export function missingDocs(entries: IndexEntry[], tags: string[], files: Map<string, string>): string[] {
  const documented = new Set(
    entries
      .filter((entry) => entry.type === 'docs')
      .flatMap((entry) => [entry.importPath, ...(entry.storiesImports ?? [])]),
  );
  return tags.filter((tag) => !documented.has(files.get(tag) ?? `no stories file for ${tag}`));
}

describe('controls from the manifest', () => {
  it('gives every attribute of every element a switch, a choice or a box, never an object editor', () => {
    const attributes = elements().flatMap((element) =>
      (element.attributes ?? []).map((attribute) => ({
        attribute: `${element.tagName} ${attribute.name}`,
        type: attribute.type?.text,
      })),
    );
    expect(attributes.length).toBeGreaterThan(20);
    expect(attributes.filter(({ type }) => controlFor(type) === false)).toEqual([]);
  });

  it('offers on/off for captions, the four layouts, and a switch for signed-in', () => {
    expect(controlFor("'on' | 'off'")).toEqual({ type: 'inline-radio', options: ['on', 'off'] });
    expect(controlFor("'stacked' | 'horizontal' | 'compact' | 'hero'")).toEqual({
      type: 'inline-radio',
      options: ['stacked', 'horizontal', 'compact', 'hero'],
    });
    expect(controlFor("'light' | 'dark' | undefined")).toEqual({
      type: 'inline-radio',
      options: [undefined, 'light', 'dark'],
    });
    expect(controlFor('boolean')).toEqual({ type: 'boolean' });
    expect(controlFor('JsonFeed | Feed | undefined')).toBe(false);
  });

  it('keeps one control per setting: the attribute twin of a property is listed but not offered twice', () => {
    const argTypes: Record<string, ArgType> = {
      headingLevel: { name: 'headingLevel', type: { name: 'number' }, table: { category: 'properties' } },
      'heading-level': { name: 'heading-level', type: { name: 'number' }, table: { category: 'attributes' } },
      captions: { name: 'captions', type: { name: "'on' | 'off'" }, table: { category: 'attributes' } },
      '--wire-card-gap': {
        name: '--wire-card-gap',
        type: { name: 'void' },
        table: { category: 'css custom properties' },
      },
      layout: { name: 'layout', control: 'select', table: { category: 'attributes' } },
    };
    const fitted = fitControls(argTypes);
    expect(fitted.headingLevel!.control).toEqual({ type: 'number' });
    expect(fitted['heading-level']!.control).toBe(false);
    expect(fitted.captions!.control).toEqual({ type: 'inline-radio' });
    expect(fitted.captions!.options).toEqual(['on', 'off']);
    expect(fitted['--wire-card-gap']!.control).toBe(false);
    // A story's own choice of control stands.
    expect(fitted.layout!.control).toBe('select');
  });

  it('leaves private and protected fields out of the docs tables', () => {
    const gallery = elements(publicManifest(manifest())).find(
      (element) => element.tagName === 'wire-photo-gallery',
    )!;
    const names = gallery.members!.map((member) => member.name);
    expect(names).toEqual(expect.arrayContaining(['captions', 'thumbnails', 'loop', 'src', 'feed']));
    expect(names).not.toContain('index');
    expect(gallery.members!.filter((member) => member.privacy)).toEqual([]);
  });
});

describe('the theming page', () => {
  /** Every `var(--wire-…, fallback)` in src/, with `var(--_x)` fallbacks named by the global token behind them. */
  function fallbacks(): Map<string, Set<string>> {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? files(join(dir, entry.name))
          : entry.name.endsWith('.ts')
            ? [join(dir, entry.name)]
            : [],
      );
    const sources = files(join(ROOT, 'src')).map((file) => readFileSync(file, 'utf8'));
    const aliases = new Map<string, string>();
    for (const text of sources)
      for (const [, alias, token] of text.matchAll(/(--_[a-z]+): var\((--wire-[a-z-]+)/g))
        aliases.set(alias!, token!);
    const found = new Map<string, Set<string>>();
    for (const text of sources)
      for (const [, name, raw] of text.matchAll(/var\((--wire-[a-z0-9-]+),\s*((?:[^()]|\([^()]*\))+)\)/g)) {
        const value = raw!
          .replace(/\s*!important$/, '')
          .replace(/^var\((--_[a-z]+)\)$/, (_, alias: string) => `var(${aliases.get(alias)})`)
          .trim();
        found.set(name!, (found.get(name!) ?? new Set()).add(value));
      }
    return found;
  }

  it('lists every --wire-* token the widgets read, and no other', () => {
    expect(tokens.map((token) => token.name).sort()).toEqual([...fallbacks().keys()].sort());
  });

  it('gives each token the default the widgets fall back to (light and dark where they differ)', () => {
    const found = fallbacks();
    const wrong = tokens.filter((token) => {
      const expected = token.dark ? `light-dark(${token.light}, ${token.dark})` : token.light;
      return !found.get(token.name)?.has(expected);
    });
    expect(wrong.map((token) => [token.name, [...(found.get(token.name) ?? [])]])).toEqual([]);
  });

  it('documents each token in the manifest of every element the theming page lists it for, and in the README', () => {
    const declared = new Map(
      elements().map((element) => [element.tagName, (element.cssProperties ?? []).map((p) => p.name)]),
    );
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = tokens.flatMap((token) => [
      ...token.elements
        .filter((tag) => !declared.get(tag)?.includes(token.name))
        .map((tag) => `${token.name} not in ${tag}'s manifest`),
      ...(readme.includes(`\`${token.name}\``) ? [] : [`${token.name} not in README.md`]),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('the Storybook build', () => {
  it('finds an element without a docs page', () => {
    const entries: IndexEntry[] = [
      { id: 'a--docs', title: 'A', type: 'docs', importPath: './stories/a.stories.ts' },
      { id: 'b--default', title: 'B', type: 'story', importPath: './stories/b.stories.ts' },
    ];
    const files = new Map([
      ['wire-a', './stories/a.stories.ts'],
      ['wire-b', './stories/b.stories.ts'],
    ]);
    expect(missingDocs(entries, ['wire-a', 'wire-b', 'wire-c'], files)).toEqual(['wire-b', 'wire-c']);
  });

  // The index exists only after `npm run build-storybook` (about two minutes on the busy 2-core machine), which
  // `npm test` does not run; `npm run test:storybook-index` builds it and sets STORYBOOK_INDEX so a missing index
  // fails.
  const built = existsSync(INDEX);
  it.runIf(built || process.env.STORYBOOK_INDEX)('has a docs page for every element in the manifest', () => {
    const entries = Object.values(
      (JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
    );
    const tags = elements().map((element) => element.tagName);
    expect(tags.length).toBeGreaterThanOrEqual(6);
    expect(missingDocs(entries, tags, storiesFiles())).toEqual([]);
    const pages = entries.filter((entry) => entry.type === 'docs').map((entry) => entry.title);
    expect(pages).toEqual(expect.arrayContaining(['Introduction', 'Design/Theming']));
  });

  // The index says nothing about whether the built stories run: a bundling fault once left every story of the
  // static Storybook a syntax error while the index and `storybook dev` were fine.
  // Only when the script has just built it: a build left over from an earlier tree would test that tree.
  it.runIf(process.env.STORYBOOK_INDEX)('shows a story from the static build', async () => {
    const types: Record<string, string> = {
      '.html': 'text/html',
      '.css': 'text/css',
      '.js': 'text/javascript',
      '.json': 'application/json',
    };
    const server = createServer((request, response) => {
      const path = resolve(STATIC, `.${decodeURIComponent(new URL(request.url!, 'http://x').pathname)}`);
      if (!path.startsWith(STATIC + sep) || !existsSync(path) || !extname(path))
        response.writeHead(404).end();
      else
        response
          .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
          .end(readFileSync(path));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const { port } = server.address() as AddressInfo;
      await page.goto(
        `http://127.0.0.1:${port}/iframe.html?id=widgets-article-card--seed-story&viewMode=story`,
      );
      const heading = page.locator('wire-article-card').getByRole('heading');
      // Waits for the card, then says why it never came: the page's own errors first.
      await heading.waitFor({ timeout: 60_000 }).catch(() => undefined);
      expect(errors).toEqual([]);
      expect(await heading.textContent()).toContain('Kim Jong Un');
    } finally {
      await browser.close();
      server.close();
    }
  });
});
