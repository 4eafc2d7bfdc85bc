import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json' with { type: 'json' };
import '../src/define.js';

// Controls and docs come from the analyzer's manifest (npm run analyze writes it).
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    // Every story is an accessibility test: a violation fails the story's test run.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
