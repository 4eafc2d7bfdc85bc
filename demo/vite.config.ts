import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm start`: the demo page on the bundled sample feed (demo/public), no network and no setup needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: 'public',
  server: { port: 5173, host: '127.0.0.1', fs: { allow: ['..'] } },
});
