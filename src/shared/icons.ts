/**
 * Every icon the elements draw, in one place so that the same idea (a comment, "previous") looks the same in
 * every element. Icons are decorative (`aria-hidden`): the control around them carries the accessible name.
 * Drawn with `currentColor` strokes or fills, so they follow the text colour and forced-colours mode.
 */
import { html, type TemplateResult } from 'lit';

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
/** A speech bubble: the comment count on a card and in the comment prompt. */
export const commentIcon = (): TemplateResult =>
  html`<svg part="icon" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z"></path>
  </svg>`;
/** The "i" of the photo-credit info control. */
export const infoIcon = (): TemplateResult =>
  html`<svg viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
    <circle cx="8" cy="4" r="1.4"></circle>
    <rect x="6.9" y="6.5" width="2.2" height="7" rx="1"></rect>
  </svg>`;
