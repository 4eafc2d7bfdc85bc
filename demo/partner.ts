// The partner's one script, standing in for dist/wire-widgets.js in development, in the bundle's order: Lit's
// hydrate support before Lit (so the server-rendered story is adopted, not drawn again), the fallback for a stale
// snippet, then the elements.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../src/ssr/hydrate-fallback.js';
import '../src/define.js';
