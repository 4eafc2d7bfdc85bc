import { page, userEvent } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { cleanup, mount, until } from '../../../test/browser/helpers.js';
import { galleryFeed, manyPhotos } from './photo-gallery.stories.js';
import type { WirePhotoGallery } from './photo-gallery.js';
import './photo-gallery.define.js';

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

it('shows a focus ring on the carousel when a keyboard reader tabs to it', async () => {
  const root = mount(
    '<button id="before">before</button><wire-photo-gallery thumbnails="off" style="width: 400px"></wire-photo-gallery>',
  );
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  gallery.feed = galleryFeed(manyPhotos(3, '/demo/public/images/'));
  await gallery.updateComplete;
  const section = gallery.shadowRoot!.querySelector('section')!;
  root.querySelector<HTMLElement>('#before')!.focus();
  await until(
    () => [...gallery.shadowRoot!.querySelectorAll('img')].every((img) => img.complete),
    5000,
    'images',
  );
  const unfocused = await pixels(gallery);
  await userEvent.keyboard('{Tab}');
  expect(gallery.shadowRoot!.activeElement).toBe(section);
  expect(section.matches(':focus-visible')).toBe(true);
  // The host's paint containment clips anything drawn outside it: the ring must be drawn inside, all round.
  const { width, height } = gallery.getBoundingClientRect();
  expect(changed(unfocused, await pixels(gallery))).toBeGreaterThan(2 * (width + height));
});
