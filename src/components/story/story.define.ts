import { defineElement } from '../../shared/define.js';
import '../credit-info/credit-info.define.js';
import { WireStory } from './story.js';

defineElement('wire-story', WireStory);

export { WireStory };
