import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Photo } from '../../feed/types.js';
import { t, textLanguage } from '../../i18n/i18n.js';
import { emit } from '../../shared/events.js';
import { HydratedPhotosController, photoStyles } from '../../shared/photo.js';
import { takenDown } from '../../shared/story-card.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { AutoplayController } from './autoplay-controller.js';
import { controls, stage, thumbnailStrip, type CarouselView } from './carousel.js';
import { creditsList } from './credits-list.js';
import { DeepLinkController } from './deep-link-controller.js';
import { LightboxController } from './lightbox.js';
import { galleryStyles } from './photo-gallery.styles.js';
import { SwipeController } from './swipe-controller.js';

/**
 * @tagname wire-photo-gallery
 * @summary A photo gallery that treats credits as first-class: every photo keeps its credit line, an info
 * control opens the full credit, and a "Photo credits" list covers the whole gallery. Carousel with thumbnails,
 * keyboard and swipe navigation, a modal lightbox and per-photo deep links (`#photo-<item>-<n>`).
 *
 * @fires wire-photo-change - The current photo changed (not fired for the first one). `detail: { index, photo }`.
 * @fires wire-lightbox-open - The full-screen view opened. `detail: { index }`.
 * @fires wire-lightbox-close - The full-screen view closed. `detail: { index }`.
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - The feed or item could not be shown. `detail: { url, reason, status? }`.
 *
 * @csspart gallery - The carousel region.
 * @csspart stage - The box holding the current photo.
 * @csspart figure - A photo with its caption.
 * @csspart image - A photo.
 * @csspart caption - The caption and credit under a photo.
 * @csspart credit - The credit line.
 * @csspart controls - The bar with previous/next, counter and actions.
 * @csspart counter - The "3 / 12" counter.
 * @csspart thumbnails - The strip of thumbnails.
 * @csspart thumbnail - One thumbnail button.
 * @csspart credits - The list of every photo's credit.
 * @csspart lightbox - The full-screen `<dialog>`.
 * @csspart skeleton - The photo box held while the feed loads.
 * @csspart fallback - The quiet message shown when the gallery cannot be shown.
 * @csspart notice - What replaces a story withheld, withdrawn or expired (with a link back once expired).
 * @csspart card - The box around that notice.
 * @csspart link - The link back to an expired story's original.
 * @cssstate loading - The feed is loading.
 * @cssstate ready - The content is shown.
 * @cssstate error - The feed or item cannot be shown (a `wire-feed-error` says why).
 * @cssstate empty - Nothing is drawn and the element takes no space.
 *
 * @cssprop --wire-gallery-aspect-ratio - Shape of the photo box; photos are fitted inside it (default 3 / 2).
 * @cssprop --wire-gallery-thumbnail-size - Width of a thumbnail (default 72px).
 * @cssprop --wire-gallery-lightbox-background - Background of the full-screen view (default #0b0b0c).
 * @cssprop --wire-image-radius - Corner radius of the photo box (default 0).
 */
export class WirePhotoGallery extends WireFeedElement {
  static override styles = [...WireFeedElement.styles, photoStyles, galleryStyles];

  /** Index of the photo shown first, counted from 0. A `#photo-<item>-<n>` deep link in the URL wins. */
  @property({ type: Number }) start = 0;

  /** `off` hides the thumbnail strip. */
  @property() thumbnails: 'on' | 'off' = 'on';

  /** `off` hides captions; credit lines always stay. */
  @property() captions: 'on' | 'off' = 'on';

  /**
   * Advances on its own every N ms (the attribute's value, 5000 when empty), pausing while hovered or focused,
   * while the page is hidden and while the gallery is scrolled out of view. Starts paused for readers who prefer
   * reduced motion. 0 (no attribute) turns it off.
   */
  @property({ converter: (value) => (value === null ? 0 : Number(value) || 5000) }) autoplay = 0;

  /** Wrap around from the last photo to the first and back. */
  @property({ type: Boolean }) loop = false;

  @state() private index = 0;
  @state() private creditsOpen = false;
  @state() private copied = false;
  @state() private announcement = '';

  private photos: Photo[] = [];
  private shownItem?: string;
  /** The thumbnail strip `updated` last saw: one it has not seen is new, at its start. */
  private strip?: Element;

