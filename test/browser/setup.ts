// Widget tests assert Russian text right after the first render; the lazy-loading path itself is tested in
// test/browser/i18n.test.ts with a catalog of its own.
import { loadCatalog } from '../../src/i18n/i18n.js';

await loadCatalog('ru');

// Tests count requests in resource timing; the browser's default buffer of 250 entries fills with a gallery's or a
// hostile feed's pictures, and an entry dropped would hide a request a test must see.
performance.setResourceTimingBufferSize(10_000);
