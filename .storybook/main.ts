import type { StorybookConfig } from '@storybook/web-components-vite';

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
    return config;
  },
};

export default config;
