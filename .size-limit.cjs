// Size budgets, checked by `npm test` on the build (minified, gzip). The standalone bundle is measured on its own:
// the chunks it fetches on demand (floating-ui on the first popover, a language's strings on first use) have
// budgets of their own. Per-element entries show what a bundler user pays for one element, Lit included.
// Lazy chunks stay out of the figure they are loaded after (esbuild would otherwise inline dynamic imports).
const withoutLazyChunks = (config) => ({
  ...config,
  external: [
    ...(config.external ?? []),
    './wire-widgets/*',
    './floating.js',
    './locales/ru.js',
    // The same chunks as the autoloader's element chunks import them, from beside themselves.
    './floating-*',
    './ru-*',
    // The story's sanitiser (DOMPurify), fetched by the first <wire-story> with a body.
    './sanitize.js',
    './sanitize-*',
  ],
});

module.exports = [
  {
    // Issue 13 asks for 23 KB (stretch 19 KB); this is where it stands, not where it should be: 27.4 KB before the
    // 2026-11-28 work, then about +2 KB for Lit's hydrate support, +3 KB for <wire-story> (its sanitiser is a lazy
    // chunk, the element is not), and the rights model, render guard and state model. The limit stops growth.
    name: 'standalone bundle, every element (dist/wire-widgets.js)',
    path: 'dist/wire-widgets.js',
    limit: '37 KB',
    gzip: true,
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: 'lazy chunk: floating-ui (first popover)',
    path: 'dist/wire-widgets/floating-*.js',
    limit: '6.5 KB',
    gzip: true,
  },
  {
    name: 'autoloader alone (dist/wire-widgets.loader.js)',
    path: 'dist/wire-widgets.loader.js',
    limit: '1.5 KB',
    gzip: true,
  },
  {
    // What a page with one card fetches through the autoloader: the loader, the card's chunk and every chunk it
    // imports (Lit, the feed layer, the credit popover's element), bundled here into one figure. Issue 13 asks for
    // 14 KB; this is where it stands, most of it the feed layer (normalize.ts, loader.ts, text.ts, @lit/task).
    name: 'autoloader page with one <wire-article-card>',
    path: ['dist/wire-widgets.loader.js', 'dist/wire-widgets/article-card.js'],
    limit: '26 KB',
    gzip: true,
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    // DOMPurify (about 12 KB) and the story's sanitiser: fetched by the first <wire-story> with a body only. The
    // strings it shares with the bundle are already loaded, so only what the chunk adds is counted.
    name: 'lazy chunk: story sanitiser (DOMPurify)',
    path: 'dist/wire-widgets/sanitize-*.js',
    limit: '13.5 KB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({ ...config, external: [...(config.external ?? []), './i18n-*.js'] }),
  },
  { name: 'lazy chunk: Russian strings', path: 'dist/wire-widgets/ru-*.js', limit: '1.4 KB', gzip: true },
  {
    name: 'bundler entry: <wire-article-card>',
    path: 'dist/components/article-card/article-card.define.js',
    limit: '26 KB',
    gzip: true,
    modifyEsbuildConfig: withoutLazyChunks,
  },
  {
    name: 'bundler entry: <wire-photo-gallery>',
    path: 'dist/components/photo-gallery/photo-gallery.define.js',
    limit: '27.5 KB',
    gzip: true,
    modifyEsbuildConfig: withoutLazyChunks,
  },
];
