import * as React from 'react';
import { createComponent } from '@lit/react';
import { WireArticleCard as WireArticleCardElement } from '../components/article-card/article-card.define.js';
import { cardEvents } from './events.js';

/** `<wire-article-card>`: one story as a card. `onWireCardClick` may call `preventDefault()` to route in-app. */
export const WireArticleCard = createComponent({
  react: React,
  tagName: 'wire-article-card',
  elementClass: WireArticleCardElement,
  events: cardEvents,
  displayName: 'WireArticleCard',
});
