import { css } from 'lit';

export const articleCardStyles = css`
  /* Only the horizontal and hero layouts have container queries. A query container costs Blink a style pass of its
     own inside layout, which made layout about a seventh of the time of 1000 stacked cards; the other layouts
     give it up. Browsers without :has() keep the container and look the same. */
  .wrap:has(> .stacked, > .compact) {
    container-type: normal;
  }

  .horizontal.has-image {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    align-items: start;
  }

  /* The card follows its own width, not the viewport's: side by side only when there is room. */
  @container (max-width: 479px) {
    .horizontal.has-image {
      grid-template-columns: minmax(0, 1fr);
    }
  }

  .horizontal .headline {
    font-size: var(--wire-card-headline-size, 1.375em);
  }

  /* The hero headline is the page's own title: on a phone it may need five or six lines, and cutting it is worse
     than a tall card. */
  .hero .headline {
    font-size: var(--wire-card-headline-size, 1.75em);
    line-height: 1.15;
    -webkit-line-clamp: var(--wire-card-headline-lines, 10);
  }

  @container (min-width: 720px) {
    .hero .headline {
      font-size: var(--wire-card-headline-size, 2.25em);
    }

    .hero .summary {
      font-size: 1.125em;
    }
  }

  .summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }

  .hero .summary {
    -webkit-line-clamp: none;
  }

  .byline {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    font-size: 0.875em;
  }

  .avatar {
    position: relative;
    inline-size: 24px;
    block-size: 24px;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_surface);
  }

  /* A picture that failed is no longer a replaced element and draws its pseudo-elements (one that loaded draws
     none): this one covers the browser's broken-image icon with the circle a loading picture shows. In CSS, so it
     holds for a server-rendered picture that failed before its widget ran, and lets go when a new URL loads. */
  .avatar::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
    background: var(--_surface);
  }

  /* The column gap holds the dot between items (below): the space a middle dot (·) and 8px either side take. It is
     important, as the items' margins are: a page's narrower gap put each dot onto the item before it. */
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    row-gap: 4px;
    column-gap: calc(0.318em + 16px) !important;
    overflow: clip;
    overflow-clip-margin: content-box 6px;
    word-spacing: calc(0.318em + 8px);
  }

  .meta > * {
    word-spacing: normal;
  }

  /* The dot between the date's items (what follows the date, a <time>, is a span) is drawn as the item's background
     in a transparent border, where a middle dot and 8px would stand, and a negative margin as wide takes that room
     back from the gap before it. An item that starts a wrapped line so has its dot outside the line's content box,
     cut off by the line's clip: it lines up with the date, with no dot before it. Laid out as a line of text by a
     page (\`::part(meta) { display: block }\`), the line's spaces, widened by its word spacing, give the room back.
     Both are important, so a page's rules for the part cannot set one without the other; a page's padding only
     moves the text away from the dot. As a ::before, a pseudo-element per dot to style and lay out, 1000 cards took
     0.07 times the hand-written card's time longer (bench/cards.mjs). The sizes are the glyph's in the default font:
     0.318em wide, a 0.125em dot 0.065em above the middle of the first line. On the side the line starts from, not
     the item's own start: the reading time is isolated (dir="auto"), and an English one in a right-to-left card had
     its dot on its left, after it, where the ::before had put it too. Painted when printed, as the glyph was.
     Forced colours drop a gradient background: the items keep it, and their line's forced colour, as the icons do
     (icons.ts). */
  .meta > * + span {
    margin-left: calc(-0.318em - 8px) !important;
    border-left: calc(0.318em + 8px) solid transparent !important;
    background: radial-gradient(circle closest-side, currentColor 80%, transparent) no-repeat 0.08em
      calc(0.5lh - 0.13em) / 0.13em 0.13em border-box;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
    forced-color-adjust: none;
    forced-color-adjust: preserve-parent-color;
  }

  /* A length from the right edge, not \`right 0.08em\`, which Chromium reads only from version 143. */
  .meta:dir(rtl) > * + span {
    margin-left: 0 !important;
    margin-right: calc(-0.318em - 8px) !important;
    border-left: 0 !important;
    border-right: calc(0.318em + 8px) solid transparent !important;
    background-position-x: calc(100% - 0.08em);
  }

  @media (forced-colors: active) {
    .meta > * + span {
      color: inherit !important;
    }
  }

  /* The comment prompt's speech bubble (icons.ts), in the colour of the line it sits in. */
  .comment-icon {
    margin-inline-end: 4px;
    vertical-align: -0.15em;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 0;
    list-style: none;
    font-size: 0.75em;
  }

  .tags li {
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_muted);
  }
`;
