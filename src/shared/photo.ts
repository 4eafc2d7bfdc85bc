/**
 * The image-with-credit every widget draws: a figure whose box is reserved from the feed's width and height
 * (no layout shift when the picture arrives), `srcset`/`sizes` from the feed, the credit line always visible,
 * a neutral placeholder when the image fails, and an info control for the full credit.
 */
import {
  css,
  html,
  isServer,
  nothing,
  type ReactiveController,
  type ReactiveElement,
  type TemplateResult,
} from 'lit';
import type { DirectiveResult } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Photo } from '../feed/types.js';
import { t } from '../i18n/i18n.js';
import { infoIconStyles } from './icons.js';

export interface PhotoOptions {
  lang: string;
  /** The language of the feed's text (alt text, caption, credit) where it differs from `lang` (`textLanguage`). */
  textLang?: string;
  /** `sizes` for the `srcset`, e.g. "(min-width: 700px) 640px, 100vw". */
  sizes?: string;
  /** Eager for the hero image, lazy everywhere else. */
  loading?: 'lazy' | 'eager';
  fetchpriority?: 'high' | 'low' | 'auto';
  /** Alt text to use instead of the photo's (an empty string marks the image decorative). */
  alt?: string;
  /** Show the caption under the image; the credit line, when the photo has one, is always shown. */
  caption?: boolean;
}

/**
 * `srcset` attribute value from the feed's sources, or undefined when it gives none. Commas are escaped: the
 * srcset parser strips a URL's trailing commas and would read the next descriptor ("640w") as a URL.
 */
export function srcsetOf(photo: Photo): string | undefined {
  return photo.srcset.length
    ? photo.srcset.map((source) => `${source.url.replaceAll(',', '%2C')} ${source.width}w`).join(', ')
    : undefined;
}

/** A photo's `<img>`, which the render gives the placeholder's name in the widget's language as an expando. */
type PhotoImage = HTMLImageElement & { unavailable: string };

/**
 * Marks the figure broken and puts the placeholder in the picture's place; the caption and credit stay readable.
 * The placeholder is made here, for the few pictures that fail, rather than drawn hidden in every photo: an element
 * per photo is cloned, styled and laid out on every card. A new photo gets a new figure (keyed below), so this runs
 * once per figure; the render goes on naming the image, in a new language or once a catalog arrives, and the name
 * goes on to the placeholder.
 */
function markBroken(image: PhotoImage): void {
  const figure = image.closest('figure');
  if (!figure || figure.hasAttribute('data-broken')) return;
  figure.setAttribute('data-broken', '');
  const placeholder = image.ownerDocument.createElement('span');
  placeholder.className = 'placeholder';
  placeholder.setAttribute('role', 'img');
  const name = (label: string) => placeholder.setAttribute('aria-label', label);
  name(image.unavailable);
  Object.defineProperty(image, 'unavailable', { set: name });
  image.after(placeholder);
}

/** The picture's `@error` listener; a server-rendered picture that failed before it existed: see below. */
const onImageError = (event: Event) => markBroken(event.target as PhotoImage);

/**
 * A server-rendered picture has no error listener until its widget hydrates, which the bundle may do long after
 * (a page still parsing, a deferred script): one that failed by then told no one and showed the browser's broken
 * image and its alt text. Once a server-rendered widget has hydrated, this finds those pictures and marks them as
 * the listener would have. A widget drawn in the browser binds its listener before the picture is requested.
 */
export class HydratedPhotosController implements ReactiveController {
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const { host } = this;
    if (isServer || host.hasUpdated || !host.renderRoot.hasChildNodes()) return;
    void host.updateComplete.then(() => {
      for (const image of host.renderRoot.querySelectorAll<PhotoImage>('figure.photo > .frame > img'))
        // A picture still on its way (or lazy, not yet asked for) is not complete; decoding fails only a broken one.
        if (image.complete && !image.naturalWidth) image.decode().catch(() => markBroken(image));
    });
  }
}

/** True when a photo has credit details beyond its one-line credit, so an info control is worth showing. */
export function hasCreditDetails(photo: Photo | undefined): photo is Photo {
  return Boolean(
    photo && (photo.creator || photo.copyrightNotice || photo.license || photo.acquireLicensePage),
  );
}

