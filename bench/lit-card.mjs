/**
 * The hand-written card of bench/cards.mjs drawn by a plain LitElement: the same DOM from the same raw feed item,
 * the same stylesheet, one template (and one per tag). `node bench/cards.mjs --lit` puts it where
 * `<wire-article-card>` goes, which shows what Lit itself costs over hand-written DOM: the floor a card drawn with
 * Lit can reach. The bench builds this file with Vite before it starts.
 */
import { LitElement, html, nothing } from 'lit';

/** Called by the bench page with the baseline's stylesheet and date format, so that both cards share them. */
window.__defineBenchLitCard = (sheet, dateFormat) => {
  class BenchLitCard extends LitElement {
    static styles = [sheet];
    static properties = { item: { attribute: false } };

    render() {
      const item = this.item;
      if (!item) return nothing;
      const wire = item._wire ?? {};
      const image = wire.image;
      const words = (item.content_text ?? '').split(/\s+/).length;
      const names = (item.authors ?? [item.author]).map((author) => author?.name).join(', ');
      // Laid out as the baseline's <template> is, so that both cards have the same white-space text nodes.
      // prettier-ignore
      return html`<article>
      <div class="body">
        <p class="kicker">${wire.kicker ?? wire.section ?? ''}</p><div class="headline" role="heading" aria-level="3"><a href=${item.url}>${item.title}</a></div>
        <p class="summary">${item.summary ?? ''}</p><p class="byline">By ${names}</p>
        <p class="meta"><time datetime=${item.date_published}>${dateFormat.format(new Date(item.date_published))}</time><span class="reading">${Math.max(1, Math.round(words / 230))} min read</span><span class="comments">${wire.comments ? `${wire.comments.count} comments` : ''}</span></p>
        <ul class="tags">${(item.tags ?? []).map((tag) => html`<li>${tag}</li>`)}</ul>
      </div>
      ${image ? html`<figure><div class="frame"><img loading="lazy" decoding="async" src=${image.url} width=${image.width} height=${image.height} alt=${image.alt}><button class="info"
        aria-label="Photo credit"></button></div><figcaption><span class="caption">${image.caption ?? ''}</span>
        <span class="credit">${image.credit_text ?? ''}</span></figcaption></figure>` : nothing}
    </article>`;
    }
  }
  customElements.define('bench-lit-card', BenchLitCard);
};
