import { css } from 'lit';

/**
 * Layout and looks shared by both elements. Inheritance from the page is cut on `:host` (the base class's styles);
 * `.wrap` is the container the card's own container queries measure.
 */
export const cardStyles = css`
  .wrap {
    display: block;
    container-type: inline-size;
    overflow-wrap: anywhere;
    padding: var(--wire-card-padding, 0);
    border-radius: var(--wire-card-radius, 0);
    overflow: clip;
    background: var(--wire-card-background, var(--_bg));
  }

  /* Flex columns rather than grids: style and layout of 1000 rendered cards took 1.5 to 1.7 times a hand-written
     card's as grids, 1.1 to 1.6 times as flex columns (bench/cards.mjs --layout). The two-column layouts (a compact
     or horizontal card with a photo) are grids. Items do not shrink, as grid items did not, in a host given a height. */
  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--wire-card-gap, 12px);
  }

  .card > *,
  .body > * {
    flex-shrink: 0;
  }

  .card > .photo,
  .card > .frame {
    order: -1;
    min-inline-size: 0;
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: 6px;
    min-inline-size: 0;
  }

  p,
  ul {
    margin: 0;
  }

  .kicker {
    color: var(--wire-card-kicker-color, var(--_accent));
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
  }

  .headline {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--wire-card-headline-lines, 4);
    overflow: hidden;
    font-size: var(--wire-card-headline-size, 1.25em);
    font-weight: 700;
    line-height: 1.25;
  }

  .headline a {
    color: var(--_link);
    text-decoration: none;
  }

  .headline a::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
  }

  .card:hover .headline a,
  .headline a:focus-visible {
    text-decoration: underline;
  }

  .headline a:focus-visible {
    outline: none;
  }

  /* A focused card is ringed on its own edge where nothing better can be drawn: a list's teasers lie inside the
     list's box, which clips at its edge (it rounds the corners); in Safari the host's paint containment, with no
     clip margin, would cut a ring outside; without :has() none could be drawn round the card. */
  .headline a:focus-visible::after {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  /* Elsewhere a card is ringed 2px outside its box, which the host's clip margin shows: on the card's own edge, the
     ring lay on the photo and touched the text of a card without padding. */
  @supports (overflow-clip-margin: 4px) and selector(:has(a)) {
    .wrap:has(> .card .headline a:focus-visible) {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
      /* The card's colour fills the gap, so the ring keeps its contrast on any page (the dark scheme's ring on a
         page that stays light was 1.8:1 against it). */
      box-shadow: 0 0 0 2px var(--wire-card-background, var(--_bg));
    }

    .wrap > .card .headline a:focus-visible::after {
      outline: none;
    }
  }

  /* Controls on the card (the photo credit button) stay above the stretched link. */
  .info {
    z-index: 2;
  }

  .body > time,
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .compact.has-image {
    display: grid;
    grid-template-columns: min(32%, var(--wire-card-thumbnail-size, 128px)) minmax(0, 1fr);
    align-items: start;
  }

  .compact .headline {
    font-size: var(--wire-card-headline-size, 1em);
    -webkit-line-clamp: var(--wire-card-headline-lines, 3);
  }

  .compact .frame {
    aspect-ratio: 4 / 3;
  }

  .compact img {
    block-size: 100%;
    object-fit: cover;
  }

  .compact figcaption {
    font-size: 0.6875em;
  }

  /* What a syndication contract keeps on the card: the correction stands out, the credit stays quiet. */
  .correction {
    padding-inline-start: 8px;
    border-inline-start: 3px solid var(--_accent);
    font-size: 0.875em;
  }

  .rights {
    display: flex;
    flex-wrap: wrap;
    gap: 0 12px;
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .notice {
    color: var(--_muted);
  }

  .notice a {
    color: var(--_link);
  }

  .skeletons {
    display: grid;
    gap: 16px;
  }

  .skeleton .frame {
    aspect-ratio: 16 / 9;
    background: var(--_surface);
  }

  .compact.skeleton .frame {
    aspect-ratio: 4 / 3;
  }

  /* Each bar is one line box of the text it stands in for (1lh of its block), the grey drawn inside it. The
     blocks' own clamps and flex layouts are cut: the bars, not text, set their height. */
  .skeleton :is(.headline, .summary, .byline, .meta, .tags) {
    display: block;
  }

  /* Full width unless narrowed below, also where a page's ::part() rule makes a card's line a flex row. */
  .bar {
    display: block;
    inline-size: 100%;
    block-size: 1lh;
    padding-block: 0.2lh;
    background: var(--_surface) content-box;
    border-radius: 4px;
  }

  .bar:last-child:not(:first-child) {
    inline-size: 60%;
  }

  .kicker .bar {
    inline-size: 30%;
  }

  /* The hero's byline holds a 24px avatar; a tag is a pill with 2px of padding above and below. */
  .hero .byline .bar {
    block-size: max(1lh, 24px);
  }

  /* The sizes article-card.styles.ts gives the real lines, for a related-story teaser that lacks them. */
  .skeleton .byline {
    font-size: 0.875em;
  }

  .skeleton .tags {
    font-size: 0.75em;
  }

  .tags .bar {
    block-size: calc(1lh + 4px);
    inline-size: 50%;
  }

  /* The caption: 6px above, then the figure's caption size (photo.ts). */
  .caption {
    margin-block-start: 6px;
    font-size: 0.8125em;
  }

  .compact .caption {
    font-size: 0.6875em;
  }
`;