/**
 * The credit a reader sees for a photo ("© Sputnik"): the credit text, else the copyright notice, else the
 * photographer; empty when the feed gives none. One function, so every list of credits matches the lines.
 */
export function creditOf(photo: Photo): string {
  return photo.creditText || photo.copyrightNotice || photo.creator || '';
}

/** The credit line under a photo, or nothing when the photo has no credit. */
export function creditLine(photo: Photo, textLang?: string): TemplateResult | typeof nothing {
  const credit = creditOf(photo);
  return credit
    ? html`<span class="credit" part="credit" lang=${textLang ?? nothing}>${credit}</span>`
    : nothing;
}

/**
 * The info control of a photo with credit details. Until a reader presses it, it is a plain button drawn in the
 * photo's own shadow root with `<wire-credit-info>`'s look: one of those elements per photo (an upgrade, a shadow
 * root and an update cycle each) was about a sixth of the time 1000 cards took, and few readers ever open one.
 * The first press fetches the real control (on the page's first press only), puts it in its place, at the same
 * spot, and opens it with focus on its button, so everything after (placement, Escape, focus return) is the
 * element's own.
 */
function creditButton(photo: Photo, lang: string, textLang?: string): TemplateResult | typeof nothing {
  if (!hasCreditDetails(photo)) return nothing;
  return html`<button
    class="info info-button"
    type="button"
    aria-expanded="false"
    aria-label=${t(lang, 'creditDetails')}
    .photo=${photo}
    .creditLang=${lang}
    .creditTextLang=${textLang}
    @click=${openCredit}
  >
    <span class="info-icon"></span>
  </button>`;
}

/** What the host's render leaves on the drawn button: expandos, so that no attribute is written for them. */
type DrawnButton = HTMLButtonElement & { photo: Photo; creditLang: string; creditTextLang?: string };

async function openCredit(event: Event): Promise<void> {
  const button = event.currentTarget as DrawnButton;
  // A browser without popovers keeps the drawn button, which then does nothing (as the element's own button would
  // there) rather than throw.
  if (!('showPopover' in button)) return;
  const focused = button.ownerDocument.activeElement;
  // The element is fetched on the first press anywhere on the page, not with the widgets that draw photos: most
  // readers never press one. A chunk that fails to load (offline) leaves the button as it was; a press after the
  // connection returns tries again where the browser does not keep the failure until the page reloads.
  if (!customElements.get('wire-credit-info'))
    try {
      // The popover's placement code (floating-ui) at the same time: the element asks for it only once shown, which
      // would be a second wait after the first.
      import('./floating.js').catch(() => undefined);
      await import('../components/credit-info/credit-info.define.js');
    } catch {
      return;
    }
  // A second press while the chunk loaded, or a new photo drawn meanwhile, has taken this button out already. A page
  // that defined the class under a tag of its own keeps the button: the chunk could not define it again.
  if (!button.isConnected || !customElements.get('wire-credit-info')) return;
  // A reader who went on while the chunk loaded (focus elsewhere, the gallery on another photo, whose slide is
  // inert) finds the control in place, closed.
  const goneOn = button.ownerDocument.activeElement !== focused || button.closest('[inert]');
  const info = button.ownerDocument.createElement('wire-credit-info');
  info.className = 'info';
  info.photo = button.photo;
  info.lang = button.creditLang;
  info.textLang = button.creditTextLang;
  button.replaceWith(info);
  // The host keeps rendering into the drawn button (same photo URL, same figure): a refreshed photo or a new
  // language goes on to the element that took its place.
  Object.defineProperties(button, {
    photo: { set: (photo: Photo) => (info.photo = photo) },
    creditLang: { set: (lang: string) => (info.lang = lang) },
    creditTextLang: { set: (lang?: string) => (info.textLang = lang) },
  });
  if (goneOn) return;
  await info.updateComplete;
  info.focus();
  info.show();
}

