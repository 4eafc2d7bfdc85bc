/**
 * Every icon the elements draw, in one place so that the same idea (a comment, "previous") looks the same in
 * every element. Icons are decorative (`aria-hidden`, or an empty box): the control around them carries the
 * accessible name. Drawn in `currentColor` (SVG strokes and fills, or a box's background), so they follow the text
 * colour and forced-colours mode.
 */
import { css, html, type TemplateResult } from 'lit';

/**
 * A 24×24 stroked icon from one path: the gallery's controls. Each icon is a function so that a bundle keeps only
 * the icons its elements draw.
 */
const stroked = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

export const previousIcon = (): TemplateResult => stroked('M15 5l-7 7 7 7');
export const nextIcon = (): TemplateResult => stroked('M9 5l7 7-7 7');
export const playIcon = (): TemplateResult => stroked('M7 4l13 8-13 8z');
export const pauseIcon = (): TemplateResult => stroked('M8 5v14M16 5v14');
export const shareIcon = (): TemplateResult =>
  stroked(
    'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  );
export const doneIcon = (): TemplateResult => stroked('M5 12l5 5 9-10');
export const closeIcon = (): TemplateResult => stroked('M6 6l12 12M18 6L6 18');
export const fullscreenIcon = (): TemplateResult => stroked('M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5');
/*
 * The two icons a card draws, once per card, are a span cut to shape (`clip-path`) rather than an SVG: an inline
 * SVG is an element per shape and a layout of its own. Leaving both out saved about 40 of the 320 ms that style
 * and layout of 1000 cards took; these boxes keep most of that. The shapes are the SVGs' they replace, in whole
 * per cent of the box (a hundredth of a 14px icon is a seventh of a pixel), so that they follow its size.
 * Forced-colours mode paints every background in the page's background colour: `preserve-parent-color` (`none`
 * where a browser lacks it) keeps the box, which then takes the forced text colour of the line it sits in, a colour
 * of our own or the page's (`::part(icon)`) included. Print keeps it too: browsers drop backgrounds when printing.
 */
const drawnIcon = css`
  .comment-icon,
  .info-icon {
    display: inline-block;
    flex: none;
    inline-size: 1em;
    block-size: 1em;
    background-color: currentColor;
    forced-color-adjust: none;
    forced-color-adjust: preserve-parent-color;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }

  @media (forced-colors: active) {
    .comment-icon,
    .info-icon {
      color: inherit !important;
    }
  }
`;

/**
 * A speech bubble: the comment count in the comment prompt. A card writes the same span into its own template: a
 * template of its own is one more clone, and one more fragment inserted, per card.
 */
export const commentIcon = (): TemplateResult => html`<span class="comment-icon" part="icon"></span>`;

/** The speech bubble's outline, 1.5 units wide: the outer edge, then the inner one (evenodd cuts it out). */
export const commentIconStyles = css`
  ${drawnIcon}

  .comment-icon {
    clip-path: polygon(
      evenodd,
      11% 17%,
      89% 17%,
      89% 70%,
      49% 70%,
      23% 91%,
      23% 70%,
      11% 70%,
      11% 17%,
      20% 27%,
      20% 61%,
      33% 61%,
      33% 71%,
      45% 61%,
      80% 61%,
      80% 27%,
      20% 27%
    );
  }

  /* The tail points to the start of the line, mirrored right to left. */
  [dir='rtl'] .comment-icon {
    transform: scaleX(-1);
  }
`;

/** The "i" of `<wire-credit-info>`; the button a photo draws in its place writes the span itself (see above). */
export const infoIcon = (): TemplateResult => html`<span class="info-icon"></span>`;

/** The "i": its bar with cut corners, then a thread up to its dot (an octagon) and back. */
export const infoIconStyles = css`
  ${drawnIcon}

  .info-icon {
    clip-path: polygon(
      47% 41%,
      53% 41%,
      57% 44%,
      57% 81%,
      53% 84%,
      47% 84%,
      43% 81%,
      43% 44%,
      47% 41%,
      50% 41%,
      50% 34%,
      56% 31%,
      59% 25%,
      56% 19%,
      50% 16%,
      44% 19%,
      41% 25%,
      44% 31%,
      50% 34%,
      50% 41%
    );
  }
`;
