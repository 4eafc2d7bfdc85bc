import { defineElement } from '../../shared/define.js';
import { WireFeed } from './feed.js';

defineElement('wire-feed', WireFeed);

export { WireFeed };
