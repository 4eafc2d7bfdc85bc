import { defineElement } from '../../shared/define.js';
import '../credit-info/credit-info.define.js';
import { WireArticleCard } from './article-card.js';

defineElement('wire-article-card', WireArticleCard);

export { WireArticleCard };
