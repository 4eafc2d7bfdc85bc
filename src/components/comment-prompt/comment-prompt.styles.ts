import { css } from 'lit';

// The prompt paints its own background, so that text in the reader's colour scheme stays readable on a page that
// has the other one. A speech bubble points back towards the text it follows, so it flips in right-to-left text.
export const commentPromptStyles = css`
  :host(:state(empty)) {
    display: none;
  }

  :host([variant='compact']) {
    display: inline-block;
    vertical-align: middle;
  }

  /* As tall as the badge, with no line box around it taller than the badge: wire-widgets.css reserves that height. */
  .compact {
    display: flex;
  }

  .prompt {
    background: var(--_bg);
    display: grid;
    justify-items: start;
    gap: 4px;
  }

  p {
    margin: 0;
    color: var(--_muted);
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  [part='count'],
  [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    font-weight: 600;
  }

  [part='badge'] {
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--wire-comment-badge-background, var(--_surface));
    color: var(--wire-comment-badge-color, var(--_text));
    /* 14px at the default size: it follows --wire-font-size, as the rest of the widget does. */
    font-size: 0.875em;
    text-decoration: none;
  }

  /* Inset, inside the badge's padding: the badge may sit in a line of text, whose words a ring outside would cover. */
  [part='badge']:focus-visible {
    outline-offset: -2px;
  }

  /* Forced-colours mode takes the colour back (icons.ts). */
  .comment-icon {
    inline-size: 1.1em;
    block-size: 1.1em;
    color: var(--wire-comment-icon-color, var(--_accent));
  }
`;
