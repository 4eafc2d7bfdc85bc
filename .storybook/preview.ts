import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json' with { type: 'json' };
import { loadCatalog } from '../src/i18n/i18n.js';
import '../src/define.js';

// Controls and docs come from the analyzer's manifest (npm run analyze writes it).
setCustomElementsManifest(manifest);

const preview: Preview = {
  // A story in Russian renders its first frame in Russian: the catalog chunk is fetched before the story.
  loaders: [() => loadCatalog('ru')],
  parameters: {
    // Every story is an accessibility test: a violation fails the story's test run.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
