import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's html`` and css`` templates are strings to a minifier, so their indentation and comments would ship as
 * they are written. This collapses them at build time (HTML with html-minifier-next, CSS with Lightning CSS).
 */
function minifyTemplateLiterals(): Plugin {
  return {
    name: 'wire:minify-template-literals',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      // conservativeCollapse keeps one space where the source had some: a template like html`<b>x</b> ` is
      // followed by more text at run time, so that space is content.
      const result = await minifyHTMLLiterals(code, { fileName: id, html: { conservativeCollapse: true } });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * The standalone bundle a site builder loads with one script tag: every element defined, Lit and everything
 * else inlined and minified. Code used only on interaction (floating-ui for popovers) is split into chunks
 * under dist/wire-widgets/ and fetched on first use.
 */
export default defineConfig({
  plugins: [minifyTemplateLiterals()],
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
