import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';
import { litTrustedTypes } from './scripts/vite/lit-trusted-types.js';

/**
 * Lit's html`` and css`` templates are strings to a minifier, so their indentation and comments would ship as
 * they are written. This collapses them at build time (HTML with html-minifier-terser, CSS with clean-css): the 1.x
 * line of minify-literals, because 2.x and its minifiers need Node 22 and the same templates come out as small.
 */
function minifyTemplateLiterals(): Plugin {
  return {
    name: 'wire:minify-template-literals',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      // Whitespace next to block tags goes: it was 47 of a card's 150 nodes (text nodes of one space, each cloned,
      // inserted and styled 1000 times for 1000 cards). Spaces between inline content stay, including those
      // between two expressions. Whitespace at either end of a template goes too, so a space that is content
      // belongs between two expressions of the template around it, never at the end of an inner one.
      const result = await minifyHTMLLiterals(code, {
        fileName: id,
        minifyOptions: { conservativeCollapse: false },
      });
      return result ? { code: result.code, map: result.map?.toString() } : null;
    },
  };
}

/**
 * The standalone bundle's entry: Lit's hydration support, its fallback for snippets that no longer match
 * (`src/ssr/hydrate-fallback.ts`), then every element (`src/define.ts`).
 */
const STANDALONE = 'virtual:wire-standalone';

/**
 * Server-rendered snippets hydrate only when Lit's hydrate support has run before Lit itself (it patches LitElement
 * as lit-element.js evaluates). Only the standalone bundle carries it: the per-module build leaves Lit to the
 * page, whose own entry must load the support first.
 */
function standaloneEntry(): Plugin {
  const id = `\0${STANDALONE}`;
  return {
    name: 'wire:standalone-entry',
    // Library mode hands the entry over as a path under the project root.
    resolveId: (source) => (source.endsWith(STANDALONE) ? id : null),
    load: (source) =>
      source === id
        ? [
            "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';",
            "import '/src/ssr/hydrate-fallback.ts';",
            "export * from '/src/define.ts';",
          ].join('\n')
        : null,
  };
}

/**
 * Lit's browser build reads `HTMLElement`, `document` and (for each element's styles) `CSSStyleSheet` as it loads, so importing the bundle in Node (a server
 * that only wants the classes, a test runner) threw "HTMLElement is not defined". Lit's own Node build does the
 * same things with fallbacks; these replacements (about 90 bytes) do it inside the browser build, without
 * the Node build's DOM shim. A Lit release that changes one of these lines fails the build here rather than in Node.
 */
function nodeSafeLit(): Plugin {
  const patches: [RegExp, RegExp, string][] = [
    [
      /@lit\/reactive-element\/reactive-element\.js$/,
      /\bextends HTMLElement\{/,
      'extends(globalThis.HTMLElement??class{}){',
    ],
    [
      /@lit\/reactive-element\/css-tag\.js$/,
      /\?t=>t:t=>t instanceof CSSStyleSheet/,
      '||!globalThis.CSSStyleSheet?t=>t:t=>t instanceof CSSStyleSheet',
    ],
    [
      /lit-html\/lit-html\.js$/,
      /([,;])(\w+)=document,/,
      '$1$2=globalThis.document??{createTreeWalker:()=>({})},',
    ],
  ];
  return {
    name: 'wire:node-safe-lit',
    apply: 'build',
    transform(code, id) {
      const patch = patches.find(([file]) => file.test(id));
      if (!patch) return null;
      const [, pattern, replacement] = patch;
      if (!pattern.test(code)) throw new Error(`wire:node-safe-lit: ${pattern} not found in ${id}`);
      return { code: code.replace(pattern, replacement), map: null };
    },
  };
}

/**
 * The standalone bundle a site builder loads with one script tag: every element defined, Lit and everything
 * else inlined and minified. Code used only on interaction (floating-ui for popovers) is split into chunks
 * under dist/wire-widgets/ and fetched on first use.
 */
export default defineConfig({
  plugins: [minifyTemplateLiterals(), standaloneEntry(), nodeSafeLit(), litTrustedTypes()],
  // The normaliser's warnings (src/feed/normalize.ts) are for a developer reading a feed in Node or a test; the
  // browser builds leave their text out.
  define: { __WIRE_WARNINGS__: 'false' },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: STANDALONE,
      formats: ['es'],
      fileName: () => 'wire-widgets.js',
    },
    rollupOptions: {
      // The modules the bundle shares with its lazy chunks (Lit, the base classes, the feed layer for the story's
      // chunk) stay in the bundle, which the chunks then import from: under the library default ('strict') they
      // went to a common chunk, and the one-file bundle became three files fetched one after another.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'wire-widgets/[name]-[hash].js',
        minify: true,
        // `/* @__PURE__ */` marks are for a bundler that tree-shakes the code again; these files are what browsers
        // run (47 marks in the standalone bundle, 75 bytes of its gzip). The per-module build keeps them.
        comments: { annotation: false },
      },
    },
  },
});
