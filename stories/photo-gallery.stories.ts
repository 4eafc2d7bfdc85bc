import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/photo-gallery/photo-gallery.define.js';
import { galleryFeed, manyPhotos } from '../test/fixtures.js';

/** What a story (or a test rendering one) can set on the gallery. */
export interface GalleryArgs {
  /** A raw feed to render instead of the bundled sample (see `galleryFeed`). */
  feed?: Record<string, unknown>;
  item?: string;
  captions?: 'on' | 'off';
  thumbnails?: 'on' | 'off';
  theme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  lang?: string;
  loop?: boolean;
  start?: number;
  /** Milliseconds between photos of the slideshow; absent for no slideshow. */
  autoplay?: number;
}

const meta = {
  title: 'Widgets/Photo gallery',
  component: 'wire-photo-gallery',
  // The feed builders above are shared with the tests, not stories.
  excludeStories: ['galleryFeed', 'manyPhotos'],
  argTypes: {
    start: { control: { type: 'number', min: 0 } },
    autoplay: { control: { type: 'select' }, options: [undefined, 3000, 5000, 8000] },
  },
  render: (args: GalleryArgs) =>
    html`<wire-photo-gallery
      src=${args.feed ? '' : '/sample-feed.json'}
      .feed=${args.feed}
      item=${args.item ?? (args.feed ? 'gallery-story' : 'kim-jong-un-komsomolsk-on-amur')}
      captions=${args.captions ?? 'on'}
      thumbnails=${args.thumbnails ?? 'on'}
      theme=${args.theme ?? 'light'}
      dir=${args.dir ?? 'ltr'}
      lang=${args.lang ?? 'en'}
      ?loop=${args.loop}
      start=${ifDefined(args.start)}
      autoplay=${ifDefined(args.autoplay)}
      style="max-inline-size: 720px"
    ></wire-photo-gallery>`,
} satisfies Meta<GalleryArgs>;
export default meta;

const gallery = (canvas: HTMLElement) => canvas.querySelector('wire-photo-gallery')!.shadowRoot!;

/**
 * Waits until the gallery shows its photos, so a story that fails to load cannot pass its checks. Only the total
 * is checked: a story that pages leaves its deep link (`#photo-…`) in the URL, and the next story starts there.
 */
async function shown(canvas: HTMLElement, total: number | null): Promise<void> {
  await waitFor(() => expect(gallery(canvas).querySelector('section .slide img')).toBeTruthy());
  const counter = gallery(canvas).querySelector('.counter')?.textContent;
  await expect(counter?.split(' / ')[1] ?? null).toBe(total === null ? null : String(total));
}

type Story = StoryObj<GalleryArgs>;

/** The gallery of the bundled sample's seed story, as a reader first sees it: photo 1, nothing focused. */
export const Default: Story = {
  play: ({ canvasElement }) => shown(canvasElement, 7),
};

/** A reader picks a thumbnail, then steps on with the arrow: photo 2 of 7, the arrow keeps its focus ring. */
export const Browse: Story = {
  name: 'Browse (thumbnail, then next)',
  play: async ({ canvasElement }) => {
    const root = gallery(canvasElement);
    await shown(canvasElement, 7);
    await userEvent.click(root.querySelector<HTMLElement>('.thumb')!);
    await userEvent.click(root.querySelector<HTMLElement>('.next')!);
    await expect(root.querySelector('.counter')!.textContent).toBe('2 / 7');
    // The accessibility check runs after the play function: let the 0.25 s cross-fade finish, or axe measures
    // the caption's contrast half-way through it.
    await waitFor(() =>
      expect(getComputedStyle(root.querySelector('.slide:not([inert])')!).opacity).toBe('1'),
    );
  },
};

/** An item with no gallery shows its one hero image: no arrows, counter or thumbnails. */
export const OnePhoto: Story = {
  args: { item: 'putin-kim-talks' },
  play: ({ canvasElement }) => shown(canvasElement, null),
};

export const ManyPhotos: Story = {
  name: 'Many photos (200)',
  args: { feed: galleryFeed(manyPhotos(200)), loop: true },
  play: ({ canvasElement }) => shown(canvasElement, 200),
};

