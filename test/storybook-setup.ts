// A story's `waitFor` gives up after Testing Library's default second, which a busy machine's first fetch of the
// sample feed or a chunk transformed on demand can take; Vitest's polls get the same patience (vitest.config.ts).
import { configure } from 'storybook/test';

configure({ asyncUtilTimeout: 30_000 });
