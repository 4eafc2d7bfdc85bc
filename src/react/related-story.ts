import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireRelatedStory as WireRelatedStoryElement } from '../components/related-story/related-story.define.js';
import { cardEvents } from './events.js';

/** `<wire-related-story>`: teasers for stories related to one item. */
export const WireRelatedStory = createComponent({
  react: React,
  tagName: 'wire-related-story',
  elementClass: WireRelatedStoryElement,
  events: cardEvents,
  displayName: 'WireRelatedStory',
});
