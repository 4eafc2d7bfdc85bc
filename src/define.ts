/**
 * The standalone entry: importing it defines every wire-widgets element. Each define tolerates a second load,
 * so two copies of the bundle on one page do not throw.
 */
import './components/feed/feed.define.js';
import './components/credit-info/credit-info.define.js';
import './components/article-card/article-card.define.js';
import './components/related-story/related-story.define.js';
import './components/comment-prompt/comment-prompt.define.js';
import './components/photo-gallery/photo-gallery.define.js';
import './components/story/story.define.js';

export * from './index.js';
