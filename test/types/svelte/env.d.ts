import 'wire-widgets/types/svelte.js';