  private readonly link = new DeepLinkController(this, {
    item: () => this.shownItem,
    total: () => this.photos.length,
    onLink: (index) => this.go(index),
  });

  private readonly slideshow = new AutoplayController(this, {
    interval: () => this.autoplay,
    advance: () => this.go((this.index + 1) % this.photos.length),
    isToggle: (element) => element.classList.contains('play'),
  });

  private readonly lightbox = new LightboxController(this, () => this.index);

  constructor() {
    super();
    new HydratedPhotosController(this);
    new SwipeController(this, {
      surface: '.stage',
      // The credit control (drawn button or <wire-credit-info>) and caption text (which a reader may select) are not
      // swipe surfaces.
      ignore: '.info, figcaption',
      rtl: () => this.direction === 'rtl',
      onSwipe: (step) => this.go(this.index + step),
    });
  }

  /** The photo on show, counted from 0. */
  get current(): number {
    return this.index;
  }

  /** Shows the photo at `index` (from 0), as a reader's click would. */
  show(index: number): void {
    this.go(index);
  }

  /** Opens the full-screen view on the current photo. */
  async openLightbox(): Promise<void> {
    if (!this.photos.length || this.lightbox.open) return;
    this.announcement = '';
    await this.lightbox.show();
  }

  closeLightbox(): void {
    this.lightbox.close();
  }

  /**
   * A story without photos (or none this page may show: those licensed for the publisher's own site only) is no
   * failure: the feed and the story are there. Like a comment prompt under a story without comments, the gallery then
   * draws nothing and takes no space.
   */
  protected override get empty(): boolean {
    // Read after willUpdate has chosen the photos (controllers' hostUpdate runs after it).
    return this.data.view.rights === 'usable' && !this.photos.length;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const { item, rights } = this.data.view;
    // A story taken down (withheld, withdrawn, expired) keeps none of its photos; the controller has already left
    // out those licensed for the publisher's own site only when this page is elsewhere.
    const photos = rights === 'usable' ? item?.gallery : undefined;
    this.photos = photos?.length ? photos : item?.image && rights === 'usable' ? [item.image] : [];
    if (item && item.id !== this.shownItem) {
      this.shownItem = item.id;
      this.index = this.link.read() ?? this.clamp(Math.trunc(this.start) || 0);
    }
    this.index = this.clamp(this.index);
    const status = this.data.view.status;
    if (status === 'idle' || status === 'loading' || !this.photos.length) this.lightbox.close();
    if (changed.has('autoplay')) this.slideshow.reset();
  }

  override updated(changed: PropertyValues): void {
    if (!changed.has('index')) return;
    const thumb = this.renderRoot.querySelector<HTMLElement>('.thumb[aria-current=true]');
    const strip = thumb?.parentElement;
    if (!thumb || !strip) return;
    // A strip just drawn is at its start, where the first thumbnail shows, and no thumbnail has focus: measuring it
    // laid the whole page out in the task that drew the gallery (14 ms of a 28 ms task on the autoloader's article
    // page, where the gallery's first render is its story).
    const fresh = strip !== this.strip;
    this.strip = strip;
    if (fresh && this.index === 0) return;
    // Scroll only the strip: scrollIntoView would also scroll the page to a gallery the reader has left.
    const box = thumb.getBoundingClientRect();
    const view = strip.getBoundingClientRect();
    const delta = Math.min(0, box.left - view.left) || Math.max(0, box.right - view.right);
    // A long jump is instant: a smooth scroll across 200 thumbnails would lazy-load every one it passes.
    if (delta)
      strip.scrollBy({ left: delta, behavior: Math.abs(delta) > view.width ? 'instant' : undefined });
    if (this.shadowRoot?.activeElement?.classList.contains('thumb')) thumb.focus({ preventScroll: true });
  }

  private clamp(index: number): number {
    return Math.max(0, Math.min(this.photos.length - 1, index));
  }

