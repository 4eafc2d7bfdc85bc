import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireStory as WireStoryElement } from '../components/story/story.define.js';
import { feedEvents } from './events.js';

/** `<wire-story>`: the full story for a partner's page, under the publisher's rights. */
export const WireStory = createComponent({
  react: React,
  tagName: 'wire-story',
  elementClass: WireStoryElement,
  events: feedEvents,
  displayName: 'WireStory',
});
