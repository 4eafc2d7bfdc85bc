import { css } from 'lit';

export const galleryStyles = css`
  :host(:state(empty)) {
    display: none;
  }

  /* The page's background, as the cards paint theirs: the text follows the reader's colour scheme, so on a page
     that stays light it must not be light text on the page's white. One column no wider than the host: the
     controls wrap rather than push the photo past the widget's edge, which clips it (320 px, or 200% text). */
  .wrap {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
    background: var(--_bg);
  }

  /* The carousel's focus ring is the shared one, 2px outside it, which the host's clip margin shows: drawn inside,
     over the photo, it ran over the caption's first letter and the edges of the controls. Where that margin is
     unknown (Safari), the host's paint containment would cut it: there it is drawn inside, above the photo, whose
     positioned frame would paint over an outline on the section itself. */
  section {
    position: relative;
  }

  /* Its own colour fills the gap, so the ring keeps its contrast on any page (see story-card.styles.ts). */
  section:focus-visible {
    box-shadow: 0 0 0 2px var(--_bg);
  }

  @supports not (overflow-clip-margin: 4px) {
    section:focus-visible {
      outline: none;
    }

    section:focus-visible::after {
      content: '';
      position: absolute;
      inset: 0;
      z-index: 1;
      outline: 2px solid var(--_focus);
      outline-offset: -2px;
      pointer-events: none;
    }
  }

  .stage {
    display: grid;
    /* Vertical scrolling stays the browser's; horizontal swipes come to us as pointer events. */
    touch-action: pan-y;
  }

  /* One box for every photo, whatever its shape: paging between landscape and portrait never moves the page. */
  .frame {
    aspect-ratio: var(--wire-gallery-aspect-ratio, 3 / 2);
    background: var(--_surface);
  }

  /* The loading skeleton, box for box the size of the gallery it stands in for: photo frame, a two-line caption
     (figcaption: 6px above, 0.8125em text), the 40px control bar, the thumbnail strip (3:2 buttons and 4px padding)
     and the 40px credits button. dist/wire-widgets.css reserves the same box before the element is defined. */
  .skeleton-caption {
    margin-block-start: 6px;
    block-size: calc(2lh * 0.8125);
  }

  .skeleton-caption.short {
    block-size: calc(1lh * 0.8125);
  }

  .skeleton-controls {
    block-size: 40px;
  }

  .skeleton-thumbs {
    block-size: calc(var(--wire-gallery-thumbnail-size, 72px) * 2 / 3 + 8px);
  }

  .stage img {
    block-size: 100%;
    object-fit: contain;
    -webkit-user-drag: none;
  }

  /* Feed text takes its direction from its own letters: a Latin credit in a right-to-left page keeps its "©" first. */
  figcaption > span,
  li {
    unicode-bidi: plaintext;
  }

  .slide {
    grid-area: 1 / 1;
    min-block-size: 0;
    transition: opacity 0.25s;
  }

  .slide[inert] {
    visibility: hidden;
    opacity: 0;
  }

  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }

  .gap {
    flex: 1;
  }

  button {
    display: inline-grid;
    place-items: center;
    margin: 0;
    padding: 0 12px;
    min-block-size: 40px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .bar button {
    inline-size: 40px;
    padding: 0;
  }

  /* The icon dims, not the button: it still takes focus, and its focus ring must not fade with it. */
  [aria-disabled='true'] {
    cursor: default;
  }

  [aria-disabled='true'] > svg {
    opacity: 0.4;
  }

  svg {
    inline-size: 20px;
    block-size: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  [dir='rtl'] :is(.prev, .next) svg {
    scale: -1 1;
  }

  /* "3 / 12" reads left to right in every script; inside right-to-left text it would turn into "12 / 3". */
  .counter {
    direction: ltr;
    unicode-bidi: isolate;
    min-inline-size: 4em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  .thumbs {
    display: flex;
    gap: 6px;
    padding: 4px;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-behavior: smooth;
    scrollbar-width: thin;
  }

  .thumbs button {
    flex: none;
    inline-size: var(--wire-gallery-thumbnail-size, 72px);
    aspect-ratio: 3 / 2;
    padding: 0;
    overflow: hidden;
    border: 2px solid transparent;
    background: var(--_surface);
  }

  .thumbs [aria-current='true'] {
    border-color: var(--_accent);
  }

  /* Forced colours give every button's border the same colour: the current thumbnail keeps the system's highlight. */
  @media (forced-colors: active) {
    .thumbs [aria-current='true'] {
      forced-color-adjust: none;
      border-color: Highlight;
    }
  }

  .thumbs img {
    block-size: 100%;
    object-fit: cover;
  }

  .toggle {
    justify-self: start;
    font-size: 0.875em;
  }

  ol {
    margin: 0;
    padding-inline-start: 2em;
    font-size: 0.8125em;
  }

  dialog {
    inline-size: 100vw;
    block-size: 100dvh;
    max-inline-size: none;
    max-block-size: none;
    margin: 0;
    padding: 12px;
    border: 0;
    color-scheme: dark;
    background: var(--wire-gallery-lightbox-background, #0b0b0c);
    color: var(--_text);
  }

  dialog[open] {
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
    gap: 8px;
  }

  dialog .stage,
  dialog .slide {
    min-block-size: 0;
  }

  dialog figure {
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto;
    block-size: 100%;
  }

  /*
   * The full-screen photo is shrink-wrapped and centred in the frame, so its info control sits on the photo's own
   * corner rather than on the corner of the letterboxed frame (220 px below a landscape photo on a phone).
   */
  dialog .frame {
    aspect-ratio: auto;
    background: none;
    container-type: size;
    display: grid;
    place-content: center;
  }

  dialog .frame > img {
    grid-area: 1 / 1;
    inline-size: auto;
    block-size: auto;
    max-inline-size: 100cqi;
    max-block-size: 100cqb;
  }

  dialog .frame > .info {
    grid-area: 1 / 1;
    position: static;
    place-self: end;
    margin: 8px;
  }

  ::backdrop {
    background: rgb(0 0 0 / 0.8);
  }
`;
