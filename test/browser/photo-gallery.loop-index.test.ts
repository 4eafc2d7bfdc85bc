import { afterEach, expect, it } from 'vitest';
import type { PhotoChangeDetail } from '../../src/shared/events.js';
import { cleanup, mount } from './helpers.js';
import { galleryFeed, manyPhotos } from '../../stories/photo-gallery.stories.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

afterEach(cleanup);

it('wraps any index with loop, however far below zero, and always reports a real photo', async () => {
  const root = mount('<wire-photo-gallery loop thumbnails="off"></wire-photo-gallery>');
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  gallery.feed = galleryFeed(manyPhotos(7, '/demo/public/images/'));
  await gallery.updateComplete;
  const changes: PhotoChangeDetail[] = [];
  gallery.addEventListener('wire-photo-change', (event) => changes.push(event.detail));
  gallery.show(-15);
  await gallery.updateComplete;
  expect(gallery.current).toBe(6);
  gallery.show(23);
  await gallery.updateComplete;
  expect(gallery.current).toBe(2);
  expect(changes.map((change) => [change.index, Boolean(change.photo?.url)])).toEqual([
    [6, true],
    [2, true],
  ]);
});
