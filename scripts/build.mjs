// npm run build: the standalone bundle (Vite), per-module ESM for bundler users (Vite) with types (tsc), the
// server renderer (Vite, for Node), and the custom elements manifest (analyzer). Each step's tool does its own work;
// this only runs them in order.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'vite';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'vite.modules.config.ts']);
(await import('node:fs')).copyFileSync('src/styles/wire-widgets.css', 'dist/wire-widgets.css'); // reserves the widgets' boxes before they are defined
run('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'vite.loader.config.ts']);
// wire-widgets/ssr (and the CLI on top of it): one Node module with our sources inside and every dependency left
// to Node, which resolves Lit to its server build. Templates are minified as in the bundle (vite.config.ts).
await build({
  configFile: 'vite.config.ts',
  logLevel: 'warn',
  // The server keeps the normaliser's warnings: the CLI prints them.
  define: { __WIRE_WARNINGS__: 'true' },
  build: {
    lib: false,
    ssr: 'src/ssr/index.ts',
    outDir: 'dist/ssr',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      // The server imports the credit popover and the sanitiser statically, which the browser code imports lazily:
      // in one Node module that is as meant, and there is no chunk to split off.
      onwarn(warning, warn) {
        if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
      // Unminified, with Lit's `@__PURE__` marks kept as in the per-module build (vite.modules.config.ts).
      output: {
        entryFileNames: 'index.js',
        chunkFileNames: '[name]-[hash].js',
        minify: false,
        comments: { annotation: true },
      },
      // The module's exports are its API alone: code the lazy chunks share goes to a chunk of its own rather than
      // out of index.js under one-letter names.
      preserveEntrySignatures: 'strict',
    },
  },
});
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('npx', ['cem', 'analyze', '--quiet']);
run('node', ['scripts/manifest/generate.mjs']);
