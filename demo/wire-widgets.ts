// Stands in for dist/wire-widgets.js during development: the same entry, served from source by Vite.
import '../src/define.js';
