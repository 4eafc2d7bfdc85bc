import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Photo } from '../../feed/types.js';
import { CatalogController, resolveLanguage, t } from '../../i18n/i18n.js';
import { above, pageBody, pageFocus } from '../../shared/dom.js';
import { infoIcon } from '../../shared/icons.js';
import { sinkUrl } from '../../shared/link.js';
import { hasCreditDetails, infoButtonStyles } from '../../shared/photo.js';
import { PopoverController } from '../../shared/popover-controller.js';
import { WireElement } from '../../shared/styles.js';
import { creditInfoStyles } from './credit-info.styles.js';

let nextId = 0;

/**
 * @tagname wire-credit-info
 * @summary A small info control on a photo that opens its credit details: photographer, copyright notice,
 * licence and "license this photo" links. Used by the card and the gallery; usable on its own. The card and the
 * gallery draw a plain button in its look until a reader presses it, then put this element in its place, open.
 *
 * @csspart button - The info button.
 * @csspart popover - The details panel.
 *
 * @cssprop --wire-credit-button-size - Size of the info button (default 24px).
 * @cssprop --wire-credit-button-background - Background of the info button.
 * @cssprop --wire-credit-button-color - Icon colour of the info button.
 *
 * The panel is a native popover: it sits in the top layer (never clipped by the card), closes on Escape, a
 * click outside or Tab past its last link, and returns focus to the button on Escape. It renders nothing when the
 * photo has no details to show.
 */
export class WireCreditInfo extends WireElement {
  static override styles = [...WireElement.styles, infoButtonStyles, creditInfoStyles];

  /** The photo whose credit details to show. */
  @property({ attribute: false }) photo?: Photo;

  /** The language of the photo's credit, creator and copyright notice, where it is not the element's `lang`. */
  @property({ attribute: 'text-lang' }) textLang?: string;

  @query('[popover]') private panel?: HTMLElement;
  @query('button') private button?: HTMLButtonElement;

  private readonly placement = new PopoverController(this);

  constructor() {
    super();
    new CatalogController(this);
  }
  private readonly panelId = `wire-credit-${++nextId}`;
  private expanded = false;
  /**
   * The panel's contents are built when it first opens: a card draws one of these per photo and most are never
   * opened, and building the panel's dozen nodes up front was a measurable share of rendering 1000 cards.
   */
  private opened = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A popover removed from the page closes without a toggle event; the button must not still say "expanded".
    this.expanded = false;
    this.requestUpdate();
  }

  private onToggle(event: ToggleEvent): void {
    this.expanded = event.newState === 'open';
    if (this.expanded && this.button && this.panel) void this.placement.start(this.button, this.panel);
    else {
      this.placement.stop();
      // Chromium returns focus to the invoker only in some closing paths; do it always when focus was inside
      // the panel or fell to the body, so a keyboard user is never lost.
      const active = this.shadowRoot?.activeElement;
      const lost = !active || this.panel?.contains(active);
      if (lost && this.holdsPageFocus()) this.button?.focus();
    }
    this.requestUpdate();
  }

  /**
   * Whether the page's focus is on this element, through the shadow roots of the widgets around it (the page sees
   * only the outermost: a card, a gallery), or nowhere (the body).
   */
  private holdsPageFocus(): boolean {
    let focused = pageFocus();
    if (focused === pageBody()) return true;
    while (focused && focused !== this) focused = focused.shadowRoot?.activeElement ?? null;
    return focused === this;
  }

  /**
   * Focus that leaves the panel for the rest of the page (Tab past its last link) closes it, as a click outside
   * does: an open panel no longer covers the next thing a keyboard user reaches. Focus stays where it went. A click
   * on the panel's text moves focus to the nearest focusable element around this one (a gallery, a page's `<main
   * tabindex>`): that keeps it open.
   */
  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (!next || next === this.button || this.panel?.contains(next)) return;
    for (let node = above(this); node; node = above(node)) if (node === next) return;
    this.hide();
  }

  private onBeforeToggle(event: ToggleEvent): void {
    if (event.newState !== 'open' || this.opened) return;
    this.opened = true;
    // Synchronously, before the browser shows the panel: it must never open empty, nor be placed at its empty size.
    this.requestUpdate();
    this.performUpdate();
  }

  /** Opens the details panel (for hosts that want their own trigger). */
  show(): void {
    // The button as its source, as if pressed: a press on it then closes the panel rather than reopening it.
    // Disconnected, showPopover() would throw into the caller.
    if (this.isConnected && this.panel && !this.panel.matches(':popover-open'))
      this.panel.showPopover({ source: this.button });
  }

  /** Focuses the info button. */
  override focus(options?: FocusOptions): void {
    if (this.button) this.button.focus(options);
    else super.focus(options);
  }

  hide(): void {
    if (this.panel?.matches(':popover-open')) this.panel.hidePopover();
  }

  override render() {
    const photo = this.photo;
    if (!hasCreditDetails(photo)) return nothing;
    const lang = resolveLanguage(this);
    return html`
      <button
        part="button"
        class="info-button"
        type="button"
        popovertarget=${this.panelId}
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-label=${t(lang, 'creditDetails')}
      >
        ${infoIcon()}
      </button>
      <div
        part="popover"
        id=${this.panelId}
        popover="auto"
        role="dialog"
        aria-label=${t(lang, 'creditDetails')}
        @beforetoggle=${this.onBeforeToggle}
        @toggle=${this.onToggle}
        @focusout=${this.onFocusOut}
      >
        ${this.opened ? this.details(photo, lang) : nothing}
      </div>
    `;
  }

  private details(photo: Photo, lang: string) {
    const row = (label: string, value: unknown, textLang?: string) =>
      value
        ? html`<dt>${label}</dt>
            <dd lang=${textLang ?? nothing}>${value}</dd>`
        : nothing;
    const link = (url: string | undefined, text: string) =>
      sinkUrl(url)
        ? html`<a href=${url} target="_blank" rel="noopener noreferrer license">${text}</a>`
        : undefined;
    return html`<h2>${t(lang, 'creditDetails')}</h2>
      <dl>
        ${row(t(lang, 'credit'), photo.creditText, this.textLang)}
        ${row(t(lang, 'creator'), photo.creator, this.textLang)}
        ${row(t(lang, 'copyright'), photo.copyrightNotice, this.textLang)}
        ${row(t(lang, 'license'), link(photo.license, photo.license ? new URL(photo.license).hostname : ''))}
      </dl>
      ${photo.acquireLicensePage ? html`<p>${link(photo.acquireLicensePage, t(lang, 'acquireLicense'))}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-credit-info': WireCreditInfo;
  }
}
