import { css } from 'lit';

export const storyStyles = css`
  /* One column no wider than the widget: a long unbroken run (a URL in the body, a date at 200% text) wraps or
     scrolls inside it rather than widening the column past the widget's edge, which clips it. */
  article {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
    color: var(--_text);
  }

  .kicker {
    margin: 0;
    font-size: 0.8125em;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--wire-story-kicker-color, var(--_accent));
  }

  /* The story is read, not browsed: its headline is never cut, whatever the cards' clamp. */
  .headline {
    display: block;
    overflow: visible;
    -webkit-line-clamp: none;
    margin: 0;
    font-size: var(--wire-story-headline-size, 2em);
    font-weight: 700;
    line-height: 1.15;
  }

  .standfirst {
    margin: 0;
    font-size: 1.125em;
  }

  /* Dateline · Published … · Updated …: each part is read whole, so the line breaks between parts ("Published" /
     "September 15, 2023 · Updated" at 375 px read as two halves), and a date inside itself ("September 15," /
     "2023") only when it is wider than the line; a part wider than the line breaks before its date first. The
     separator ends the part before it, so no line starts with one; none for screen readers. The template's space
     after each part stands after its dot: a quarter em more before the dot makes the two sides even. */
  .meta > span,
  .meta time {
    display: inline-block;
    max-inline-size: 100%;
  }

  .meta > span:not(:last-child)::after {
    content: '·' / '';
    margin-inline: 0.5em 0.25em;
  }

  .byline,
  .meta,
  .notice,
  footer {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .correction {
    padding: 8px 12px;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_surface);
  }

  a {
    color: var(--_link);
  }

  .body {
    line-height: 1.6;
    overflow-wrap: anywhere;
  }

  .body img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }

  .body figure {
    margin: 1em 0;
  }

  .body blockquote {
    margin-inline: 0;
    padding-inline-start: 12px;
    border-inline-start: 3px solid var(--_border);
  }

  /* The box a player takes once loaded is reserved, so loading it moves nothing below. */
  .embed {
    display: grid;
    place-content: center;
    gap: 8px;
    margin: 1em 0;
    padding: 16px;
    text-align: center;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }

  .embed.player {
    aspect-ratio: 16 / 9;
  }

  .embed iframe {
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }

  .embed:has(iframe) {
    padding: 0;
    place-content: stretch;
  }

  .embed button {
    font: inherit;
    padding: 8px 16px;
    cursor: pointer;
  }

  footer p {
    margin: 0;
  }
`;