  private go(target: number): void {
    const total = this.photos.length;
    const index = this.loop ? ((target % total) + total) % total : this.clamp(target);
    if (!total || index === this.index) return;
    this.index = index;
    this.copied = false;
    // A credit panel open on the photo leaving would stay up over the next one, in a slide now inert.
    for (const info of this.renderRoot.querySelectorAll('wire-credit-info'))
      (info as Element & { hide?: () => void }).hide?.();
    this.announcement = t(this.language, 'photoOf', { index: index + 1, total });
    this.link.write(index);
    emit(this, 'wire-photo-change', { index, photo: this.photos[index]! });
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys on the credit control and inside its popover belong to it.
    if ((event.target as Element).closest('.info')) return;
    const rtl = this.direction === 'rtl';
    const keys: Record<string, number> = {
      ArrowLeft: this.index + (rtl ? 1 : -1),
      ArrowRight: this.index + (rtl ? -1 : 1),
      Home: 0,
      End: this.photos.length - 1,
    };
    if (!(event.key in keys)) return;
    event.preventDefault();
    this.go(keys[event.key]!);
  }

  private async share(): Promise<void> {
    const photo = this.photos[this.index]!;
    try {
      await navigator.clipboard.writeText(photo.permalink ?? this.link.href(this.index));
      this.copied = true;
      this.announcement = t(this.language, 'linkCopied');
    } catch {
      // No clipboard (insecure page, denied permission): the address bar already holds the deep link.
    }
  }

  /** The photos, their controls and the announcer: drawn in the page and again in the lightbox. */
  private carousel(view: CarouselView, inLightbox: boolean): TemplateResult {
    return html`
      ${stage(view, this.captions !== 'off')}
      ${controls(view, {
        playing: this.autoplay ? this.slideshow.playing : undefined,
        toggleSlideshow: () => this.slideshow.toggle(),
        copied: this.copied,
        share: () => void this.share(),
        inLightbox,
        openLightbox: () => void this.openLightbox(),
        closeLightbox: () => this.closeLightbox(),
      })}
      <div class="visually-hidden" aria-live=${this.slideshow.rotating ? 'off' : 'polite'} aria-atomic="true">
        ${this.announcement}
      </div>
    `;
  }

  override render() {
    const lang = this.language;
    const photos = this.photos;
    // The skeleton holds the gallery's whole box while loading (photo, caption, controls, thumbnails, credits
    // button), so nothing below moves when it arrives; a story without photos this page may show draws nothing.
    const state = this.data.render({
      loading: () =>
        html`<div class="skeleton-photo">
            <div class="frame"></div>
            <div class="skeleton-caption ${this.captions === 'off' ? 'short' : ''}"></div>
          </div>
          <div class="skeleton-controls"></div>
          ${this.thumbnails !== 'off' ? html`<div class="skeleton-thumbs"></div>` : nothing}
          <div class="skeleton-controls"></div>
          <span class="visually-hidden">${t(lang, 'loading')}</span>`,
      ready: (item, _feed, rights) =>
        rights !== 'usable' ? takenDown(item, rights, lang) : photos.length ? undefined : nothing,
      error: (view) => this.fallback(view),
    });
    if (state)
      return html`<div
        class="wrap"
        part=${this.data.status === 'loading' ? 'skeleton' : nothing}
        aria-busy=${this.data.status === 'loading' ? 'true' : nothing}
        lang=${lang}
        dir=${this.direction}
      >
        ${state}
      </div>`;
    const textLang = textLanguage(this.data.view.item, this.data.view.feed, lang);
    const carousel: CarouselView = {
      lang,
      textLang,
      photos,
      index: this.index,
      loop: this.loop,
      go: (i) => this.go(i),
    };
    return html`
      <section
        class="wrap"
        part="gallery"
        aria-roledescription="carousel"
        aria-label=${t(lang, 'gallery')}
        lang=${lang}
        dir=${this.direction}
        tabindex="0"
        @keydown=${this.onKey}
      >
        ${this.carousel(carousel, false)} ${this.thumbnails !== 'off' ? thumbnailStrip(carousel) : nothing}
        ${creditsList(lang, textLang, photos, this.creditsOpen, () => (this.creditsOpen = !this.creditsOpen))}
        ${this.lightbox.render(t(lang, 'gallery'), () => this.carousel(carousel, true))}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-photo-gallery': WirePhotoGallery;
  }
}
