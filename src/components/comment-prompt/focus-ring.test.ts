import { page, userEvent } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { cleanup, mount } from '../../../test/browser/helpers.js';
import { rawFeed, rawItem } from '../../../test/fixtures.js';
import type { WireCommentPrompt } from './comment-prompt.js';
import './comment-prompt.define.js';

afterEach(cleanup);

async function pixels(element: Element): Promise<Uint8ClampedArray> {
  const image = new Image();
  image.src = `data:image/png;base64,${await page.screenshot({ element, save: false })}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height).data;
}

/** Pixels that changed clearly (not anti-aliasing noise). */
function changed(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4)
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(a[i + c]! - b[i + c]!))) > 48) count++;
  return count;
}

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
  expect(changed(unfocused, await pixels(prompt))).toBeGreaterThan(2.5 * (width + height));
});
