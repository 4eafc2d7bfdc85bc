/**
 * Every `--wire-*` custom property a page can set, with the value the widgets fall back to when it is not set. The
 * theming page lists these and turns each into a control; `test/unit/storybook-index.test.ts` checks the list
 * against the `var(--wire-…, fallback)` uses in `src/`, so a token added there without a row here fails.
 */
export interface Token {
  name: `--wire-${string}`;
  /** The fallback in `src/` (the light one for colours that switch with the theme). */
  light: string;
  /** The dark theme's fallback, for the tokens that have one. */
  dark?: string;
  about: string;
  /** Tag names of the elements that read it; empty for the global tier every element reads. */
  elements: string[];
}

const everyWidget: string[] = [];

export const tokens: Token[] = [
  {
    name: '--wire-font-family',
    light: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
    about: 'Type family of every widget (hand over the site font: `var(--site-font)`).',
    elements: everyWidget,
  },
  {
    name: '--wire-font-size',
    light: '16px',
    about: 'Base type size; everything inside is sized in em.',
    elements: everyWidget,
  },
  { name: '--wire-line-height', light: '1.45', about: 'Line height of body text.', elements: everyWidget },
  {
    name: '--wire-color-text',
    light: '#1a1a1a',
    dark: '#f4f4f5',
    about: 'Body text.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-muted',
    light: '#52525b',
    dark: '#a1a1aa',
    about: 'Dates, bylines, credits.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-background',
    light: '#ffffff',
    dark: '#18181b',
    about: 'Widget background.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-surface',
    light: '#f4f4f5',
    dark: '#27272a',
    about: 'Raised areas: skeletons, badges, placeholders.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-accent',
    light: '#b3261e',
    dark: '#f87171',
    about: 'Kickers, sections, icons.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-link',
    light: '#1a1a1a',
    dark: '#f4f4f5',
    about: 'Headlines and links.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-border',
    light: '#d4d4d8',
    dark: '#3f3f46',
    about: 'Rules and outlines.',
    elements: everyWidget,
  },
  {
    name: '--wire-color-focus',
    light: '#1d4ed8',
    dark: '#93c5fd',
    about: 'Keyboard focus ring.',
    elements: everyWidget,
  },
  { name: '--wire-space', light: '16px', about: 'Base spacing unit.', elements: everyWidget },
  {
    name: '--wire-radius',
    light: '8px',
    about: 'Corner radius of controls and panels.',
    elements: everyWidget,
  },
  {
    name: '--wire-card-background',
    light: 'var(--wire-color-background)',
    about: 'Card background.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-padding',
    light: '0',
    about: 'Space inside the card.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-radius',
    light: '0',
    about: 'Corner radius of the card.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-gap',
    light: '12px',
    about: 'Space between the photo and the text.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-headline-size',
    light: '1.25em',
    about:
      'Headline size in every layout (unset: larger for horizontal and hero, 1em for compact and in a related list).',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-headline-lines',
    light: '4',
    about: 'Lines after which a headline is cut with an ellipsis.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-kicker-color',
    light: 'var(--wire-color-accent)',
    about: 'Kicker or section colour.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-card-thumbnail-size',
    light: '128px',
    about: 'Widest thumbnail in the compact layout and the related list.',
    elements: ['wire-article-card', 'wire-related-story'],
  },
  {
    name: '--wire-image-radius',
    light: '0',
    about: 'Corner radius of photos.',
    elements: ['wire-article-card', 'wire-related-story', 'wire-story', 'wire-photo-gallery'],
  },
  {
    name: '--wire-image-fallback-ratio',
    light: '16 / 9',
    about: 'Shape of the box for a photo whose size the feed does not give (the gallery keeps its own).',
    elements: ['wire-article-card', 'wire-related-story', 'wire-story'],
  },
  {
    name: '--wire-comment-icon-color',
    light: 'var(--wire-color-accent)',
    about: 'Colour of the speech bubble.',
    elements: ['wire-comment-prompt'],
  },
  {
    name: '--wire-comment-badge-background',
    light: 'var(--wire-color-surface)',
    about: 'Background of the compact badge.',
    elements: ['wire-comment-prompt'],
  },
  {
    name: '--wire-comment-badge-color',
    light: 'var(--wire-color-text)',
    about: 'Text colour of the compact badge.',
    elements: ['wire-comment-prompt'],
  },
  {
    name: '--wire-credit-button-size',
    light: '24px',
    about: 'Size of the info button on photos.',
    elements: ['wire-credit-info'],
  },
  {
    name: '--wire-credit-button-background',
    light: 'rgb(0 0 0 / 0.65)',
    about: 'Background of the info button.',
    elements: ['wire-credit-info'],
  },
  {
    name: '--wire-credit-button-color',
    light: '#ffffff',
    about: 'Icon colour of the info button.',
    elements: ['wire-credit-info'],
  },
  {
    name: '--wire-gallery-aspect-ratio',
    light: '3 / 2',
    about: 'Shape of the photo box; photos are fitted inside it.',
    elements: ['wire-photo-gallery'],
  },
  {
    name: '--wire-gallery-thumbnail-size',
    light: '72px',
    about: 'Width of a thumbnail.',
    elements: ['wire-photo-gallery'],
  },
  {
    name: '--wire-gallery-lightbox-background',
    light: '#0b0b0c',
    about: 'Background of the full-screen view.',
    elements: ['wire-photo-gallery'],
  },
  {
    name: '--wire-story-headline-size',
    light: '2em',
    about: 'Headline font size of the full story.',
    elements: ['wire-story'],
  },
  {
    name: '--wire-story-kicker-color',
    light: 'var(--wire-color-accent)',
    about: 'Kicker colour of the full story.',
    elements: ['wire-story'],
  },
];

/** Colours get a colour picker; sizes, ratios and families a text box. */
export const isColour = (token: Token): boolean => /color|background/.test(token.name);
