import { defineElement } from '../../shared/define.js';
import { WireCommentPrompt } from './comment-prompt.js';

defineElement('wire-comment-prompt', WireCommentPrompt);

export { WireCommentPrompt };
