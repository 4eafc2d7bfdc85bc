/**
 * The slideshow: advances every N ms while playing, and holds still whenever the reader could not follow it or is
 * busy with the gallery (WCAG 2.2.2): pointer over it, focus inside it, the page hidden, the gallery scrolled out
 * of view. Starts paused for readers who prefer reduced motion. The shape of Shoelace's carousel
 * `AutoplayController`, with the held states read when the timer fires rather than tracked by listeners.
 */
import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { pageVisible } from '../../shared/dom.js';

export interface AutoplayOptions {
  /** Milliseconds between photos; 0 turns the slideshow off. */
  interval: () => number;
  /** Shows the next photo. */
  advance: () => void;
  /** The play/pause button: focus there must not hold the slideshow, or pressing it would do nothing. */
  isToggle: (element: Element) => boolean;
}

export class AutoplayController implements ReactiveController {
  /** Not paused, by the reader's button or by their reduced-motion preference. */
  playing = false;

  private timer?: ReturnType<typeof setInterval>;
  private observer?: IntersectionObserver;
  private inView = false;
  /** Focus moving inside the gallery changes whether the slideshow is announced (see `rotating`). */
  private readonly onFocusChange = () => this.host.requestUpdate();
  private readonly tick = () => {
    if (!pageVisible() || !this.inView || this.host.matches(':hover') || this.heldByFocus()) return;
    this.options.advance();
  };

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: AutoplayOptions,
  ) {
    host.addController(this);
  }

  /** Advancing on its own right now: its changes are then not announced, or they would interrupt every few seconds. */
  get rotating(): boolean {
    return this.playing && !this.heldByFocus();
  }

  /** Called when the interval changes: plays from now on, unless the reader prefers reduced motion. */
  reset(): void {
    this.playing =
      this.options.interval() > 0 && !(!isServer && matchMedia('(prefers-reduced-motion: reduce)').matches);
    this.sync();
  }

  toggle(): void {
    this.playing = !this.playing;
    this.sync();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('focusin', this.onFocusChange);
    this.host.renderRoot.addEventListener('focusout', this.onFocusChange);
    this.sync();
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('focusin', this.onFocusChange);
    this.host.renderRoot.removeEventListener('focusout', this.onFocusChange);
    this.sync();
  }

  /** Runs the timer, and watches whether the gallery is in view, only while playing in a page. */
  private sync(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
    if (!this.playing || !this.host.isConnected || isServer) return;
    // Out of view until the observer's first report, which it always sends: a tick that comes first (a busy phone
    // slow to draw the page) must not move a gallery the reader cannot see.
    this.inView = false;
    this.observer = new IntersectionObserver((entries) => {
      this.inView = entries.at(-1)?.isIntersecting ?? this.inView;
    });
    this.observer.observe(this.host);
    this.timer = setInterval(this.tick, this.options.interval());
  }

  private heldByFocus(): boolean {
    const active = this.host.shadowRoot?.activeElement;
    return Boolean(active && !this.options.isToggle(active));
  }
}
