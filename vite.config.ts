import { defineConfig } from 'vite';

/**
 * The standalone bundle a site builder loads with one script tag: every element defined, Lit and everything
 * else inlined and minified. Code used only on interaction (floating-ui for popovers) is split into chunks
 * under dist/wire-widgets/ and fetched on first use.
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'wire-widgets.js',
    },
    rollupOptions: {
      output: {
        chunkFileNames: 'wire-widgets/[name]-[hash].js',
        minify: true,
      },
    },
  },
});
