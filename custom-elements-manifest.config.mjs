export default {
  // The shared base class is analysed too, so inherited attributes (src, item, theme) appear on every widget.
  globs: ['src/components/**/*.ts', 'src/shared/wire-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.define.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
