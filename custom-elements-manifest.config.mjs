import { existsSync, readFileSync, readdirSync } from 'node:fs';

/**
 * The manifest describes the package as published: tools that read it (editors, framework type generators,
 * Storybook) follow module paths into `dist/`, so every `src/…/*.ts` becomes the `dist/…/*.js` the package ships.
 */
const toDist = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');

function rewritePaths(value) {
  if (Array.isArray(value)) return value.forEach(rewritePaths);
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'path' || key === 'module') && typeof child === 'string') value[key] = toDist(child);
    else rewritePaths(child);
  }
}

/** Everything a declaration's consumers type against: its attributes and its members. */
const typedEntries = (declaration) => [...(declaration.attributes ?? []), ...(declaration.members ?? [])];

const customElements = (manifest) =>
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.customElement && d.tagName);

/**
 * Union aliases (`type CardLayout = 'stacked' | …`) are replaced by their members: an editor or a generated type
 * file outside the package cannot see the alias, and `layout: CardLayout` tells a reader nothing.
 */
function resolveAliases() {
  const aliases = new Map();
  return {
    name: 'wire-resolve-aliases',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      if (node.type.types.every((member) => ts.isLiteralTypeNode(member))) {
        aliases.set(node.name.text, node.type.getText());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const entry of customElementsManifest.modules
        .flatMap((m) => m.declarations ?? [])
        .flatMap(typedEntries)) {
        if (!entry.type?.text) continue;
        for (const [name, text] of aliases) {
          entry.type.text = entry.type.text.replace(new RegExp(`\\b${name}\\b`, 'g'), text);
        }
      }
    },
  };
}

/**
 * Event types come from `WireEventMap` (src/shared/events.ts), the one place that declares each event's detail.
 * A `@fires` tag naming an event missing from the map fails the build, so the two cannot drift apart.
 */
function eventTypes() {
  let typescript;
  return {
    name: 'wire-event-types',
    analyzePhase({ ts }) {
      typescript = ts;
    },
    packageLinkPhase({ customElementsManifest }) {
      const ts = typescript;
      const file = 'src/shared/events.ts';
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const map = source.statements.find(
        (s) => ts.isInterfaceDeclaration(s) && s.name.text === 'WireEventMap',
      );
      const types = new Map(map.members.map((member) => [member.name.text, member.type.getText(source)]));
      for (const element of customElements(customElementsManifest)) {
        for (const event of element.events ?? []) {
          const text = types.get(event.name);
          if (!text)
            throw new Error(`${element.tagName} fires ${event.name}, which WireEventMap does not declare`);
          event.type = { text };
        }
      }
    },
  };
}

/**
 * The raw feed a widget accepts as its `feed` property. Until the element classes declare it themselves, the
 * manifest names the package's `JsonFeed` type as soon as the package exports one.
 */
function feedType() {
  const exported = () =>
    readdirSync('src/feed').some((f) =>
      /\b(?:interface|type)\s+JsonFeed\b/.test(readFileSync(`src/feed/${f}`, 'utf8')),
    );
  return {
    name: 'wire-feed-type',
    packageLinkPhase({ customElementsManifest }) {
      if (!exported()) return;
      for (const element of customElements(customElementsManifest)) {
        const feed = element.members?.find((m) => m.kind === 'field' && m.name === 'feed');
        if (feed?.type?.text === 'unknown') feed.type = { text: 'JsonFeed | undefined' };
      }
    },
  };
}

/**
 * Feed widgets render in the language and direction of their own `lang` and `dir` (then their ancestors', the
 * feed's, the page's): global attributes, so the analyzer never sees them, but editors should offer them.
 */
function languageAttributes() {
  const attributes = [
    {
      name: 'lang',
      type: { text: 'string' },
      description:
        "Language to render in (a BCP 47 tag); otherwise the nearest ancestor's `lang`, the feed's `language`, the page's.",
    },
    {
      name: 'dir',
      type: { text: "'ltr' | 'rtl'" },
      description:
        "Writing direction; otherwise the nearest ancestor's `dir`, then the one the language is written in.",
    },
  ];
  return {
    name: 'wire-language-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const element of customElements(customElementsManifest)) {
        if (element.superclass?.name !== 'WireFeedElement') continue;
        const names = new Set((element.attributes ?? []).map((a) => a.name));
        element.attributes = [
          ...(element.attributes ?? []),
          ...attributes.filter((a) => !names.has(a.name)).map((a) => structuredClone(a)),
        ];
      }
    },
  };
}

/**
 * One module per define entry (`wire-widgets/article-card.js` → `dist/components/…/*.define.js`) with its
 * `custom-element-definition` export, read from the `defineElement('wire-…', Class)` call itself.
 */
function defineModules() {
  return {
    name: 'wire-define-modules',
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map(customElements(customElementsManifest).map((d) => [d.name, d]));
      const moduleOf = new Map(
        customElementsManifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => [d.name, m.path])),
      );
      const defines = readdirSync('src/components').map((name) => `src/components/${name}/${name}.define.ts`);
      for (const file of defines.filter((f) => existsSync(f))) {
        const [, tagName, className] =
          /defineElement\(\s*'([^']+)',\s*(\w+)\s*\)/.exec(readFileSync(file, 'utf8')) ?? [];
        if (!classes.has(className))
          throw new Error(`${file}: no defineElement call for a documented element`);
        if (classes.get(className).tagName !== tagName) {
          throw new Error(
            `${file} defines ${tagName}, but ${className} documents @tagname ${classes.get(className).tagName}`,
          );
        }
        const declaration = { name: className, module: moduleOf.get(className) };
        customElementsManifest.modules.push({
          kind: 'javascript-module',
          path: file,
          declarations: [],
          exports: [
            { kind: 'custom-element-definition', name: tagName, declaration },
            { kind: 'js', name: className, declaration },
          ],
        });
      }
    },
  };
}

function distPaths() {
  return {
    name: 'wire-dist-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewritePaths(customElementsManifest.modules);
    },
  };
}

export default {
  // The shared base class is analysed too, so inherited attributes (src, item, theme) appear on every widget.
  globs: ['src/components/**/*.ts', 'src/shared/wire-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.define.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  // Order matters: paths are rewritten last, after the plugins that look modules up by their source path.
  plugins: [resolveAliases(), eventTypes(), feedType(), languageAttributes(), defineModules(), distPaths()],
};
