import { css } from 'lit';

/** All but the button, whose look is `infoButtonStyles` (shared/photo.ts): photos draw it until it is pressed. */
export const creditInfoStyles = css`
  :host {
    display: inline-block;
    /* Paint containment would clip the focus ring; important to win over the one in hostStyles. */
    contain: none !important;
    vertical-align: middle;
  }

  [popover] {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: min(320px, calc(100vw - 16px));
    padding: 12px 14px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    /* 14px at the default size: it follows --wire-font-size, as the widget it sits in does. */
    font-size: 0.875em;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }

  h2 {
    margin: 0 0 8px;
    font-size: inherit;
    font-weight: 700;
  }

  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  p {
    margin: 10px 0 0;
  }

  a {
    color: var(--_link);
  }
`;
