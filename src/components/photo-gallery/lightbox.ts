/**
 * The full-screen view: a native modal `<dialog>` (focus kept inside, the page behind inert, Escape closes), opened
 * on the current photo and returning focus to the control that opened it.
 */
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { emit } from '../../shared/events.js';

export class LightboxController implements ReactiveController {
  /** The dialog is (being) shown: the host renders its content only then. */
  open = false;

  private opener?: HTMLElement;

  private readonly onClose = () => {
    this.open = false;
    this.host.requestUpdate();
    this.opener?.focus();
    this.opener = undefined;
    emit(this.host, 'wire-lightbox-close', { index: this.index() });
  };

  private readonly onClick = (event: Event) => {
    // A click on the dialog itself, not on its content, is a click on the backdrop beside the photo.
    if (event.target === event.currentTarget) this.close();
  };

  constructor(
    private readonly host: ReactiveElement,
    private readonly index: () => number,
  ) {
    host.addController(this);
  }

  async show(): Promise<void> {
    if (this.open) return;
    const active = this.host.shadowRoot?.activeElement;
    this.opener = active instanceof HTMLElement ? active : undefined;
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog();
    dialog?.showModal();
    dialog?.querySelector<HTMLElement>('.close')?.focus();
    emit(this.host, 'wire-lightbox-open', { index: this.index() });
  }

  /**
   * Closes the dialog; its `close` event does the rest. Also called before a render that drops the gallery, as a
   * dialog removed while open fires no close event and would leave the gallery thinking it still open.
   */
  close(): void {
    if (this.open) this.dialog()?.close();
  }

  hostDisconnected(): void {
    this.close();
  }

  render(label: string, content: () => TemplateResult): TemplateResult {
    return html`<dialog part="lightbox" aria-label=${label} @close=${this.onClose} @click=${this.onClick}>
      ${this.open ? content() : nothing}
    </dialog>`;
  }

  private dialog(): HTMLDialogElement | null | undefined {
    return this.host.shadowRoot?.querySelector('dialog');
  }
}
