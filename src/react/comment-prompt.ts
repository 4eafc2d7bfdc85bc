import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireCommentPrompt as WireCommentPromptElement } from '../components/comment-prompt/comment-prompt.define.js';
import { feedEvents, wireEvent } from './events.js';

/** `<wire-comment-prompt>`: the comment count and the way into the discussion. */
export const WireCommentPrompt = createComponent({
  react: React,
  tagName: 'wire-comment-prompt',
  elementClass: WireCommentPromptElement,
  events: {
    ...feedEvents,
    onWireLoginRequest: wireEvent('wire-login-request'),
    onWireRegisterRequest: wireEvent('wire-register-request'),
    onWireCommentRequest: wireEvent('wire-comment-request'),
  },
  displayName: 'WireCommentPrompt',
});
