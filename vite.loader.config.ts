import { readdirSync } from 'node:fs';
import MagicString from 'magic-string';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import standalone from './vite.config.js';

/**
 * The autoloader build: `dist/wire-widgets.loader.js` and, under `dist/wire-widgets/`, one entry per element
 * (`<name>.js`, the names the loader asks for), the hydrate support (`hydrate.js`) and the chunks they share (Lit,
 * the feed layer). Minified and Node-safe as the standalone bundle (its plugins come with its config).
 */
const HYDRATE = 'virtual:wire-hydrate';

/**
 * Lit's hydrate support and its stale-snippet fallback, as their own entry: the loader evaluates it before any
 * element chunk, as it must run before Lit's LitElement module does. It reaches only lit-html, which therefore lands
 * in a chunk of its own, apart from LitElement.
 */
function hydrateEntry(): Plugin {
  const id = `\0${HYDRATE}`;
  return {
    name: 'wire:hydrate-entry',
    resolveId: (source) => (source.endsWith(HYDRATE) ? id : null),
    load: (source) =>
      source === id
        ? [
            "import '@lit-labs/ssr-client/lit-element-hydrate-support.js';",
            "import '/src/ssr/hydrate-fallback.ts';",
          ].join('\n')
        : null,
  };
}

/**
 * Writes the chunk graph into the loader (`__WIRE_CHUNKS__` in src/autoloader.ts): for each entry under
 * `wire-widgets/`, every chunk it imports, directly or through another, so that the loader can ask for them all at
 * once. The file names still hold the hash placeholders, which the bundler fills in here as in import statements.
 * A loader left without its graph would still work, one round trip after another, and nothing would say so: the
 * build stops instead.
 */
function chunkGraph(): Plugin {
  const PLACEHOLDER = '__WIRE_CHUNKS__';
  let written = 0;
  return {
    name: 'wire:chunk-graph',
    buildStart() {
      written = 0;
    },
    renderChunk(code, _chunk, _options, { chunks }) {
      const at = code.indexOf(PLACEHOLDER);
      if (at < 0) return null;
      if (code.includes(PLACEHOLDER, at + 1)) this.error(`${PLACEHOLDER} is read more than once`);
      const file = (path: string) =>
        /^wire-widgets\/(.+)\.js$/.exec(path)?.[1] ?? this.error(`${path} is not in wire-widgets/`);
      const imported = (path: string, into = new Set<string>()): Set<string> => {
        for (const dependency of chunks[path]?.imports ?? [])
          if (!into.has(dependency)) imported(dependency, into.add(dependency));
        return into;
      };
      const graph: Record<string, string[]> = {};
      for (const entry of Object.values(chunks))
        if (entry.isEntry && entry.fileName.startsWith('wire-widgets/'))
          graph[file(entry.fileName)] = [...imported(entry.fileName)].map(file);
      written++;
      const output = new MagicString(code).overwrite(at, at + PLACEHOLDER.length, JSON.stringify(graph));
      return { code: output.toString(), map: output.generateMap({ hires: true }) };
    },
    generateBundle() {
      if (written !== 1) this.error(`${PLACEHOLDER} written into ${written} chunks, not the loader alone`);
    },
  };
}

const elements = Object.fromEntries(
  readdirSync('src/components').map((name) => [
    `wire-widgets/${name}`,
    `src/components/${name}/${name}.define.ts`,
  ]),
);

export default mergeConfig(
  standalone,
  defineConfig({
    plugins: [hydrateEntry(), chunkGraph()],
    build: {
      lib: {
        entry: { 'wire-widgets.loader': 'src/autoloader.ts', 'wire-widgets/hydrate': HYDRATE, ...elements },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      // Each element's entry exports only itself: what the entries share goes to common chunks, not into
      // whichever entry came first (which a page with another element would then fetch whole).
      rollupOptions: { preserveEntrySignatures: 'strict' },
    },
  }),
);
