import 'wire-widgets/types/vue.js';
