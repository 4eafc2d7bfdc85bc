import { html, isServer, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Photo } from '../../feed/types.js';
import { t } from '../../i18n/i18n.js';
import { emit } from '../../shared/events.js';
import { photoStyles, photoTemplate } from '../../shared/photo.js';
import { hostStyles } from '../../shared/styles.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { galleryStyles } from './photo-gallery.styles.js';

const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;
const PREV = 'M15 5l-7 7 7 7';
const NEXT = 'M9 5l7 7-7 7';

/** The credit a reader sees for a photo: the same fallback order as the credit line under it. */
const creditOf = (photo: Photo) => photo.creditText || photo.copyrightNotice || photo.creator;

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')}…` : text);

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
 * @csspart status - The loading or error message.
 *
 * @cssprop --wire-gallery-aspect-ratio - Shape of the photo box; photos are fitted inside it (default 3 / 2).
 * @cssprop --wire-gallery-thumbnail-size - Width of a thumbnail (default 72px).
 * @cssprop --wire-gallery-lightbox-background - Background of the full-screen view (default #0b0b0c).
 */
export class WirePhotoGallery extends WireFeedElement {
  static override styles = [hostStyles, photoStyles, galleryStyles];

  /** Index of the photo shown first, counted from 0. A `#photo-<item>-<n>` deep link in the URL wins. */
  @property({ type: Number }) start = 0;

  /** `off` hides the thumbnail strip. */
  @property() thumbnails: 'on' | 'off' = 'on';

  /** `off` hides captions; credit lines always stay. */
  @property() captions: 'on' | 'off' = 'on';

  /**
   * Advances on its own every N ms (the attribute's value, 5000 when empty), pausing while hovered or focused.
   * Starts paused for readers who prefer reduced motion. 0 (no attribute) turns it off.
   */
  @property({ converter: (value) => (value === null ? 0 : Number(value) || 5000) }) autoplay = 0;

  /** Wrap around from the last photo to the first and back. */
  @property({ type: Boolean }) loop = false;

  @state() private index = 0;
  @state() private lightbox = false;
  @state() private playing = false;
  @state() private creditsOpen = false;
  @state() private copied = false;
  @state() private announcement = '';
  /** Focus is inside the gallery (the slideshow then holds still, so changes are announced again). */
  @state() private focused = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  private photos: Photo[] = [];
  private shownItem?: string;
  private opener?: HTMLElement;
  private timer?: ReturnType<typeof setInterval>;
  private drag?: { id: number; x: number; y: number };
  private readonly onHash = () => {
    const index = this.fromHash();
    if (index !== undefined) this.go(index);
  };

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
    if (this.lightbox || !this.photos.length) return;
    const active = this.shadowRoot?.activeElement;
    this.opener = active instanceof HTMLElement ? active : undefined;
    this.lightbox = true;
    this.announcement = '';
    await this.updateComplete;
    this.dialog?.showModal();
    this.dialog?.querySelector<HTMLElement>('.close')?.focus();
    emit(this, 'wire-lightbox-open', { index: this.index });
  }

  closeLightbox(): void {
    this.dialog?.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.syncTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    clearInterval(this.timer);
    this.closeLightbox();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const item = this.data.view.item;
    this.photos = item?.gallery.length ? item.gallery : item?.image ? [item.image] : [];
    if (item && item.id !== this.shownItem) {
      this.shownItem = item.id;
      this.index = this.fromHash() ?? this.clamp(Math.trunc(this.start) || 0);
    }
    this.index = this.clamp(this.index);
    // This render drops the gallery (a new feed loading, an item without photos): close the lightbox first, as a
    // dialog removed while open fires no close event and would leave the gallery thinking it still open.
    const status = this.data.view.status;
    if (this.lightbox && (status === 'idle' || status === 'loading' || !this.photos.length))
      this.closeLightbox();
    if (changed.has('autoplay'))
      this.playing =
        this.autoplay > 0 && !isServer && !matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('playing') || changed.has('autoplay')) this.syncTimer();
    if (!changed.has('index')) return;
    const thumb = this.renderRoot.querySelector<HTMLElement>('.thumb[aria-current=true]');
    const strip = thumb?.parentElement;
    if (!thumb || !strip) return;
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

  private hash(index: number): string {
    return `#photo-${encodeURIComponent(this.shownItem ?? '')}-${index + 1}`;
  }

  private fromHash(): number | undefined {
    if (isServer) return undefined;
    let hash = location.hash;
    try {
      hash = decodeURIComponent(hash);
    } catch {
      // A malformed escape: compare the raw text.
    }
    const prefix = `#photo-${this.shownItem}-`;
    const n = hash.startsWith(prefix) ? Number(hash.slice(prefix.length)) : 0;
    return Number.isInteger(n) && n >= 1 && n <= this.photos.length ? n - 1 : undefined;
  }

  private go(target: number): void {
    const total = this.photos.length;
    const index = this.loop ? ((target % total) + total) % total : this.clamp(target);
    if (!total || index === this.index) return;
    this.index = index;
    this.copied = false;
    this.announcement = t(this.language, 'photoOf', { index: index + 1, total });
    try {
      // replaceState: a reader paging through 40 photos must not need 40 presses of Back to leave the page.
      history.replaceState(history.state, '', this.hash(index));
    } catch {
      // Opaque-origin frames (sandboxed, srcdoc) refuse URL changes; paging still works.
    }
    emit(this, 'wire-photo-change', { index, photo: this.photos[index]! });
  }

  private syncTimer(): void {
    clearInterval(this.timer);
    this.timer =
      this.playing && this.isConnected
        ? setInterval(() => {
            const active = this.shadowRoot?.activeElement;
            // Paused while the reader points at or works inside the gallery (WCAG 2.2.2); the play button
            // itself does not count, or pressing it would do nothing until focus left.
            if (!this.matches(':hover') && (!active || active.classList.contains('play')))
              this.go((this.index + 1) % this.photos.length);
          }, this.autoplay)
        : undefined;
  }

  /** The slideshow is advancing on its own: not paused, and not held by focus inside (the play button aside). */
  private rotating(): boolean {
    return this.playing && !(this.focused && !this.shadowRoot?.activeElement?.classList.contains('play'));
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // Keys inside the credit popover belong to it.
    if ((event.target as Element).localName === 'wire-credit-info') return;
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

  private onDown(event: PointerEvent): void {
    // The info button and caption text (which a reader may select) are not swipe surfaces.
    if (!event.isPrimary || event.button || (event.target as Element).closest('wire-credit-info, figcaption'))
      return;
    this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    try {
      // Keeps the pointerup ours when a drag ends outside the photo.
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (or synthetic); the swipe still ends with the pointerup we get.
    }
  }

  private onUp(event: PointerEvent): void {
    const drag = this.drag;
    this.drag = undefined;
    // pointercancel: the browser took the gesture over for vertical scrolling (touch-action: pan-y).
    if (!drag || drag.id !== event.pointerId || event.type === 'pointercancel') return;
    const dx = event.clientX - drag.x;
    const width = (event.currentTarget as Element).clientWidth;
    if (Math.abs(dx) < Math.min(40, width / 5) || Math.abs(dx) < 1.5 * Math.abs(event.clientY - drag.y))
      return;
    this.go(this.index + (dx < 0 !== (this.direction === 'rtl') ? 1 : -1));
  }

  private async share(): Promise<void> {
    const photo = this.photos[this.index]!;
    try {
      await navigator.clipboard.writeText(
        photo.permalink ?? new URL(this.hash(this.index), location.href).href,
      );
      this.copied = true;
      this.announcement = t(this.language, 'linkCopied');
    } catch {
      // No clipboard (insecure page, denied permission): the address bar already holds the deep link.
    }
  }

  private view(lang: string, lightbox: boolean) {
    const { photos, index } = this;
    const total = photos.length;
    const label = (i: number) => t(lang, 'photoOf', { index: i + 1, total });
    const near = (i: number) => {
      const d = Math.abs(i - index);
      return d < 2 || (this.loop && d === total - 1);
    };
    const button = (name: string, text: string, d: string, onClick: () => unknown, disabled = false) =>
      html`<button
        type="button"
        class=${name}
        aria-label=${text}
        aria-disabled=${disabled ? 'true' : 'false'}
        @click=${onClick}
      >
        ${icon(d)}
      </button>`;
    return html`
      <div
        class="stage"
        part="stage"
        @pointerdown=${this.onDown}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
      >
        ${photos.map((photo, i) =>
          near(i)
            ? html`<div
                class="slide"
                role="group"
                aria-roledescription="slide"
                aria-label=${label(i)}
                ?inert=${i !== index}
              >
                ${photoTemplate(photo, { lang, caption: this.captions !== 'off' })}
              </div>`
            : nothing,
        )}
      </div>
      <div class="bar" part="controls">
        ${
          total > 1
            ? html`${button('prev', t(lang, 'previousPhoto'), PREV, () => this.go(index - 1), !this.loop && !index)}
                <span class="counter" part="counter">${t(lang, 'counter', { index: index + 1, total })}</span>
                ${button('next', t(lang, 'nextPhoto'), NEXT, () => this.go(index + 1), !this.loop && index === total - 1)}
                ${
                  this.autoplay
                    ? button(
                        'play',
                        t(lang, this.playing ? 'pause' : 'play'),
                        this.playing ? 'M8 5v14M16 5v14' : 'M7 4l13 8-13 8z',
                        () => (this.playing = !this.playing),
                      )
                    : nothing
                }`
            : nothing
        }
        <span class="gap"></span>
        ${button('share', t(lang, 'share'), this.copied ? 'M5 12l5 5 9-10' : 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1', this.share)}
        ${
          lightbox
            ? button('close', t(lang, 'closeLightbox'), 'M6 6l12 12M18 6L6 18', () => this.closeLightbox())
            : button(
                'open',
                t(lang, 'openLightbox'),
                'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
                this.openLightbox,
              )
        }
      </div>
      <div class="visually-hidden" aria-live=${this.rotating() ? 'off' : 'polite'} aria-atomic="true">
        ${this.announcement}
      </div>
    `;
  }

  override render() {
    const view = this.data.view;
    const lang = this.language;
    const photos = this.photos;
    if (view.status === 'idle' || view.status === 'loading')
      return html`<div class="wrap">
        <div class="frame"></div>
        <span class="visually-hidden" role="status">${t(lang, 'loading')}</span>
      </div>`;
    if (!photos.length)
      return html`<div class="wrap status" part="status">
        ${t(lang, view.reason === 'not-found' ? 'notFound' : 'unavailable')}
      </div>`;
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
        @focusin=${() => (this.focused = true)}
        @focusout=${() => (this.focused = false)}
      >
        ${this.view(lang, false)}
        ${
          this.thumbnails !== 'off' && photos.length > 1
            ? html`<div class="thumbs" part="thumbnails" role="group" aria-label=${t(lang, 'thumbnails')}>
                ${photos.map(
                  (photo, i) =>
                    html`<button
                      type="button"
                      class="thumb"
                      part="thumbnail"
                      aria-label=${t(lang, 'photoOf', { index: i + 1, total: photos.length })}
                      aria-current=${i === this.index ? 'true' : 'false'}
                      @click=${() => this.go(i)}
                    >
                      <img src=${photo.srcset[0]?.url ?? photo.url} alt="" loading="lazy" decoding="async" />
                    </button>`,
                )}
              </div>`
            : nothing
        }
        <button
          type="button"
          class="toggle"
          aria-expanded=${this.creditsOpen ? 'true' : 'false'}
          aria-controls="credits"
          @click=${() => (this.creditsOpen = !this.creditsOpen)}
        >
          ${t(lang, this.creditsOpen ? 'hideCredits' : 'photoCredits')}
        </button>
        <ol id="credits" part="credits" ?hidden=${!this.creditsOpen}>
          ${
            this.creditsOpen
              ? photos.map(
                  (photo) =>
                    html`<li>
                      ${creditOf(photo) || t(lang, 'noCredit')}${photo.caption ? ` — ${short(photo.caption)}` : ''}
                    </li>`,
                )
              : nothing
          }
        </ol>
        <dialog
          part="lightbox"
          aria-label=${t(lang, 'gallery')}
          @close=${this.onClose}
          @click=${(event: Event) => event.target === event.currentTarget && this.closeLightbox()}
        >
          ${this.lightbox ? this.view(lang, true) : nothing}
        </dialog>
      </section>
    `;
  }

  private onClose(): void {
    this.lightbox = false;
    this.opener?.focus();
    this.opener = undefined;
    emit(this, 'wire-lightbox-close', { index: this.index });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-photo-gallery': WirePhotoGallery;
  }
}
