import { userEvent } from 'vitest/browser';
import { afterEach, expect, it } from 'vitest';
import { cleanup, mount } from './helpers.js';
import { galleryFeed, manyPhotos } from '../../stories/photo-gallery.stories.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

afterEach(cleanup);

it('announces a keyboard reader’s own paging while focus holds the slideshow still', async () => {
  const root = mount('<wire-photo-gallery autoplay="60000" thumbnails="off"></wire-photo-gallery>');
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  gallery.feed = galleryFeed(manyPhotos(5, '/demo/public/images/'));
  await gallery.updateComplete;
  const live = gallery.shadowRoot!.querySelector('section > [aria-live]')!;
  // Rotating: automatic changes are not announced.
  expect(live.getAttribute('aria-live')).toBe('off');
  gallery.shadowRoot!.querySelector<HTMLElement>('.next')!.focus();
  await userEvent.keyboard('{Enter}');
  await gallery.updateComplete;
  expect(gallery.current).toBe(1);
  // Focus inside holds the slideshow, so the reader's own change is spoken.
  expect(live.getAttribute('aria-live')).toBe('polite');
  expect(live.textContent!.trim()).toBe('Photo 2 of 5');
  // The play button is the exception: focus there does not hold the slideshow.
  gallery.shadowRoot!.querySelector<HTMLElement>('.play')!.focus();
  await gallery.updateComplete;
  expect(live.getAttribute('aria-live')).toBe('off');
  // Focus leaving the gallery lets it rotate again, silently.
  gallery.shadowRoot!.querySelector<HTMLElement>('.next')!.focus();
  await gallery.updateComplete;
  (gallery.shadowRoot!.activeElement as HTMLElement).blur();
  await gallery.updateComplete;
  expect(live.getAttribute('aria-live')).toBe('off');
});
