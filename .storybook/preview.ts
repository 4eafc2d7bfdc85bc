import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import manifest from '../custom-elements.json' with { type: 'json' };
import { loadCatalog } from '../src/i18n/i18n.js';
import { fitControls, publicManifest } from './manifest.js';
import '../src/define.js';

// Docs pages and controls come from the analyzer's manifest (npm run analyze writes it).
setCustomElementsManifest(publicManifest(manifest));

/** A toolbar switch; its first item, no value, leaves every story as it was written. */
const toolbar = (title: string, icon: string, items: [string, string][]) => ({
  description: title,
  toolbar: {
    title,
    icon,
    dynamicTitle: true,
    items: [
      { value: '', title: `${title}: as the story sets it` },
      ...items.map(([value, label]) => ({ value, title: label })),
    ],
  },
});

// The widths the demo's layout test checks (390, 768, 1280 px).
const viewports = {
  phone: { name: 'Phone', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet: { name: 'Tablet', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
  desktop: { name: 'Desktop', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
};

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    theme: toolbar('Theme', 'mirror', [
      ['light', 'Light'],
      ['dark', 'Dark'],
    ]),
    dir: toolbar('Direction', 'transfer', [
      ['ltr', 'Left to right'],
      ['rtl', 'Right to left'],
    ]),
    lang: toolbar('Language', 'globe', [
      ['en', 'English'],
      ['ru', 'Русский'],
    ]),
  },
  decorators: [
    // A toolbar choice fills the story's own arg when the story leaves it unset (a story about the dark theme
    // stays dark), and sets the surroundings that widgets without such an arg inherit from.
    (story, { args, globals }) => {
      const theme = (globals.theme as string) || undefined;
      const dir = (globals.dir as string) || undefined;
      const lang = (globals.lang as string) || undefined;
      if (!theme && !dir && !lang) return story();
      const filled = { ...args, theme: args.theme ?? theme, dir: args.dir ?? dir, lang: args.lang ?? lang };
      return html`<div
        dir=${ifDefined(dir)}
        lang=${ifDefined(lang)}
        style=${theme === 'dark' ? 'background: #18181b; color-scheme: dark; padding: 16px' : ''}
      >
        ${story({ args: filled })}
      </div>`;
    },
  ],
  // A story in Russian renders its first frame in Russian: the catalog chunk is fetched before the story.
  loaders: [() => loadCatalog('ru')],
  argTypesEnhancers: [({ argTypes }) => fitControls(argTypes)],
  parameters: {
    // Every story is an accessibility test: a violation fails the story's test run.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: { options: viewports },
    docs: { toc: true },
    options: { storySort: { order: ['Introduction', 'Design', 'Widgets', 'Building blocks', 'Feed'] } },
  },
};

export default preview;
