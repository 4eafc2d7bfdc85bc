/**
 * "Photo credits": a disclosure button and the list of every photo's credit, the same text as the credit line
 * under each photo, with the start of its caption so a reader can tell the photos apart.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Photo } from '../../feed/types.js';
import { t } from '../../i18n/i18n.js';
import { creditOf } from '../../shared/photo.js';

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')}…` : text);

export function creditsList(
  lang: string,
  textLang: string | undefined,
  photos: readonly Photo[],
  open: boolean,
  onToggle: () => void,
): TemplateResult {
  // The feed's words in the feed's language; "No credit" and the dash are the widget's.
  const feedText = (text: string) => html`<span lang=${textLang ?? nothing}>${text}</span>`;
  return html`<button
      type="button"
      class="toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="credits"
      @click=${onToggle}
    >
      ${t(lang, open ? 'hideCredits' : 'photoCredits')}
    </button>
    <ol id="credits" part="credits" ?hidden=${!open}>
      ${
        open
          ? photos.map((photo) => {
              const credit = creditOf(photo);
              const caption = photo.caption ? html` — ${feedText(short(photo.caption))}` : nothing;
              return html`<li>${credit ? feedText(credit) : t(lang, 'noCredit')}${caption}</li>`;
            })
          : nothing
      }
    </ol>`;
}
