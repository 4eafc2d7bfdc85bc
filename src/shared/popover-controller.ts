/**
 * Positions a floating element (a native `popover`) next to its anchor with floating-ui, which is loaded on
 * first use so that pages whose readers never open a popover never download it. `autoUpdate` runs only while
 * the popover is open and is torn down when it closes or the host disconnects (Spectrum's PlacementController
 * pattern).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type FloatingUi = typeof import('./floating.js');
let floatingUi: Promise<FloatingUi> | undefined;

function loadFloatingUi(): Promise<FloatingUi> {
  floatingUi ??= import('./floating.js');
  return floatingUi;
}

export class PopoverController implements ReactiveController {
  private cleanup?: () => void;
  private generation = 0;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get open(): boolean {
    return this.cleanup !== undefined;
  }

  /** Starts keeping `floating` placed against `anchor` until `stop()`. */
  async start(anchor: HTMLElement, floating: HTMLElement): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    let ui: FloatingUi;
    try {
      ui = await loadFloatingUi();
    } catch {
      // The chunk failed to load (offline, CDN hiccup): the popover stays where the browser put it, still usable.
      floatingUi = undefined;
      return;
    }
    if (generation !== this.generation || !anchor.isConnected) return;
    const { autoUpdate, computePosition, flip, shift, offset } = ui;
    const update = () =>
      computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [offset(6), flip(), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        // CSSOM writes, not a style attribute string: allowed under a strict style-src policy.
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    this.cleanup = autoUpdate(anchor, floating, () => void update());
  }

  stop(): void {
    this.generation++;
    this.cleanup?.();
    this.cleanup = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
