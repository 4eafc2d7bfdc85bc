import { afterEach, expect, it } from 'vitest';
import { cleanup, mount, nextEvent } from './helpers.js';
import { galleryFeed, manyPhotos } from '../../stories/photo-gallery.stories.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

afterEach(cleanup);

it('closes the lightbox, with its event, when the gallery goes away under it, and opens it again later', async () => {
  const root = mount('<wire-photo-gallery></wire-photo-gallery>');
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  gallery.feed = galleryFeed(manyPhotos(3, '/demo/public/images/'));
  await gallery.updateComplete;
  const dialog = () => gallery.shadowRoot!.querySelector('dialog');
  await gallery.openLightbox();
  expect(dialog()!.open).toBe(true);
  // The page swaps in a feed where the item has no photos: the gallery shows its quiet message instead.
  const closed = nextEvent<CustomEvent>(gallery, 'wire-lightbox-close', 1000);
  gallery.feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'x',
    items: [{ id: 'gallery-story' }],
  };
  await gallery.updateComplete;
  expect(dialog()).toBe(null);
  expect((await closed).detail).toEqual({ index: 0 });
  // The photos come back: the reader's "full screen" button works again.
  gallery.feed = galleryFeed(manyPhotos(3, '/demo/public/images/'));
  await gallery.updateComplete;
  await gallery.openLightbox();
  expect(dialog()!.open).toBe(true);
  gallery.closeLightbox();
});