export const MissingCredits: Story = {
  args: {
    feed: galleryFeed(
      manyPhotos(4).map((photo, i) => (i % 2 ? photo : { ...photo, credit_text: '', creator: '' })),
    ),
  },
  play: async ({ canvasElement }) => {
    const root = gallery(canvasElement);
    await waitFor(() => expect(root.querySelector('.toggle')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.toggle')!);
    await waitFor(() => expect(root.querySelector('ol')!.textContent).toContain('Credit not given'));
  },
};

export const BrokenImages: Story = {
  name: 'Broken image URLs',
  args: {
    feed: galleryFeed(manyPhotos(3).map((photo, i) => ({ ...photo, url: `/images/missing-${i}.jpg` }))),
  },
  play: async ({ canvasElement }) => {
    await shown(canvasElement, 3);
    await waitFor(() => expect(gallery(canvasElement).querySelector('figure[data-broken]')).toBeTruthy());
  },
};

export const RightToLeft: Story = {
  args: { dir: 'rtl' },
  play: ({ canvasElement }) => shown(canvasElement, 7),
};

/** The seed story's gallery in Russian: its controls are named in the reader's language, not the feed's. */
export const Russian: Story = {
  args: { lang: 'ru' },
  play: async ({ canvasElement }) => {
    await shown(canvasElement, 7);
    const root = gallery(canvasElement);
    await waitFor(() => expect(root.querySelector('[aria-label="Следующее фото"]')).not.toBeNull());
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background: #18181b; padding: 16px">${story()}</div>`],
  play: ({ canvasElement }) => shown(canvasElement, 7),
};

export const LongCaptions: Story = {
  args: {
    feed: galleryFeed(
      manyPhotos(3).map((photo) => ({
        ...photo,
        caption:
          'Workers and engineers gather around the fuselage sections on the assembly line while the delegation, ' +
          'accompanied by the plant director and several ministers, listens to a long explanation of how the ' +
          'aircraft are built, tested and delivered to customers across the region, a process that takes months.',
        credit_text: '© A news agency with a rather long name / Staff photographer for the regional bureau',
      })),
    ),
  },
  play: ({ canvasElement }) => shown(canvasElement, 3),
};

export const LightboxOpen: Story = {
  name: 'Lightbox open',
  play: async ({ canvasElement }) => {
    const root = gallery(canvasElement);
    await waitFor(() => expect(root.querySelector('.open')).toBeTruthy());
    await userEvent.click(root.querySelector<HTMLElement>('.open')!);
    const dialog = root.querySelector('dialog')!;
    await waitFor(() => expect(dialog.matches(':modal')).toBe(true));
    await expect(root.activeElement).toBe(dialog.querySelector('.close'));
  },
};

/** The photo box held while the feed is on the way (no feed yet; see the article card's Loading story). */
export const Loading: Story = {
  render: (args) =>
    html`<wire-photo-gallery lang=${args.lang ?? 'en'} style="max-inline-size: 720px"></wire-photo-gallery>`,
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('wire-photo-gallery')!;
    await expect(element.matches(':state(loading)')).toBe(true);
    await expect(gallery(canvasElement).querySelector('[part="skeleton"]')).not.toBeNull();
  },
};

const fallback = (canvas: HTMLElement) =>
  waitFor(() => expect(gallery(canvas).querySelector('[part="fallback"]')).toBeTruthy());

export const LoadError: Story = {
  name: 'Error (feed unavailable)',
  render: (args) =>
    html`<wire-photo-gallery src="/no-such-feed.json" lang=${args.lang ?? 'en'}></wire-photo-gallery>`,
  play: async ({ canvasElement }) => {
    await fallback(canvasElement);
    await expect(canvasElement.querySelector('wire-photo-gallery')!.matches(':state(error)')).toBe(true);
    await expect(gallery(canvasElement).textContent).toContain('not available');
  },
};

export const NotFound: Story = {
  args: { item: 'no-such-story' },
  play: async ({ canvasElement }) => {
    await fallback(canvasElement);
    await expect(gallery(canvasElement).textContent).toContain('no longer available');
  },
};

/**
 * A story with no photos at all: no failure, so nothing is drawn and no room taken (`:state(empty)`), and an article
 * template can hold a gallery for every story.
 */
export const Empty: Story = {
  name: 'Empty (story without photos)',
  args: { feed: galleryFeed([]) },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('wire-photo-gallery')!;
    await waitFor(() => expect(element.matches(':state(empty)')).toBe(true));
    await expect(getComputedStyle(element).display).toBe('none');
  },
};
