import { defineElement } from '../../shared/define.js';
import { WireRelatedStory } from './related-story.js';

defineElement('wire-related-story', WireRelatedStory);

export { WireRelatedStory };
