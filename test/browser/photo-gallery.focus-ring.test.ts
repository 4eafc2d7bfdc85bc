import { userEvent } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { changedPixels, cleanup, mount, pixels, until } from './helpers.js';
import { galleryFeed, manyPhotos } from '../../stories/photo-gallery.stories.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

afterEach(cleanup);

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
  expect(changedPixels(unfocused, await pixels(gallery))).toBeGreaterThan(2 * (width + height));
});
