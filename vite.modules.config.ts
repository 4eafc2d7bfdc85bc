import { readdirSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import standalone from './vite.config.js';

/**
 * The per-module ESM build for bundler users: one file per source module (so a bundler can drop what a page does
 * not import), Lit and floating-ui left as dependencies to share with the rest of the app, template literals
 * minified as in the standalone bundle. Types come from tsc (emitDeclarationOnly).
 *
 * No source maps: this output is already readable (unminified, one file per module, names kept), the maps were
 * over a third of the package, and the app's bundler makes the maps its users debug with.
 */
const entries = Object.fromEntries(
  [
    'src/index.ts',
    'src/define.ts',
    'src/react/index.ts',
    ...readdirSync('src/components').map((name) => `src/components/${name}/${name}.define.ts`),
  ].map((file) => [file.replace(/^src\//, '').replace(/\.ts$/, ''), file]),
);

export default mergeConfig(
  standalone,
  defineConfig({
    // Left to the app's bundler, which may define it as the standalone bundle does: the normaliser reads an
    // undefined flag as "warnings on".
    define: { __WIRE_WARNINGS__: '__WIRE_WARNINGS__' },
    build: {
      sourcemap: false,
      minify: false,
      lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
      rollupOptions: {
        external: [/^lit($|\/)/, /^@lit\//, /^@floating-ui\//, /^react($|\/)/, /^dompurify($|\/)/],
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          minify: false,
          // The app's bundler tree-shakes by them. Rolldown keeps them in unminified output today; this says so should
          // a release apply the standalone build's setting here.
          comments: { annotation: true },
        },
      },
    },
  }),
);
