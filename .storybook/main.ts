import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * The rolldown override in package.json (1.3, for the one-file bundle; see its commit) marks each lazy import's
 * preload list as `__VITE_PRELOAD__` followed by a hash, which Vite 8.3 does not expect: it replaces the marker and
 * leaves the hash, a syntax error that blanked every story of the static Storybook. The library's own build inserts
 * no preload lists. Until Vite and rolldown agree again, the hash goes before Vite reads the marker.
 */
const preloadMarkers: Plugin = {
  name: 'wire:storybook-preload-markers',
  renderChunk: (code) =>
    code.includes('__VITE_PRELOAD__')
      ? { code: code.replace(/__VITE_PRELOAD__[\da-f]{32}/g, '__VITE_PRELOAD__'), map: null }
      : null,
};

const config: StorybookConfig = {
  // The introduction and theming pages first, then the widgets.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The sample feed and its pictures, served at / as in the demo.
  staticDirs: ['../demo/public'],
  core: { disableTelemetry: true },
  viteFinal: (config) => {
    // One copy of Lit for stories and components, or Storybook warns "Multiple versions of Lit loaded".
    config.optimizeDeps = {
      ...config.optimizeDeps,
      include: [
        ...(config.optimizeDeps?.include ?? []),
        'lit',
        'lit/decorators.js',
        'lit/directive-helpers.js',
      ],
    };
    config.plugins = [...(config.plugins ?? []), preloadMarkers];
    return config;
  },
};

export default config;
