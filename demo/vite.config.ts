import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** Serves the package's dist/wire-widgets.css, from its source, where the page links it: ./wire-widgets.css. */
const reservedBoxes: Plugin = {
  name: 'wire-widgets-css',
  configureServer(server) {
    server.middlewares.use('/wire-widgets.css', (_request, response) => {
      response.setHeader('content-type', 'text/css');
      response.end(readFileSync(new URL('../src/styles/wire-widgets.css', import.meta.url)));
    });
  },
};

// `npm start`: the demo page on the bundled sample feed (demo/public), no network and no setup needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  plugins: [reservedBoxes],
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
  // Port 5173 or none: the partner page (partner.html) shows the story as another site would, with its pictures at
  // the publisher's absolute URLs, http://localhost:5173/…; on another port they would not load.
  server: { port: 5173, strictPort: true, host: '127.0.0.1', fs: { allow: ['..'] } },
});
