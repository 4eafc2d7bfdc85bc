/**
 * The carousel's pieces, drawn in the page and again, full-screen, in the lightbox: the photo box, the control
 * bar and the thumbnail strip. Pure templates: the element owns the state and passes what they show.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Photo } from '../../feed/types.js';
import { t } from '../../i18n/i18n.js';
import {
  closeIcon,
  doneIcon,
  fullscreenIcon,
  nextIcon,
  pauseIcon,
  playIcon,
  previousIcon,
  shareIcon,
} from '../../shared/icons.js';
import { photoTemplate } from '../../shared/photo.js';

export interface CarouselView {
  lang: string;
  /** The feed's language where it differs from `lang` (`textLanguage`): its captions and credits are in it. */
  textLang?: string;
  photos: readonly Photo[];
  /** The photo on show, from 0. */
  index: number;
  loop: boolean;
  /** Show the photo to (from 0). */
  go: (index: number) => void;
}

/**
 * The current photo and its neighbours, the only ones in the DOM: with 200 photos, a reader who looks at three
 * downloads about three. Neighbours are inert and hidden until shown.
 */
export function stage(view: CarouselView, captions: boolean): TemplateResult {
  const { lang, textLang, photos, index, loop } = view;
  const total = photos.length;
  const near = (i: number) => {
    const d = Math.abs(i - index);
    return d < 2 || (loop && d === total - 1);
  };
  return html`<div class="stage" part="stage">
    ${photos.map((photo, i) =>
      near(i)
        ? html`<div
            class="slide"
            role="group"
            aria-roledescription="slide"
            aria-label=${t(lang, 'photoOf', { index: i + 1, total })}
            ?inert=${i !== index}
          >
            ${photoTemplate(photo, { lang, textLang, caption: captions })}
          </div>`
        : nothing,
    )}
  </div>`;
}

export interface ControlActions {
  /** Whether the slideshow is playing; undefined when the gallery has no slideshow. */
  playing: boolean | undefined;
  toggleSlideshow: () => void;
  /** The link was just copied: the share icon turns into a tick. */
  copied: boolean;
  share: () => void;
  /** In the lightbox the last control closes it; in the page it opens it. */
  inLightbox: boolean;
  openLightbox: () => void;
  closeLightbox: () => void;
}

const button = (
  name: string,
  label: string,
  icon: TemplateResult,
  onClick: () => unknown,
  disabled = false,
) =>
  html`<button
    type="button"
    class=${name}
    aria-label=${label}
    aria-disabled=${disabled ? 'true' : 'false'}
    @click=${onClick}
  >
    ${icon}
  </button>`;

export function controls(view: CarouselView, actions: ControlActions): TemplateResult {
  const { lang, index, loop, go } = view;
  const total = view.photos.length;
  const { playing } = actions;
  return html`<div class="bar" part="controls">
    ${
      total > 1
        ? html`${button('prev', t(lang, 'previousPhoto'), previousIcon(), () => go(index - 1), !loop && !index)}
            <span class="counter" part="counter">${t(lang, 'counter', { index: index + 1, total })}</span>
            ${button('next', t(lang, 'nextPhoto'), nextIcon(), () => go(index + 1), !loop && index === total - 1)}
            ${
              playing === undefined
                ? nothing
                : button(
                    'play',
                    t(lang, playing ? 'pause' : 'play'),
                    playing ? pauseIcon() : playIcon(),
                    actions.toggleSlideshow,
                  )
            }`
        : nothing
    }
    <span class="gap"></span>
    ${button('share', t(lang, 'share'), actions.copied ? doneIcon() : shareIcon(), actions.share)}
    ${
      actions.inLightbox
        ? button('close', t(lang, 'closeLightbox'), closeIcon(), actions.closeLightbox)
        : button('open', t(lang, 'openLightbox'), fullscreenIcon(), actions.openLightbox)
    }
  </div>`;
}

export function thumbnailStrip(view: CarouselView): TemplateResult | typeof nothing {
  const { lang, photos, index, go } = view;
  if (photos.length < 2) return nothing;
  return html`<div class="thumbs" part="thumbnails" role="group" aria-label=${t(lang, 'thumbnails')}>
    ${photos.map(
      (photo, i) =>
        html`<button
          type="button"
          class="thumb"
          part="thumbnail"
          aria-label=${t(lang, 'photoOf', { index: i + 1, total: photos.length })}
          aria-current=${i === index ? 'true' : 'false'}
          @click=${() => go(i)}
        >
          <img
            src=${photo.srcset[0]?.url ?? photo.url}
            alt=""
            loading="lazy"
            decoding="async"
            referrerpolicy="strict-origin-when-cross-origin"
          />
        </button>`,
    )}
  </div>`;
}
