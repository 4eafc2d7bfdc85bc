import { configure, within } from '@testing-library/dom';
import { render } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhotoChangeDetail } from '../../src/shared/events.js';
import {
  changedAround,
  cleanup,
  mount,
  nextEvent,
  pixels,
  screenshot,
  shadowText,
  until,
} from './helpers.js';
import meta, {
  BrokenImages,
  Default,
  ManyPhotos,
  MissingCredits,
  RightToLeft,
  type GalleryArgs,
} from '../../stories/photo-gallery.stories.js';
import { galleryFeed, manyPhotos } from '../fixtures.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

const IMAGES = '/demo/public/images/';
const COUNTER = /^\d+ \/ \d+$/;
const SLIDE = /^Photo \d+ of \d+$/;
const cleanUrl = location.pathname + location.search;

afterEach(() => {
  cleanup();
  history.replaceState(history.state, '', cleanUrl);
  vi.restoreAllMocks();
});

// A failed query prints its container, and testing-library's printer refuses a ShadowRoot: keep the message.
configure({ getElementError: (message) => new Error(message ?? 'no such element') });

/** Queries inside a shadow root: testing-library types containers as HTMLElement, a ShadowRoot serves the same. */
const inShadow = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

/**
 * Renders a story of the gallery into a fresh container (`style` sets its width). Unless the story or the test
 * brings its own feed, the gallery shows 7 photos served by the test server, with URLs no earlier test loaded.
 */
async function renderStory(story: { args?: GalleryArgs }, args: GalleryArgs = {}, style = '') {
  const root = mount('');
  root.setAttribute('style', style);
  const feed = args.feed ?? story.args?.feed ?? galleryFeed(manyPhotos(7, IMAGES, `t=${Math.random()}&`));
  render(meta.render({ ...story.args, ...args, feed }), root);
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  await gallery.updateComplete;
  const screen = inShadow(gallery);
  const button = (name: string | RegExp) => screen.getByRole('button', { name });
  // The page's counter comes first; an open lightbox repeats it.
  const counter = () => screen.getAllByText(COUNTER)[0]!.textContent;
  // The neighbours of the current photo are in the DOM but hidden, so only the current one has the role.
  const current = () => screen.getByRole('group', { name: SLIDE });
  const thumbnails = () =>
    screen.queryByRole('group', { name: 'Choose a photo' })
      ? within(screen.getByRole('group', { name: 'Choose a photo' })).getAllByRole('button')
      : [];
  // The live region has no role or text of its own to find it by.
  const liveRegion = () => gallery.shadowRoot!.querySelector('section > [aria-live]')!;
  const live = () => liveRegion().textContent!.trim();
  return { root, gallery, screen, button, counter, current, thumbnails, liveRegion, live };
}

const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

function changes(gallery: HTMLElement): PhotoChangeDetail[] {
  const seen: PhotoChangeDetail[] = [];
  gallery.addEventListener('wire-photo-change', (event) => seen.push(event.detail));
  return seen;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function swipe(target: HTMLElement, dx: number, dy = 0, pointerType = 'touch') {
  const box = target.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const init = { bubbles: true, composed: true, isPrimary: true, pointerId: 7, pointerType };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y, buttons: 1 }));
  target.dispatchEvent(
    new PointerEvent('pointermove', { ...init, clientX: x + dx / 2, clientY: y + dy / 2 }),
  );
  target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x + dx, clientY: y + dy }));
}

/** Moves the real mouse pointer off the gallery: it may still rest where an earlier test left it. */
async function pointAway(): Promise<Element> {
  const away = mount(
    '<p style="position: fixed; inset: 0 0 auto auto; margin: 0">away</p>',
  ).firstElementChild!;
  await userEvent.hover(away);
  return away;
}

