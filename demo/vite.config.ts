import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm start`: the demo page on the bundled sample feed (demo/public), no network and no setup needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  // One copy of Lit for the page, or Lit warns "Multiple versions of Lit loaded".
  optimizeDeps: {
    include: [
      '@lit-labs/ssr-client/lit-element-hydrate-support.js',
      'lit',
      'lit/decorators.js',
      'lit/directive-helpers.js',
      '@lit/context',
      '@lit/task',
    ],
  },
  server: { port: 5173, host: '127.0.0.1', fs: { allow: ['..'] } },
});
