import { defineElement } from '../../shared/define.js';
import { WireArticleCard } from './article-card.js';

defineElement('wire-article-card', WireArticleCard);

export { WireArticleCard };