describe('<wire-photo-gallery>', () => {
  describe('carousel', () => {
    it('shows the current photo with its caption and credit, a counter and a window of slides', async () => {
      const { gallery, screen, button, counter, current, thumbnails, live } = await renderStory(Default);
      const carousel = screen.getByRole('region', { name: 'Photo gallery' });
      expect(carousel.getAttribute('aria-roledescription')).toBe('carousel');
      expect(counter()).toBe('1 / 7');
      expect(current().getAttribute('aria-label')).toBe('Photo 1 of 7');
      expect(current().getAttribute('aria-roledescription')).toBe('slide');
      expect(text(current())).toContain('Photo number 1 of the sample set.');
      expect(text(current())).toContain('© Agency 1');
      // Only the current photo and its neighbour are in the DOM; the neighbour is inert and invisible.
      // Counted in the DOM, not by role: a hidden slide has no accessible name to find it by.
      const slides = [...gallery.shadowRoot!.querySelectorAll('[aria-roledescription=slide]')];
      expect(slides.map((slide) => slide.getAttribute('aria-label'))).toEqual([
        'Photo 1 of 7',
        'Photo 2 of 7',
      ]);
      expect(getComputedStyle(slides[1]!).visibility).toBe('hidden');
      expect(button('Previous photo').getAttribute('aria-disabled')).toBe('true');
      expect(thumbnails()).toHaveLength(7);
      expect(
        within(screen.getByRole('group', { name: 'Choose a photo' }))
          .getByRole('button', { current: true })
          .getAttribute('aria-label'),
      ).toBe('Photo 1 of 7');
      // Nothing is announced on first render.
      expect(live()).toBe('');
      expect(gallery.current).toBe(0);
    });

    it('shows a focus ring on the carousel when a keyboard reader tabs to it', async () => {
      const before = mount('<button>before</button>').querySelector('button')!;
      const { root, gallery, screen } = await renderStory(
        Default,
        { thumbnails: 'off' },
        'inline-size: 400px; padding: 8px',
      );
      await until(
        () => [...gallery.shadowRoot!.querySelectorAll('img')].every((img) => img.complete),
        5000,
        'images',
      );
      before.focus();
      const unfocused = await screenshot(root);
      await userEvent.keyboard('{Tab}');
      const carousel = screen.getByRole('region', { name: 'Photo gallery' });
      expect(gallery.shadowRoot!.activeElement).toBe(carousel);
      expect(carousel.matches(':focus-visible')).toBe(true);
      // Round the gallery, 2px out: a 2px ring all round changes about 4 × (width + height) pixels there, shown whole
      // by the host's clip margin; nothing on its edge, where the ring drawn inside lay over the caption and controls.
      const changed = changedAround(unfocused, await screenshot(root), root, gallery);
      const { width, height } = gallery.getBoundingClientRect();
      expect(changed.outside, 'a ring round the gallery').toBeGreaterThan(3 * (width + height));
      expect(changed.inside, "on the gallery's edge").toBe(0);
    });

    it('loads only a handful of 200 photos at start, and the neighbours of a far photo on demand', async () => {
      const run = `r${Math.random().toString(36).slice(2)}`;
      const requests = () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes(`${run}&n=`))
          .map((entry) => Number(/n=(\d+)/.exec(entry.name)![1]));
      const { gallery, thumbnails } = await renderStory(
        ManyPhotos,
        { feed: galleryFeed(manyPhotos(200, IMAGES, `${run}&`)) },
        'inline-size: 640px',
      );
      expect(thumbnails()).toHaveLength(200);
      // Polled, not read after a pause: on a busy machine the first two photos can be recorded after others.
      await until(() => requests().includes(1) && requests().includes(2), 5000, 'the first two photos');
      await pause(800);
      const atStart = requests();
      expect(atStart.length).toBeLessThanOrEqual(12);
      gallery.show(99);
      await until(
        () => requests().includes(100) && requests().includes(101),
        5000,
        'photo 100 and its neighbours',
      );
      await pause(500);
      // Against the start's bound, not its count: on a busy machine some first images are still on their way when
      // `atStart` is read, and arrive with the far photo's.
      expect(requests().length).toBeLessThanOrEqual(12 + 14);
    });

    it('keeps the current thumbnail in view in the strip, from a deep link to a far photo and back to the first', async () => {
      history.replaceState(null, '', '#photo-gallery-story-50');
      const { gallery, thumbnails } = await renderStory(
        ManyPhotos,
        { feed: galleryFeed(manyPhotos(60, IMAGES, `t=${Math.random()}&`)) },
        'inline-size: 320px',
      );
      const inStrip = (index: number) => {
        const thumb = thumbnails()[index]!;
        const strip = thumb.parentElement!.getBoundingClientRect();
        const box = thumb.getBoundingClientRect();
        return box.left >= strip.left - 0.5 && box.right <= strip.right + 0.5;
      };
      await until(() => inStrip(49), 3000, 'thumbnail 50 in view');
      expect(inStrip(0)).toBe(false);
      gallery.show(0);
      await gallery.updateComplete;
      await until(() => inStrip(0), 3000, 'the first thumbnail in view again');
    });

    it('lays out nothing in the task that draws a gallery at its first photo', async () => {
      // Its strip is new, at its start, where the first thumbnail is: there is nothing to scroll. Measuring it laid
      // the whole page out in that task, a long one on a phone.
      const reads = vi.spyOn(Element.prototype, 'getBoundingClientRect');
      const { thumbnails } = await renderStory(ManyPhotos, {
        feed: galleryFeed(manyPhotos(60, IMAGES, `t=${Math.random()}&`)),
      });
      expect(thumbnails()).toHaveLength(60);
      expect(reads).not.toHaveBeenCalled();
    });

    it('does not shift the layout while photos load or between photos of different shapes', async () => {
      const shifts: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) shifts.push(entry.value);
      });
      observer.observe({ type: 'layout-shift' });
      const { gallery, root, current } = await renderStory(Default, {}, 'inline-size: 600px');
      root.insertAdjacentHTML('beforeend', '<p>Text below the gallery</p>');
      const image = () =>
        within(current()).getByRole('img', { name: /^Sample illustration/ }) as HTMLImageElement;
      await until(() => image().complete, 5000, 'image load');
      await pause(300);
      const frame = () => image().parentElement!.getBoundingClientRect();
      const before = frame();
      expect(before.width / before.height).toBeCloseTo(1.5, 1);
      // Photo 2 is portrait (800 × 1000): fitted into the same box.
      gallery.show(1);
      await gallery.updateComplete;
      await until(() => image().complete, 5000, 'image load');
      expect(frame().height).toBe(before.height);
      expect(frame().width).toBe(before.width);
      await pause(200);
      observer.disconnect();
      expect(shifts).toEqual([]);
    });

    it('gives a photo the feed gives no size the same box as the others', async () => {
      // A feed that sizes some photos and not others: the unsized one must not take a card's 16:9 box.
      const photos = manyPhotos(3, IMAGES).map((photo, i) =>
        i === 1 ? { ...photo, width: undefined, height: undefined } : photo,
      );
      const { gallery, current } = await renderStory(
        Default,
        { feed: galleryFeed(photos) },
        'inline-size: 600px',
      );
      const frame = () => current().querySelector('.frame')!.getBoundingClientRect();
      const sized = frame();
      expect(sized.width / sized.height).toBeCloseTo(1.5, 1);
      gallery.show(1);
      await gallery.updateComplete;
      expect(frame().height).toBe(sized.height);
    });

    it('looks the same under hostile host-page CSS', async () => {
      const { gallery, screen, button, current, thumbnails } = await renderStory(Default);
      // Found before the hostile sheet: `all: unset` also unsets the hidden neighbour's visibility.
      const slide = current();
      const carousel = screen.getByRole('region', { name: 'Photo gallery' });
      const image = within(slide).getByRole('img', { name: 'Sample illustration 1' });
      const credit = within(slide).getByText('© Agency 1');
      const caption = within(slide).getByText('Photo number 1 of the sample set.');
      const next = button('Next photo');
      const thumb = thumbnails()[0]!;
      // `* { all: unset !important }` also unsets the page's own boxes (the body loses its margin), so the
      // gallery may get wider: compare what must not depend on its width.
      const measure = () => {
        const box = (element: Element) => element.getBoundingClientRect();
        const style = getComputedStyle(credit);
        return {
          imageFillsWidth: Math.round(box(image).width) === Math.round(box(carousel).width),
          imageRatio: (box(image).width / box(image).height).toFixed(2),
          imageVisible: image.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
          creditVisible: credit.checkVisibility({ visibilityProperty: true }),
          credit: [Math.round(box(credit).width), box(credit).height, style.fontFamily, style.letterSpacing],
          caption: getComputedStyle(caption).textTransform,
          button: [box(next).width, box(next).height],
          thumb: [box(thumb).width, box(thumb).height],
          section: getComputedStyle(carousel).fontSize,
          host: getComputedStyle(gallery).display,
        };
      };
      const before = measure();
      expect(before.imageVisible && before.creditVisible && before.imageFillsWidth).toBe(true);
      const style = document.createElement('style');
      style.textContent =
        '* { all: unset !important } img { display: none !important } html { font-size: 62.5% } ' +
        'body { letter-spacing: 3px; line-height: 3; font-family: serif; color: red; text-transform: uppercase }';
      document.head.append(style);
      try {
        expect(measure()).toEqual({ ...before, host: 'inline' });
      } finally {
        style.remove();
      }
    });
  });

  describe('narrow screens and large text', () => {
    for (const [what, style] of [
      ['a 288 px column', 'inline-size: 288px'],
      ['a 288 px column at twice the text size', 'inline-size: 288px; --wire-font-size: 32px'],
    ])
      it(`keeps the photo and every control inside its box in ${what}`, async () => {
        // The host's paint containment clips whatever goes past its edge: a control there cannot be seen or hit.
        // With the slideshow's play button, the bar's widest.
        const { gallery, screen } = await renderStory(Default, { autoplay: 60_000 }, style);
        const box = gallery.getBoundingClientRect();
        const inside = (element: Element) => {
          const rect = element.getBoundingClientRect();
          return rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5;
        };
        expect(inside(screen.getByRole('region', { name: 'Photo gallery' }))).toBe(true);
        for (const name of [
          'Previous photo',
          'Next photo',
          /slideshow/,
          'View full screen',
          'Copy link to this photo',
        ])
          expect(inside(screen.getByRole('button', { name })), String(name)).toBe(true);
      });

    it('paints its own background, so its dark-theme text does not sit on a light page', async () => {
      const { gallery } = await renderStory(
        Default,
        { theme: 'dark', thumbnails: 'off' },
        'inline-size: 400px',
      );
      const shot = await pixels(gallery);
      let light = 0;
      for (let i = 0; i < shot.length; i += 4) if (shot[i]! + shot[i + 1]! + shot[i + 2]! > 600) light++;
      // The page is white: before, everything around the photo (most of the gallery's area but the photo) was.
      expect(light / (shot.length / 4)).toBeLessThan(0.05);
    });
  });

  describe('paging', () => {
    it('pages with the arrow keys, Home and End, announcing once per change and firing wire-photo-change', async () => {
      const { gallery, screen, button, counter, current, live } = await renderStory(Default);
      const seen = changes(gallery);
      screen.getByRole('region', { name: 'Photo gallery' }).focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(counter()).toBe('2 / 7');
      expect(live()).toBe('Photo 2 of 7');
      expect(seen).toHaveLength(1);
      expect(seen[0]!.index).toBe(1);
      expect(seen[0]!.photo.caption).toBe('Photo number 2 of the sample set.');
      expect(current().getAttribute('aria-label')).toBe('Photo 2 of 7');
      await userEvent.keyboard('{End}');
      expect(counter()).toBe('7 / 7');
      expect(button('Next photo').getAttribute('aria-disabled')).toBe('true');
      // Without loop, the last photo is the end.
      await userEvent.keyboard('{ArrowRight}');
      expect(counter()).toBe('7 / 7');
      await userEvent.keyboard('{Home}');
      expect(counter()).toBe('1 / 7');
      await userEvent.keyboard('{ArrowLeft}');
      expect(counter()).toBe('1 / 7');
      expect(seen.map((detail) => detail.index)).toEqual([1, 6, 0]);
    });

    it('wraps around with loop and mirrors the arrow keys right-to-left', async () => {
      const { screen, counter } = await renderStory(RightToLeft, { loop: true });
      screen.getByRole('region', { name: 'Photo gallery' }).focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(counter()).toBe('7 / 7');
      await userEvent.keyboard('{ArrowLeft}');
      await userEvent.keyboard('{ArrowLeft}');
      expect(counter()).toBe('2 / 7');
    });

    it('wraps any index with loop, however far below zero, and always reports a real photo', async () => {
      const { gallery, counter } = await renderStory(Default, { loop: true, thumbnails: 'off' });
      const seen = changes(gallery);
      gallery.show(-15);
      await gallery.updateComplete;
      expect(counter()).toBe('7 / 7');
      gallery.show(23);
      await gallery.updateComplete;
      expect(counter()).toBe('3 / 7');
      expect(seen.map((change) => [change.index, Boolean(change.photo?.url)])).toEqual([
        [6, true],
        [2, true],
      ]);
    });

    it('follows the prev/next buttons and thumbnails, keeping focus where the reader is', async () => {
      const { gallery, button, counter, thumbnails } = await renderStory(Default);
      await userEvent.click(button('Next photo'));
      expect(counter()).toBe('2 / 7');
      expect(gallery.shadowRoot!.activeElement).toBe(button('Next photo'));
      await userEvent.click(thumbnails()[5]!);
      expect(counter()).toBe('6 / 7');
      expect(thumbnails()[5]!.getAttribute('aria-current')).toBe('true');
      await userEvent.keyboard('{ArrowRight}');
      await gallery.updateComplete;
      expect(counter()).toBe('7 / 7');
      expect(gallery.shadowRoot!.activeElement).toBe(thumbnails()[6]);
      await userEvent.click(button('Previous photo'));
      expect(counter()).toBe('6 / 7');
    });

    it('starts at `start` (from 0) when no deep link names a photo', async () => {
      const { counter } = await renderStory(Default, { start: 2 });
      expect(counter()).toBe('3 / 7');
    });
  });

  describe('swipe', () => {
    it('pages with touch or mouse past a threshold, horizontally only, mirrored right-to-left', async () => {
      const { gallery, counter, current } = await renderStory(Default);
      const photo = () => within(current()).getByRole('img', { name: /^Sample illustration/ });
      swipe(photo(), -120);
      await gallery.updateComplete;
      expect(counter()).toBe('2 / 7');
      swipe(photo(), -120, 0, 'mouse');
      await gallery.updateComplete;
      expect(counter()).toBe('3 / 7');
      swipe(photo(), 120);
      await gallery.updateComplete;
      expect(counter()).toBe('2 / 7');
      // Too short, or mostly vertical (the reader is scrolling the page): no change.
      swipe(photo(), -20);
      swipe(photo(), -80, 200);
      await gallery.updateComplete;
      expect(counter()).toBe('2 / 7');
      // The part under test: vertical scrolling stays the browser's.
      expect(getComputedStyle(gallery.shadowRoot!.querySelector('[part=stage]')!).touchAction).toBe('pan-y');
      gallery.dir = 'rtl';
      gallery.requestUpdate();
      await gallery.updateComplete;
      swipe(photo(), 120);
      await gallery.updateComplete;
      expect(counter()).toBe('3 / 7');
    });

    it('does not page when the drag starts on the caption, text a reader may be selecting', async () => {
      const { gallery, counter, current } = await renderStory(Default);
      swipe(within(current()).getByText('Photo number 1 of the sample set.'), -120);
      await gallery.updateComplete;
      expect(counter()).toBe('1 / 7');
    });

    it('follows a real mouse drag on the photo (no native image drag steals it)', async () => {
      const { counter, current } = await renderStory(
        Default,
        {},
        'inline-size: 500px; margin-inline-start: 300px',
      );
      const photo = within(current()).getByRole('img', { name: 'Sample illustration 1' });
      const image = photo.getBoundingClientRect();
      const target = mount('<i style="position: fixed; inline-size: 10px; block-size: 10px"></i>')
        .firstElementChild as HTMLElement;
      target.style.left = `${image.left - 150}px`;
      target.style.top = `${image.top + image.height / 2 - 5}px`;
      await userEvent.dragAndDrop(photo, target);
      expect(counter()).toBe('2 / 7');
    });
  });

  describe('lightbox', () => {
    it('is modal, keeps focus inside, closes on Escape and returns focus to its opener', async () => {
      const outside = mount('<button>outside</button>').querySelector('button')!;
      const { gallery, screen, button, counter } = await renderStory(Default);
      await userEvent.click(button('Next photo'));
      const opened = nextEvent<CustomEvent<{ index: number }>>(gallery, 'wire-lightbox-open');
      await userEvent.click(button('View full screen'));
      expect((await opened).detail.index).toBe(1);
      const dialog = screen.getByRole('dialog', { name: 'Photo gallery' }) as HTMLDialogElement;
      const inDialog = within(dialog);
      expect(dialog.matches(':modal')).toBe(true);
      expect(gallery.shadowRoot!.activeElement).toBe(
        inDialog.getByRole('button', { name: 'Close full screen view' }),
      );
      // The same photo, caption, credit and counter, drawn across the viewport.
      expect(inDialog.getByText(COUNTER).textContent).toBe('2 / 7');
      expect(text(inDialog.getByRole('group', { name: 'Photo 2 of 7' }))).toContain('© Agency 2');
      expect(dialog.getBoundingClientRect().width).toBe(innerWidth);
      // Keys page inside the lightbox too.
      await userEvent.keyboard('{ArrowRight}');
      expect(inDialog.getByText(COUNTER).textContent).toBe('3 / 7');
      // The page behind is inert: Tab cycles through the dialog's controls and, as with every native modal
      // dialog, the browser's own UI (focus leaves the document), but never reaches the page.
      const stops: string[] = [];
      for (let i = 0; i < 12; i++) {
        await userEvent.keyboard('{Tab}');
        const active = gallery.shadowRoot!.activeElement;
        if (document.activeElement === document.body) stops.push('browser');
        else {
          expect(document.activeElement).toBe(gallery);
          expect(dialog.contains(active)).toBe(true);
          stops.push(active!.getAttribute('aria-label') ?? active!.localName);
        }
      }
      expect(new Set(stops)).toEqual(
        new Set([
          'browser',
          'Photo credit details',
          'Previous photo',
          'Next photo',
          'Copy link to this photo',
          'Close full screen view',
        ]),
      );
      expect(outside.matches(':focus')).toBe(false);
      expect(document.elementFromPoint(innerWidth / 2, innerHeight / 2)).toBe(gallery);
      const closed = nextEvent<CustomEvent<{ index: number }>>(gallery, 'wire-lightbox-close');
      await userEvent.keyboard('{Escape}');
      expect((await closed).detail.index).toBe(2);
      await gallery.updateComplete;
      expect(dialog.open).toBe(false);
      expect(counter()).toBe('3 / 7');
      expect(gallery.shadowRoot!.activeElement).toBe(button('View full screen'));
    });

    it('closes from its close button or a click beside the photo', async () => {
      const { gallery, screen, button } = await renderStory(Default);
      await gallery.openLightbox();
      const dialog = screen.getByRole('dialog', { name: 'Photo gallery' }) as HTMLDialogElement;
      expect(dialog.matches(':modal')).toBe(true);
      await userEvent.click(within(dialog).getByRole('button', { name: 'Close full screen view' }));
      expect(dialog.open).toBe(false);
      button('Copy link to this photo').focus();
      await userEvent.click(button('View full screen'));
      await userEvent.click(dialog, { position: { x: 4, y: 4 } });
      expect(dialog.open).toBe(false);
      expect(gallery.shadowRoot!.activeElement).toBe(button('View full screen'));
    });

    it('closes, with its event, when the gallery goes away under it, and opens again later', async () => {
      const { gallery, screen } = await renderStory(Default);
      await gallery.openLightbox();
      expect(screen.getByRole('dialog').hasAttribute('open')).toBe(true);
      // The page swaps in a feed where the item has no photos: the gallery shows its quiet message instead.
      const closed = nextEvent<CustomEvent>(gallery, 'wire-lightbox-close', 1000);
      gallery.feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x',
        items: [{ id: 'gallery-story' }],
      };
      await gallery.updateComplete;
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
      expect((await closed).detail).toEqual({ index: 0 });
      // The photos come back: the reader's "full screen" button works again.
      gallery.feed = galleryFeed(manyPhotos(3, IMAGES));
      await gallery.updateComplete;
      await userEvent.click(screen.getByRole('button', { name: 'View full screen' }));
      expect(screen.getByRole('dialog').matches(':modal')).toBe(true);
      gallery.closeLightbox();
    });
  });

  describe('deep links and sharing', () => {
    it('starts at the photo a deep link names, follows hashchange and keeps the hash without history entries', async () => {
      history.replaceState(null, '', '#photo-gallery-story-4');
      const { gallery, screen, counter, live } = await renderStory(Default);
      expect(counter()).toBe('4 / 7');
      expect(live()).toBe('');
      const seen = changes(gallery);
      const length = history.length;
      screen.getByRole('region', { name: 'Photo gallery' }).focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(location.hash).toBe('#photo-gallery-story-5');
      await userEvent.keyboard('{ArrowRight}');
      expect(location.hash).toBe('#photo-gallery-story-6');
      expect(history.length).toBe(length);
      location.hash = '#photo-gallery-story-2';
      await until(() => counter() === '2 / 7', 2000, 'hashchange');
      expect(seen.map((detail) => detail.index)).toEqual([4, 5, 1]);
      // Another gallery's photo, or one out of range, is not ours.
      location.hash = '#photo-other-story-3';
      await pause(50);
      location.hash = '#photo-gallery-story-99';
      await pause(50);
      expect(counter()).toBe('2 / 7');
    });

    it('stops following the hash when removed, and catches up with it when put back', async () => {
      const { root, gallery, counter } = await renderStory(Default);
      const seen = changes(gallery);
      location.hash = '#photo-gallery-story-3';
      await until(() => counter() === '3 / 7', 2000, 'hashchange');
      gallery.remove();
      location.hash = '#photo-gallery-story-5';
      await pause(50);
      expect(seen.map((detail) => detail.index)).toEqual([2]);
      root.append(gallery);
      await gallery.updateComplete;
      expect(counter()).toBe('5 / 7');
      location.hash = '#photo-gallery-story-6';
      await until(() => counter() === '6 / 7', 2000, 'hashchange after the move');
      expect(seen.map((detail) => detail.index)).toEqual([2, 4, 5]);
    });

    it('copies the photo permalink, else the deep link, and says so politely', async () => {
      const photos = manyPhotos(3, IMAGES).map((photo, i) =>
        i ? photo : { ...photo, permalink: 'https://news.example/photo/one' },
      );
      const { button, live } = await renderStory(Default, { feed: galleryFeed(photos) });
      const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
      await userEvent.click(button('Copy link to this photo'));
      expect(write).toHaveBeenLastCalledWith('https://news.example/photo/one');
      await until(() => live() === 'Link copied', 2000, 'announcement');
      await userEvent.click(button('Next photo'));
      await userEvent.click(button('Copy link to this photo'));
      // The page's address, never the reader's query (where session tokens travel).
      history.replaceState(
        history.state,
        '',
        `${cleanUrl}${cleanUrl.includes('?') ? '&' : '?'}session=SECRET`,
      );
      await userEvent.click(button('Copy link to this photo'));
      expect(write).toHaveBeenLastCalledWith(`${location.origin}${location.pathname}#photo-gallery-story-2`);
      // A page that names its public address (one routed by its query) is shared by that address.
      const canonical = document.head.appendChild(
        Object.assign(document.createElement('link'), { rel: 'canonical', href: '/story?id=7' }),
      );
      try {
        await userEvent.click(button('Copy link to this photo'));
        expect(write).toHaveBeenLastCalledWith(`${location.origin}/story?id=7#photo-gallery-story-2`);
      } finally {
        canonical.remove();
      }
      // A refused clipboard is not an error for the reader.
      write.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
      await userEvent.click(button('Next photo'));
      await userEvent.click(button('Copy link to this photo'));
      await pause(50);
      expect(live()).toBe('Photo 3 of 3');
    });
  });

  describe('credits', () => {
    it('keeps credit lines with captions off, lists every credit on demand and hides thumbnails on request', async () => {
      const { screen, button, current, thumbnails } = await renderStory(MissingCredits, {
        captions: 'off',
        thumbnails: 'off',
      });
      // Photo 1 has no credit; photo 2 keeps its credit line though captions are off.
      expect(text(current())).toBe('');
      await userEvent.click(button('Next photo'));
      expect(text(current())).toBe('© Agency 2');
      expect(thumbnails()).toHaveLength(0);
      const toggle = button('Photo credits');
      expect(toggle.getAttribute('aria-expanded')).toBe('false');
      expect(screen.queryByRole('list')).toBeNull();
      await userEvent.click(toggle);
      expect(toggle.getAttribute('aria-expanded')).toBe('true');
      expect(text(toggle)).toBe('Hide photo credits');
      expect(within(screen.getByRole('list')).getAllByRole('listitem').map(text)).toEqual([
        'Credit not given — Photo number 1 of the sample set.',
        '© Agency 2 — Photo number 2 of the sample set.',
        'Credit not given — Photo number 3 of the sample set.',
        '© Agency 1 — Photo number 4 of the sample set.',
      ]);
    });

    it('opens the credit popover from the photo', async () => {
      const { current } = await renderStory(Default);
      const drawn = within(current()).getByRole('button', { name: 'Photo credit details' });
      const place = drawn.getBoundingClientRect().toJSON();
      const icon = (button: Element) => {
        const style = getComputedStyle(button.querySelector('.info-icon')!);
        return [style.backgroundColor, style.clipPath, style.width];
      };
      const look = icon(drawn);
      await userEvent.click(drawn);
      const info = () => current().querySelector('wire-credit-info');
      const panel = () => info()?.shadowRoot?.querySelector<HTMLElement>('[popover]');
      await until(() => Boolean(panel()?.matches(':popover-open')), 5000, 'the credit panel');
      expect(text(panel()!)).toContain('Photographer 1');
      // The gallery styles its own buttons by tag: the control, its "i" included, must not change when pressed.
      expect(info()!.shadowRoot!.querySelector('button')!.getBoundingClientRect().toJSON()).toEqual(place);
      expect(icon(info()!.shadowRoot!.querySelector('button')!)).toEqual(look);
    });

    it('closes an open credit panel when it moves on to the next photo', async () => {
      const { current, gallery, counter } = await renderStory(Default);
      await userEvent.click(within(current()).getByRole('button', { name: 'Photo credit details' }));
      const panel = () =>
        gallery
          .shadowRoot!.querySelector('wire-credit-info')
          ?.shadowRoot?.querySelector<HTMLElement>('[popover]');
      await until(() => Boolean(panel()?.matches(':popover-open')), 5000, 'the credit panel');
      // A click on the panel's text puts focus on the carousel, whose arrow keys move it on.
      await userEvent.click(within(panel()!).getByText('Photographer 1'));
      expect(panel()!.matches(':popover-open')).toBe(true);
      await userEvent.keyboard('{ArrowRight}');
      expect(counter()).toBe('2 / 7');
      expect(panel()!.matches(':popover-open')).toBe(false);
    });

    it('shows a placeholder for a broken image with the caption and credit still readable', async () => {
      const { current } = await renderStory(BrokenImages);
      await until(
        () => within(current()).queryByRole('img', { name: 'Image unavailable' }) !== null,
        5000,
        'image error',
      );
      const placeholder = within(current()).getByRole('img', { name: 'Image unavailable' });
      expect(placeholder.getBoundingClientRect().height).toBeGreaterThan(100);
      const caption = within(current()).getByText('Photo number 1 of the sample set.');
      expect(caption.getBoundingClientRect().height).toBeGreaterThan(0);
      expect(within(current()).getByText('© Agency 1').getBoundingClientRect().height).toBeGreaterThan(0);
    });
  });

  describe('slideshow', () => {
    it('plays when asked, pauses on hover and from its button, and stops when removed', async () => {
      const away = await pointAway();
      const { gallery, button, counter, liveRegion, live } = await renderStory(
        Default,
        { autoplay: 150 },
        'inline-size: 400px',
      );
      const play = button(/slideshow/);
      expect(play.getAttribute('aria-label')).toBe('Pause slideshow');
      // While rotating, changes are not announced (they would interrupt the reader every few seconds).
      expect(liveRegion().getAttribute('aria-live')).toBe('off');
      await until(() => counter() === '3 / 7', 2000, 'two automatic advances');
      expect(live()).toBe('Photo 3 of 7');
      await userEvent.hover(gallery);
      const hovered = counter();
      await pause(400);
      expect(counter()).toBe(hovered);
      await userEvent.hover(away);
      await until(() => counter() !== hovered, 2000, 'resume after hover');
      await userEvent.click(play);
      await userEvent.hover(away);
      expect(play.getAttribute('aria-label')).toBe('Play slideshow');
      expect(liveRegion().getAttribute('aria-live')).toBe('polite');
      const paused = counter();
      await pause(400);
      expect(counter()).toBe(paused);
      // Focus on the play button itself does not hold the slideshow it just started.
      await userEvent.click(play);
      await userEvent.hover(away);
      await until(() => counter() !== paused, 2000, 'resume from the button');
      const seen = changes(gallery);
      gallery.remove();
      await pause(400);
      expect(seen).toEqual([]);
    });

    it('announces a keyboard reader’s own paging while focus holds the slideshow still', async () => {
      const { gallery, button, liveRegion, live } = await renderStory(Default, {
        autoplay: 60000,
        thumbnails: 'off',
        feed: galleryFeed(manyPhotos(5, IMAGES)),
      });
      // Rotating: automatic changes are not announced.
      expect(liveRegion().getAttribute('aria-live')).toBe('off');
      button('Next photo').focus();
      await userEvent.keyboard('{Enter}');
      await gallery.updateComplete;
      expect(gallery.current).toBe(1);
      // Focus inside holds the slideshow, so the reader's own change is spoken.
      expect(liveRegion().getAttribute('aria-live')).toBe('polite');
      expect(live()).toBe('Photo 2 of 5');
      // The play button is the exception: focus there does not hold the slideshow.
      button('Pause slideshow').focus();
      await gallery.updateComplete;
      expect(liveRegion().getAttribute('aria-live')).toBe('off');
      // Focus leaving the gallery lets it rotate again, silently.
      button('Next photo').focus();
      await gallery.updateComplete;
      button('Next photo').blur();
      await gallery.updateComplete;
      expect(liveRegion().getAttribute('aria-live')).toBe('off');
    });

    it('holds still while the page is hidden, and moves on once the reader is back', async () => {
      await pointAway();
      // The library reads visibility from Document.prototype, so that a named element cannot clobber it.
      const visibility = vi.spyOn(Document.prototype, 'visibilityState', 'get').mockReturnValue('hidden');
      const { counter } = await renderStory(Default, { autoplay: 100 });
      await pause(400);
      expect(counter()).toBe('1 / 7');
      visibility.mockReturnValue('visible');
      document.dispatchEvent(new Event('visibilitychange'));
      await until(() => counter() !== '1 / 7', 2000, 'advance once visible');
    });

    it('holds still while scrolled out of view, and moves on once scrolled back', async () => {
      await pointAway();
      const { root, counter } = await renderStory(
        Default,
        { autoplay: 100 },
        'position: fixed; inset-block-start: 200vh; inline-size: 400px',
      );
      await pause(400);
      expect(counter()).toBe('1 / 7');
      root.style.insetBlockStart = '0';
      await until(() => counter() !== '1 / 7', 2000, 'advance once in view');
    });

    it('holds still until the browser first reports it in view, however late that report comes', async () => {
      await pointAway();
      // An observer that reports only when told: a busy phone can draw the page long after the first tick.
      const observers: IntersectionObserverCallback[] = [];
      vi.spyOn(window, 'IntersectionObserver').mockImplementation(function (callback) {
        observers.push(callback);
        return { observe() {}, unobserve() {}, disconnect() {}, takeRecords: () => [] } as never;
      });
      const { counter } = await renderStory(Default, { autoplay: 100 }, 'inline-size: 400px');
      await pause(400);
      expect(counter()).toBe('1 / 7');
      expect(observers).toHaveLength(1);
      observers[0]!([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver);
      await until(() => counter() !== '1 / 7', 2000, 'advance once reported in view');
    });

    it('does not start for readers who prefer reduced motion', async () => {
      const real = window.matchMedia.bind(window);
      vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
        query.includes('reduced-motion')
          ? ({ ...real(query), matches: true } as MediaQueryList)
          : real(query),
      );
      const { button, counter } = await renderStory(Default, { autoplay: 100 });
      expect(button(/slideshow/).getAttribute('aria-label')).toBe('Play slideshow');
      await pause(300);
      expect(counter()).toBe('1 / 7');
    });
  });

  describe('language and fallbacks', () => {
    it('speaks the reader language', async () => {
      const { screen, button, counter } = await renderStory(Default, { lang: 'ru' });
      expect(screen.getByRole('region', { name: 'Фотогалерея' })).toBeTruthy();
      expect(button('Следующее фото')).toBeTruthy();
      expect(screen.getByRole('group', { name: 'Фото 1 из 7' })).toBeTruthy();
      expect(counter()).toBe('1 / 7');
    });

    it('falls back to the item image, takes no space for a story without photos, and says when the story is gone', async () => {
      const root = mount(
        '<wire-photo-gallery item="one"></wire-photo-gallery><wire-photo-gallery item="none"></wire-photo-gallery><wire-photo-gallery item="gone"></wire-photo-gallery>',
      );
      const [one, none, gone] = [...root.querySelectorAll<WirePhotoGallery>('wire-photo-gallery')];
      const errors: string[] = [];
      root.addEventListener('wire-feed-error', (event) => errors.push(event.detail.reason));
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Wire',
        items: [
          { id: 'one', title: 'One', image: new URL(`${IMAGES}gallery-airfield.svg`, location.href).href },
          { id: 'none', title: 'None' },
        ],
      };
      for (const gallery of [one!, none!, gone!]) gallery.feed = feed;
      await Promise.all([one!.updateComplete, none!.updateComplete, gone!.updateComplete]);
      const single = inShadow(one!);
      expect(single.getByRole('group', { name: 'Photo 1 of 1' })).toBeTruthy();
      expect(one!.shadowRoot!.querySelectorAll('[aria-roledescription=slide]')).toHaveLength(1);
      // One photo: nothing to page through.
      expect(single.queryByRole('button', { name: 'Next photo' })).toBeNull();
      expect(single.queryByText(COUNTER)).toBeNull();
      expect(single.queryByRole('group', { name: 'Choose a photo' })).toBeNull();
      // A story without photos is no failure: nothing drawn, no room taken, no error, as an article template
      // holding a gallery for every story needs.
      expect(shadowText(none!)).toBe('');
      expect(none!.matches(':state(empty)')).toBe(true);
      expect(getComputedStyle(none!).display).toBe('none');
      expect(shadowText(gone!)).toBe('This story is no longer available.');
      expect(gone!.matches(':state(error)')).toBe(true);
      expect(errors).toEqual(['not-found']);
    });
  });
});
