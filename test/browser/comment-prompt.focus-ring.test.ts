import { userEvent } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { changedPixels, cleanup, mount, pixels } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import type { WireCommentPrompt } from '../../src/components/comment-prompt/comment-prompt.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';

afterEach(cleanup);

it('shows the whole focus ring around the compact badge', async () => {
  const root = mount(
    '<button id="before">before</button><wire-comment-prompt variant="compact"></wire-comment-prompt>',
  );
  const prompt = root.querySelector<WireCommentPrompt>('wire-comment-prompt')!;
  prompt.feed = rawFeed([rawItem('story', { _wire: { comments: { status: 'open', count: 5 } } })]);
  await prompt.updateComplete;
  root.querySelector<HTMLElement>('#before')!.focus();
  const unfocused = await pixels(prompt);
  await userEvent.keyboard('{Tab}');
  expect(prompt.shadowRoot!.activeElement?.getAttribute('part')).toBe('badge');
  // A 2px ring all round changes about 4 × (width + height) pixels; clipped by the host's paint containment, it
  // kept only its sides (about 2 ×).
  const { width, height } = prompt.getBoundingClientRect();
  expect(changedPixels(unfocused, await pixels(prompt))).toBeGreaterThan(2.5 * (width + height));
});
