import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PhotoChangeDetail } from '../../src/shared/events.js';
import { cleanup, mount, nextEvent, shadowText, until } from './helpers.js';
import { galleryFeed, manyPhotos } from '../../stories/photo-gallery.stories.js';
import type { WirePhotoGallery } from '../../src/components/photo-gallery/photo-gallery.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

const IMAGES = '/demo/public/images/';
const cleanUrl = location.pathname + location.search;

afterEach(() => {
  cleanup();
  history.replaceState(history.state, '', cleanUrl);
  vi.restoreAllMocks();
});

async function setup(
  options: { count?: number; attributes?: string; wrapper?: string; photos?: Record<string, unknown>[] } = {},
) {
  const { count = 7, attributes = '', wrapper = '' } = options;
  const root = mount(`<div ${wrapper}><wire-photo-gallery ${attributes}></wire-photo-gallery></div>`);
  const gallery = root.querySelector<WirePhotoGallery>('wire-photo-gallery')!;
  gallery.feed = galleryFeed(options.photos ?? manyPhotos(count, IMAGES, `t=${Math.random()}&`));
  await gallery.updateComplete;
  const $ = <T extends Element = HTMLElement>(selector: string) =>
    gallery.shadowRoot!.querySelector<T>(selector)!;
  const $$ = (selector: string) => [...gallery.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
  const counter = () => $('section > .bar .counter').textContent;
  const current = () => $('section > .stage .slide:not([inert])');
  const live = () => $('section > [aria-live]').textContent!.trim();
  return { root, gallery, $, $$, counter, current, live };
}

const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

function changes(gallery: HTMLElement): PhotoChangeDetail[] {
  const seen: PhotoChangeDetail[] = [];
  gallery.addEventListener('wire-photo-change', (event) => seen.push(event.detail));
  return seen;
}

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

describe('<wire-photo-gallery>', () => {
  it('shows the carousel with the current photo, its caption and credit, counter and window of slides', async () => {
    const { $, $$, counter, current, live } = await setup();
    const section = $('section');
    expect(section.getAttribute('aria-roledescription')).toBe('carousel');
    expect(section.getAttribute('aria-label')).toBe('Photo gallery');
    expect(counter()).toBe('1 / 7');
    expect(current().getAttribute('aria-label')).toBe('Photo 1 of 7');
    expect(current().getAttribute('aria-roledescription')).toBe('slide');
    expect(text(current())).toContain('Photo number 1 of the sample set.');
    expect(text(current())).toContain('© Agency 1');
    // Only the current photo and its neighbour are in the DOM; the neighbour is inert and invisible.
    const slides = $$('section > .stage .slide');
    expect(slides.map((slide) => slide.getAttribute('aria-label'))).toEqual(['Photo 1 of 7', 'Photo 2 of 7']);
    expect(getComputedStyle(slides[1]!).visibility).toBe('hidden');
    expect($('.prev').getAttribute('aria-disabled')).toBe('true');
    expect($$('.thumb')).toHaveLength(7);
    expect($('.thumb[aria-current=true]').getAttribute('aria-label')).toBe('Photo 1 of 7');
    // Nothing is announced on first render.
    expect(live()).toBe('');
  });

  it('pages with the arrow keys, Home and End, announcing once per change and firing wire-photo-change', async () => {
    const { gallery, $, counter, current, live } = await setup();
    const seen = changes(gallery);
    $('section').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(counter()).toBe('2 / 7');
    expect(live()).toBe('Photo 2 of 7');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.index).toBe(1);
    expect(seen[0]!.photo.caption).toBe('Photo number 2 of the sample set.');
    expect(current().getAttribute('aria-label')).toBe('Photo 2 of 7');
    await userEvent.keyboard('{End}');
    expect(counter()).toBe('7 / 7');
    expect($('.next').getAttribute('aria-disabled')).toBe('true');
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
    const { $, counter } = await setup({ attributes: 'loop', wrapper: 'dir="rtl"' });
    $('section').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(counter()).toBe('7 / 7');
    await userEvent.keyboard('{ArrowLeft}');
    await userEvent.keyboard('{ArrowLeft}');
    expect(counter()).toBe('2 / 7');
  });

  it('follows the prev/next buttons and thumbnails, keeping focus where the reader is', async () => {
    const { gallery, $, $$, counter } = await setup();
    await userEvent.click($('.next'));
    expect(counter()).toBe('2 / 7');
    expect(gallery.shadowRoot!.activeElement).toBe($('.next'));
    await userEvent.click($$('.thumb')[5]!);
    expect(counter()).toBe('6 / 7');
    expect($$('.thumb')[5]!.getAttribute('aria-current')).toBe('true');
    await userEvent.keyboard('{ArrowRight}');
    await gallery.updateComplete;
    expect(counter()).toBe('7 / 7');
    expect(gallery.shadowRoot!.activeElement).toBe($$('.thumb')[6]);
    await userEvent.click($('.prev'));
    expect(counter()).toBe('6 / 7');
  });

  it('swipes with touch or mouse past a threshold, horizontally only, mirrored right-to-left', async () => {
    const { gallery, $, counter } = await setup();
    const stage = () => $('section > .stage img');
    swipe(stage(), -120);
    await gallery.updateComplete;
    expect(counter()).toBe('2 / 7');
    swipe(stage(), -120, 0, 'mouse');
    await gallery.updateComplete;
    expect(counter()).toBe('3 / 7');
    swipe(stage(), 120);
    await gallery.updateComplete;
    expect(counter()).toBe('2 / 7');
    // Too short, or mostly vertical (the reader is scrolling the page): no change.
    swipe(stage(), -20);
    swipe(stage(), -80, 200);
    await gallery.updateComplete;
    expect(counter()).toBe('2 / 7');
    expect(getComputedStyle($('section > .stage')).touchAction).toBe('pan-y');
    gallery.parentElement!.dir = 'rtl';
    gallery.requestUpdate();
    await gallery.updateComplete;
    swipe(stage(), 120);
    await gallery.updateComplete;
    expect(counter()).toBe('3 / 7');
  });

  it('follows a real mouse drag on the photo (no native image drag steals it)', async () => {
    const { $, counter } = await setup({ wrapper: 'style="inline-size: 500px; margin-inline-start: 300px"' });
    const image = $('section > .stage .slide:not([inert]) img').getBoundingClientRect();
    const target = mount('<i style="position: fixed; inline-size: 10px; block-size: 10px"></i>')
      .firstElementChild as HTMLElement;
    target.style.left = `${image.left - 150}px`;
    target.style.top = `${image.top + image.height / 2 - 5}px`;
    await userEvent.dragAndDrop($('section > .stage .slide:not([inert]) img'), target);
    expect(counter()).toBe('2 / 7');
  });

  it('loads only a handful of 200 photos at start, and the neighbours of a far photo on demand', async () => {
    const run = `r${Math.random().toString(36).slice(2)}`;
    const requests = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes(`${run}&n=`))
        .map((entry) => Number(/n=(\d+)/.exec(entry.name)![1]));
    const { gallery, $$ } = await setup({
      photos: manyPhotos(200, IMAGES, `${run}&`),
      wrapper: 'style="inline-size: 640px"',
    });
    expect($$('.thumb')).toHaveLength(200);
    await until(() => requests().length >= 2, 5000, 'first images');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const atStart = requests();
    console.log('start', atStart.length, atStart.join(','));
    expect(atStart.length).toBeLessThanOrEqual(12);
    expect(atStart).toContain(1);
    expect(atStart).toContain(2);
    gallery.show(99);
    await until(
      () => requests().includes(100) && requests().includes(101),
      5000,
      'photo 100 and its neighbours',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    console.log('after', requests().length);
    expect(requests().length).toBeLessThanOrEqual(atStart.length + 14);
  });

  it('opens a modal lightbox that keeps focus inside, closes on Escape and returns focus to its opener', async () => {
    const root = mount('<button id="outside">outside</button>');
    const { gallery, $, counter } = await setup();
    await userEvent.click($('.next'));
    const opened = nextEvent<CustomEvent<{ index: number }>>(gallery, 'wire-lightbox-open');
    await userEvent.click($('.open'));
    expect((await opened).detail.index).toBe(1);
    const dialog = $<HTMLDialogElement>('dialog');
    expect(dialog.matches(':modal')).toBe(true);
    expect(gallery.shadowRoot!.activeElement).toBe(dialog.querySelector('.close'));
    // The same photo, caption, credit and counter, drawn across the viewport.
    expect(dialog.querySelector('.counter')!.textContent).toBe('2 / 7');
    expect(text(dialog.querySelector('.slide:not([inert])')!)).toContain('© Agency 2');
    expect(dialog.getBoundingClientRect().width).toBe(innerWidth);
    // Keys page inside the lightbox too.
    await userEvent.keyboard('{ArrowRight}');
    expect(dialog.querySelector('.counter')!.textContent).toBe('3 / 7');
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
        stops.push(active!.className);
      }
    }
    expect(new Set(stops)).toEqual(new Set(['browser', 'info', 'prev', 'next', 'share', 'close']));
    expect(root.querySelector('#outside')!.matches(':focus')).toBe(false);
    expect(document.elementFromPoint(innerWidth / 2, innerHeight / 2)).toBe(gallery);
    const closed = nextEvent<CustomEvent<{ index: number }>>(gallery, 'wire-lightbox-close');
    await userEvent.keyboard('{Escape}');
    expect((await closed).detail.index).toBe(2);
    expect(dialog.open).toBe(false);
    expect(counter()).toBe('3 / 7');
    expect(gallery.shadowRoot!.activeElement).toBe($('.open'));
  });

  it('closes the lightbox from its close button or a click beside the photo', async () => {
    const { gallery, $ } = await setup();
    const dialog = $<HTMLDialogElement>('dialog');
    await gallery.openLightbox();
    expect(dialog.matches(':modal')).toBe(true);
    await userEvent.click(dialog.querySelector('.close')!);
    expect(dialog.open).toBe(false);
    $('.share').focus();
    await userEvent.click($('.open'));
    await userEvent.click(dialog, { position: { x: 4, y: 4 } });
    expect(dialog.open).toBe(false);
    expect(gallery.shadowRoot!.activeElement).toBe($('.open'));
  });

  it('starts at the photo a deep link names, follows hashchange and keeps the hash without history entries', async () => {
    history.replaceState(null, '', '#photo-gallery-story-4');
    const { gallery, $, counter, live } = await setup();
    expect(counter()).toBe('4 / 7');
    expect(live()).toBe('');
    const seen = changes(gallery);
    const length = history.length;
    $('section').focus();
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
    await new Promise((resolve) => setTimeout(resolve, 50));
    location.hash = '#photo-gallery-story-99';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counter()).toBe('2 / 7');
  });

  it('starts at `start` (from 0) when no deep link names a photo', async () => {
    const { counter } = await setup({ attributes: 'start="2"' });
    expect(counter()).toBe('3 / 7');
  });

  it('copies the photo permalink, else the deep link, and says so politely', async () => {
    const photos = manyPhotos(3, IMAGES).map((photo, i) =>
      i ? photo : { ...photo, permalink: 'https://news.example/photo/one' },
    );
    const { $, live } = await setup({ photos });
    const write = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await userEvent.click($('.share'));
    expect(write).toHaveBeenLastCalledWith('https://news.example/photo/one');
    await until(() => live() === 'Link copied', 2000, 'announcement');
    await userEvent.click($('.next'));
    await userEvent.click($('.share'));
    expect(write).toHaveBeenLastCalledWith(`${location.origin}${cleanUrl}#photo-gallery-story-2`);
    // A refused clipboard is not an error for the reader.
    write.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    await userEvent.click($('.next'));
    await userEvent.click($('.share'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live()).toBe('Photo 3 of 3');
  });

  it('keeps credit lines with captions off, lists every credit on demand and hides thumbnails on request', async () => {
    const photos = manyPhotos(3, IMAGES).map((photo, i) =>
      i === 1 ? { ...photo, credit_text: '', creator: '' } : photo,
    );
    const { $, $$, current } = await setup({ photos, attributes: 'captions="off" thumbnails="off"' });
    expect(text(current())).toBe('© Agency 1');
    expect($$('.thumb')).toHaveLength(0);
    const toggle = $('.toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($('#credits').hidden).toBe(true);
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(text(toggle)).toBe('Hide photo credits');
    expect($$('#credits li').map(text)).toEqual([
      '© Agency 1 — Photo number 1 of the sample set.',
      'Credit not given — Photo number 2 of the sample set.',
      '© Agency 3 — Photo number 3 of the sample set.',
    ]);
  });

  it('opens the credit popover from the photo', async () => {
    const { current } = await setup();
    const info = current().querySelector('wire-credit-info')!;
    await userEvent.click(info.shadowRoot!.querySelector('button')!);
    const panel = info.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
    expect(panel.matches(':popover-open')).toBe(true);
    expect(text(panel)).toContain('Photographer 1');
  });

  it('shows a placeholder for a broken image with the caption and credit still readable', async () => {
    const photos = manyPhotos(2, IMAGES).map((photo) => ({
      ...photo,
      url: `${IMAGES}missing-${Math.random()}.jpg`,
    }));
    const { current } = await setup({ photos });
    await until(() => current().querySelector('figure')!.hasAttribute('data-broken'), 5000, 'image error');
    const placeholder = current().querySelector('.placeholder')!;
    expect(placeholder.getBoundingClientRect().height).toBeGreaterThan(100);
    expect(placeholder.getAttribute('aria-label')).toBe('Image unavailable');
    const caption = current().querySelector('figcaption')!;
    expect(caption.getBoundingClientRect().height).toBeGreaterThan(0);
    expect(text(caption)).toBe('Photo number 1 of the sample set. © Agency 1');
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
    const { gallery, root, current } = await setup({ wrapper: 'style="inline-size: 600px"' });
    root.insertAdjacentHTML('beforeend', '<p id="below">Text below the gallery</p>');
    await until(() => (current().querySelector('img') as HTMLImageElement).complete, 5000, 'image load');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const frame = () => current().querySelector('.frame')!.getBoundingClientRect();
    const before = frame();
    expect(before.width / before.height).toBeCloseTo(1.5, 1);
    // Photo 2 is portrait (800 × 1000): fitted into the same box.
    gallery.show(1);
    await gallery.updateComplete;
    await until(() => (current().querySelector('img') as HTMLImageElement).complete, 5000, 'image load');
    expect(frame().height).toBe(before.height);
    expect(frame().width).toBe(before.width);
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    expect(shifts).toEqual([]);
  });

  it('looks the same under hostile host-page CSS', async () => {
    const { gallery, current, $ } = await setup();
    // `* { all: unset !important }` also unsets the page's own boxes (the body loses its margin), so the
    // gallery may get wider: compare what must not depend on its width.
    const measure = () => {
      const image = current().querySelector('img')!;
      const credit = current().querySelector('.credit')!;
      const box = (element: Element) => element.getBoundingClientRect();
      const style = getComputedStyle(credit);
      return {
        imageFillsWidth: Math.round(box(image).width) === Math.round(box($('section')).width),
        imageRatio: (box(image).width / box(image).height).toFixed(2),
        imageVisible: image.checkVisibility({ visibilityProperty: true, opacityProperty: true }),
        creditVisible: credit.checkVisibility({ visibilityProperty: true }),
        credit: [Math.round(box(credit).width), box(credit).height, style.fontFamily, style.letterSpacing],
        caption: getComputedStyle(current().querySelector('figcaption')!).textTransform,
        button: [box($('.next')).width, box($('.next')).height],
        thumb: [box($('.thumb')).width, box($('.thumb')).height],
        section: getComputedStyle($('section')).fontSize,
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

  it('plays a slideshow when asked, pauses on hover and from its button, and stops when removed', async () => {
    const away = mount(
      '<p style="position: fixed; inset: 0 0 auto auto; margin: 0">away</p>',
    ).firstElementChild!;
    // The real mouse pointer may still rest where an earlier test left it, over the gallery.
    await userEvent.hover(away);
    const { gallery, $, counter, live } = await setup({
      attributes: 'autoplay="150"',
      wrapper: 'style="inline-size: 400px"',
    });
    const play = $('.play');
    expect(play.getAttribute('aria-label')).toBe('Pause slideshow');
    // While rotating, changes are not announced (they would interrupt the reader every few seconds).
    expect($('section > [aria-live]').getAttribute('aria-live')).toBe('off');
    await until(() => counter() === '3 / 7', 2000, 'two automatic advances');
    expect(live()).toBe('Photo 3 of 7');
    await userEvent.hover($('section > .stage'));
    const hovered = counter();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(counter()).toBe(hovered);
    await userEvent.hover(away);
    await until(() => counter() !== hovered, 2000, 'resume after hover');
    await userEvent.click(play);
    await userEvent.hover(away);
    expect(play.getAttribute('aria-label')).toBe('Play slideshow');
    expect($('section > [aria-live]').getAttribute('aria-live')).toBe('polite');
    const paused = counter();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(counter()).toBe(paused);
    // Focus on the play button itself does not hold the slideshow it just started.
    await userEvent.click(play);
    await userEvent.hover(away);
    await until(() => counter() !== paused, 2000, 'resume from the button');
    const seen = changes(gallery);
    gallery.remove();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen).toEqual([]);
  });

  it('does not start the slideshow for readers who prefer reduced motion', async () => {
    const real = window.matchMedia.bind(window);
    vi.spyOn(window, 'matchMedia').mockImplementation((query) =>
      query.includes('reduced-motion') ? ({ ...real(query), matches: true } as MediaQueryList) : real(query),
    );
    const { $, counter } = await setup({ attributes: 'autoplay="100"' });
    expect($('.play').getAttribute('aria-label')).toBe('Play slideshow');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counter()).toBe('1 / 7');
  });

  it('speaks the reader language', async () => {
    const { $, counter, current } = await setup({ wrapper: 'lang="ru"' });
    expect($('section').getAttribute('aria-label')).toBe('Фотогалерея');
    expect($('.next').getAttribute('aria-label')).toBe('Следующее фото');
    expect(current().getAttribute('aria-label')).toBe('Фото 1 из 7');
    expect(counter()).toBe('1 / 7');
  });

  it('falls back to the item image, and quietly to a message when there is nothing to show', async () => {
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
    expect(one!.shadowRoot!.querySelectorAll('.slide')).toHaveLength(1);
    // One photo: nothing to page through.
    expect(one!.shadowRoot!.querySelector('.next, .counter, .thumbs')).toBeNull();
    expect(shadowText(none!)).toBe('This content is not available right now.');
    expect(shadowText(gone!)).toBe('This story is no longer available.');
    expect(errors).toEqual(['not-found']);
  });
});
