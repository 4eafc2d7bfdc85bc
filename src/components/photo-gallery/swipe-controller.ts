/**
 * Swipe to page: a horizontal pointer drag (touch, pen or mouse) across a photo. Listens once on the host's shadow
 * root, so the photo boxes (the carousel's and the lightbox's) can be re-rendered freely; the surfaces declare
 * `touch-action: pan-y` so the browser keeps vertical scrolling and hands horizontal drags to us.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export interface SwipeOptions {
  /** Selector of the boxes a drag may start on. */
  surface: string;
  /** Selector of what inside them is not a swipe surface (controls, text a reader may select). */
  ignore: string;
  /** Reading direction: a leftward swipe goes forward left-to-right, backward right-to-left. */
  rtl: () => boolean;
  /** A swipe ended: 1 for the next photo, -1 for the previous one. */
  onSwipe: (step: 1 | -1) => void;
}

export class SwipeController implements ReactiveController {
  private drag?: { id: number; x: number; y: number; surface: Element };

  private readonly onDown = (event: PointerEvent) => {
    const target = event.target as Element;
    const surface = target.closest(this.options.surface);
    if (!surface || !event.isPrimary || event.button || target.closest(this.options.ignore)) return;
    this.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, surface };
    try {
      // Keeps the pointerup ours when a drag ends outside the photo.
      surface.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (or synthetic); the swipe still ends with the pointerup we get.
    }
  };

  private readonly onUp = (event: PointerEvent) => {
    const drag = this.drag;
    if (!drag || drag.id !== event.pointerId) return;
    this.drag = undefined;
    // pointercancel: the browser took the gesture over for vertical scrolling.
    if (event.type === 'pointercancel') return;
    const dx = event.clientX - drag.x;
    const threshold = Math.min(40, drag.surface.clientWidth / 5);
    if (Math.abs(dx) < threshold || Math.abs(dx) < 1.5 * Math.abs(event.clientY - drag.y)) return;
    this.options.onSwipe(dx < 0 !== this.options.rtl() ? 1 : -1);
  };

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: SwipeOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.host.renderRoot;
    root.addEventListener('pointerdown', this.onDown as EventListener);
    root.addEventListener('pointerup', this.onUp as EventListener);
    root.addEventListener('pointercancel', this.onUp as EventListener);
  }

  hostDisconnected(): void {
    const root = this.host.renderRoot;
    root.removeEventListener('pointerdown', this.onDown as EventListener);
    root.removeEventListener('pointerup', this.onUp as EventListener);
    root.removeEventListener('pointercancel', this.onUp as EventListener);
    this.drag = undefined;
  }
}