export function photoTemplate(photo: Photo, options: PhotoOptions): DirectiveResult {
  const { lang, textLang } = options;
  const ratio = photo.width && photo.height ? 'sized' : 'unsized';
  // The <img> takes `src` before `srcset` and `sizes`: `sizes` first, a card mounted and removed kept its picture
  // reachable (2000 mounts kept more than 64 KB, test/e2e/leak.test.ts).
  // The credit button follows the picture with no space: the picture is a block and the button is positioned, so a
  // space there is drawn as nothing, yet it was a text node per photo.
  // keyed: a new photo gets a new <figure>, so a previous picture's broken state never sticks to the next one.
  return keyed(
    photo.url,
    html`<figure class="photo ${ratio}" part="figure">
      <div class="frame">
        <img
          part="image"
          src=${photo.url}
          srcset=${ifDefined(srcsetOf(photo))}
          sizes=${ifDefined(photo.srcset.length ? (options.sizes ?? '100vw') : undefined)}
          width=${ifDefined(photo.width)}
          height=${ifDefined(photo.height)}
          alt=${options.alt ?? photo.alt}
          lang=${textLang ?? nothing}
          loading=${options.loading ?? 'lazy'}
          fetchpriority=${ifDefined(options.fetchpriority)}
          decoding="async"
          referrerpolicy="strict-origin-when-cross-origin"
          .unavailable=${t(lang, 'imageUnavailable')}
          @error=${onImageError}
        />${creditButton(photo, lang, textLang)}
      </div>
      <figcaption part="caption">
        ${
          (options.caption ?? true) && photo.caption
            ? html`<span class="caption-text" lang=${textLang ?? nothing}>${photo.caption}</span>`
            : nothing
        }
        ${creditLine(photo, textLang)}
      </figcaption>
    </figure>`,
  );
}

/** The round "i" button: `<wire-credit-info>`'s, and the one a photo draws in its place until it is pressed. */
export const infoButtonStyles = css`
  .info-button {
    box-sizing: border-box;
    display: grid;
    place-items: center;
    inline-size: var(--wire-credit-button-size, 24px);
    block-size: var(--wire-credit-button-size, 24px);
    /* The gallery's own buttons and icons are styled by tag; the drawn button sits among them. */
    min-inline-size: 0;
    min-block-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--wire-credit-button-background, rgb(0 0 0 / 0.65));
    color: var(--wire-credit-button-color, #ffffff);
    font: inherit;
    cursor: pointer;
  }

  /* It sits on a picture of any colour: the widget's background fills the gap inside the ring, so that one of the
     two stands out from the picture (the ring alone was 1.6:1 on a white one in the dark scheme). */
  .info-button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 3px;
    box-shadow: 0 0 0 3px var(--_bg);
  }

  ${infoIconStyles}

  .info-icon {
    inline-size: 14px;
    block-size: 14px;
  }
`;

export const photoStyles = css`
  ${infoButtonStyles}

  .photo {
    margin: 0;
  }

  .frame {
    position: relative;
    overflow: hidden;
    border-radius: var(--wire-image-radius, 0);
    background: var(--_surface);
  }

  /* Unsized photos still get a box, so the layout below them does not jump when they load. No more specific than
     .frame, so that an element's own box for its photos (the gallery's, its lightbox's) applies to these too. */
  :where(.unsized) .frame {
    aspect-ratio: var(--wire-image-fallback-ratio, 16 / 9);
  }

  img {
    display: block !important;
    inline-size: 100%;
    block-size: auto;
    max-inline-size: none;
  }

  .unsized img {
    block-size: 100%;
    object-fit: cover;
  }

  .placeholder {
    position: absolute;
    inset: 0;
    background:
      linear-gradient(135deg, transparent 48%, var(--_border) 49% 51%, transparent 52%), var(--_surface);
  }

  [data-broken] img {
    visibility: hidden;
  }

  .info {
    position: absolute;
    inset-block-end: 8px;
    inset-inline-end: 8px;
  }

  figcaption {
    margin-block-start: 6px;
    font-size: 0.8125em;
    color: var(--_muted);
  }

  /* Kept whole when it fits a line, wrapped inside when longer (a long agency name at 320 px or at 200% text
     would otherwise be cut off by the widget's box). */
  .credit {
    display: inline-block;
    font-weight: 600;
  }
`;
