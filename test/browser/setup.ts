// Widget tests assert Russian text right after the first render; the lazy-loading path itself is tested in
// test/browser/i18n.test.ts with a catalog of its own.
import { loadCatalog } from '../../src/i18n/i18n.js';

await loadCatalog('ru');
