// Size budgets, checked by `npm test` on the minified build (gzip). The standalone bundle is measured on its
// own: chunks it loads on first interaction (floating-ui for popovers) are budgeted separately, not counted in.
module.exports = [
  {
    name: 'standalone bundle, every element (dist/wire-widgets.js)',
    path: 'dist/wire-widgets.js',
    limit: '12 KB',
    gzip: true,
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [...(config.external ?? []), './wire-widgets/*'],
    }),
  },
];
