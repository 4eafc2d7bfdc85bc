/**
 * A host page whose scripts changed the built-in prototypes, as old libraries did: Prototype.js gave arrays a
 * `toJSON`, and a polluted `Object.prototype` gives every object a field it never had. The widgets still draw, and
 * no link they draw takes its address from a prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, inShadow, mount } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';

/** Gives `type.prototype` a field for the length of `run`. */
async function polluted(type: { prototype: object }, name: string, value: unknown, run: () => Promise<void>) {
  Object.defineProperty(type.prototype, name, { value, configurable: true, writable: true });
  try {
    await run();
  } finally {
    Reflect.deleteProperty(type.prototype, name);
  }
}

afterEach(cleanup);

describe('a page with polluted prototypes', () => {
  it('draws a card whose feed was read after arrays got a toJSON that makes them strings', async () => {
    await polluted(
      Array,
      'toJSON',
      function () {
        return 'an array';
      },
      async () => {
        const card = mount('<wire-article-card item="one"></wire-article-card>').querySelector(
          'wire-article-card',
        )!;
        card.feed = rawFeed([rawItem('one', { tags: ['Space'] })]);
        await card.updateComplete;
        inShadow(card).getByRole('link', { name: 'Story one' });
        inShadow(card).getByText('Space');
      },
    );
  });

  it('draws no javascript: link from a url that only Object.prototype has', async () => {
    await polluted(Object, 'url', 'javascript:alert(document.domain)', async () => {
      const prompt = mount('<wire-comment-prompt item="one"></wire-comment-prompt>').querySelector(
        'wire-comment-prompt',
      )!;
      // The feed gives the comments no `url` of their own: the prompt would read the prototype's.
      prompt.feed = rawFeed([rawItem('one', { _wire: { comments: { count: 5, status: 'open' } } })]);
      await prompt.updateComplete;
      await inShadow(prompt).findByText(/5/);
      const hrefs = [...prompt.shadowRoot!.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(hrefs.filter((href) => href && !/^https?:/.test(href))).toEqual([]);
    });
  });
});
