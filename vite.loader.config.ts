import { readdirSync } from 'node:fs';
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

const elements = Object.fromEntries(
  readdirSync('src/components').map((name) => [
    `wire-widgets/${name}`,
    `src/components/${name}/${name}.define.ts`,
  ]),
);

export default mergeConfig(
  standalone,
  defineConfig({
    plugins: [hydrateEntry()],
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
