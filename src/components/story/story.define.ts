import { defineElement } from '../../shared/define.js';
import { WireStory } from './story.js';

defineElement('wire-story', WireStory);

export { WireStory };
