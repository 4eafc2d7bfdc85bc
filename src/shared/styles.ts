import { LitElement, css, isServer, type PropertyValues } from 'lit';
import { pageRoot, parsedPast, whenParsedPast } from './dom.js';
import { upgrading } from './define.js';
import { queueRender } from './render-queue.js';

/**
 * Global design tokens and the host reset every widget starts from.
 *
 * Tier 1 (`--wire-color-*`, `--wire-font-*`, `--wire-space`, `--wire-radius`) is what a publisher sets once on
 * `:root` or a container; component tokens (`--wire-card-*`, `--wire-gallery-*`) default to them.
 *
 * The host page must not change how a widget looks: inherited properties (font, line-height, letter-spacing,
 * text-transform, color, …) are cut off with `all: initial`, every length is in px or em of our own font size
 * (never `rem`, which follows the host's `html { font-size }`), and `contain` keeps fixed-position descendants
 * and paint inside the box.
 *
 * The inherited text properties are also `!important`: a page rule such as `* { all: unset !important }` or
 * `body { font: … !important }` outranks normal `:host` declarations (the outer tree wins for normal rules) and
 * would flow in through inheritance, but important declarations of the shadow tree beat the page's important
 * ones. The box itself (display, margin, width) stays the page's to set; typography goes through `--wire-*`.
 * A widget whose host must not be contained overrides `contain` with `!important` too (see credit-info).
 */
export const hostStyles = css`
  :host {
    all: initial;
    display: block;
    /* Containment and box-sizing are part of how the inside is laid out, so they are pinned as well. */
    contain: layout paint style !important;
    /* Paint containment clips here: the focus ring (2 px, 2 px out) of a control at the widget's edge shows whole. */
    overflow-clip-margin: 4px !important;
    box-sizing: border-box !important;
    color-scheme: light dark !important;
    /* The shorthand also resets style, weight, variant, stretch and size-adjust. */
    font: 400 var(--wire-font-size, 16px) / var(--wire-line-height, 1.45)
      var(--wire-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif) !important;
    font-feature-settings: normal !important;
    text-align: start !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    white-space: normal !important;
    word-break: normal !important;
    overflow-wrap: normal !important;
    hyphens: manual !important;
    -webkit-text-stroke: 0 !important;
    cursor: auto !important;
    --_bg: var(--wire-color-background, light-dark(#ffffff, #18181b));
    --_surface: var(--wire-color-surface, light-dark(#f4f4f5, #27272a));
    --_text: var(--wire-color-text, light-dark(#1a1a1a, #f4f4f5));
    --_muted: var(--wire-color-muted, light-dark(#52525b, #a1a1aa));
    --_accent: var(--wire-color-accent, light-dark(#b3261e, #f87171));
    --_link: var(--wire-color-link, light-dark(#1a1a1a, #f4f4f5));
    --_border: var(--wire-color-border, light-dark(#d4d4d8, #3f3f46));
    --_focus: var(--wire-color-focus, light-dark(#1d4ed8, #93c5fd));
    --_space: var(--wire-space, 16px);
    --_radius: var(--wire-radius, 8px);
    color: var(--_text) !important;
  }

  /* light-dark() follows color-scheme, so one attribute switches every token at once. */
  :host([theme='light']) {
    color-scheme: light !important;
  }

  :host([theme='dark']) {
    color-scheme: dark !important;
  }

  :host([hidden]) {
    display: none;
  }

  /* Feed text in another language than the widget's says so (textLanguage in i18n.ts), and is written in that
     language's direction: an Arabic headline on an English page, or the reverse, kept its question mark at the wrong
     end. The element that sets the widget's own language also sets its direction, which stays; the parts in the
     widget's own words (the credit control, a failed render's line) follow it, and a story body's own markup keeps
     its own dir. */
  [lang]:not([dir], [lang=''], wire-credit-info, .fallback, [part~='body'] *) {
    direction: ltr;
    unicode-bidi: isolate;
  }

  [lang]:not([dir], [lang=''], wire-credit-info, .fallback, [part~='body'] *):is(
      :lang(ar),
      :lang(fa),
      :lang(he),
      :lang(ps),
      :lang(sd),
      :lang(ug),
      :lang(ur),
      :lang(yi),
      :lang(dv),
      :lang(ckb)
    ) {
    direction: rtl;
  }

  /* Elements only: a rule for every element's ::before and ::after makes Blink resolve both for each element (three
     styles where one would do), and no pseudo-element here has a box that box-sizing would change. */
  * {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* Elements only, as above: no pseudo-element here moves, and naming them made every element of a reader who
     prefers reduced motion cost three styles. */
  @media (prefers-reduced-motion: reduce) {
    * {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

/**
 * The states every feed-driven widget shares: the quiet `fallback` line for a feed that failed or a story that is
 * gone. Skeletons are each widget's own, in the shape of what they stand in for.
 */
export const stateStyles = css`
  .fallback {
    margin: 0;
    padding: 12px;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }

  .fallback a {
    color: var(--_link);
  }
`;

/** The elements whose boxes wire-widgets.css holds. */
const HELD = /^wire-(article-card|related-story|photo-gallery|comment-prompt)$/;

/** The elements waiting to learn whether their box is held (undefined when none are), and the answer they wait for. */
let waiters: Element[] | undefined;
let held: Promise<Set<Element>>;

/**
 * Resolves to the elements, of those waiting, whose box the page's wire-widgets.css holds (it marks `:root` and sets
 * `--_reserved` on them), as the browser is about to draw the next frame (in its animation frame callbacks), or in
 * the next task if that comes first (a page in the background draws nothing): either way before any frame shows the
 * page as it is now, and before any of them draws.
 * - Not at once: a read of styles makes the browser work out the page's styles and, for the hero's size container,
 *   its layout, which took 70 ms of the bundle's task under a 4x slower CPU. Read here, it is work the frame would do
 *   anyway, in a task of its own.
 * - Every read before any element draws: a read after an element drew made the browser do it again, once per element
 *   (1.1 to 1.8 s for 150 cards on a long page). Only on a page that has the stylesheet does each element read its own
 *   box; in a browser without `:state()`, which holds none once it is defined, each finds none.
 */
function heldBoxes(element: Element): Promise<Set<Element>> {
  if (!waiters) {
    const elements: Element[] = (waiters = []);
    held = new Promise((resolve) => {
      requestAnimationFrame(resolve);
      setTimeout(resolve);
    }).then(() => {
      waiters = undefined;
      const root = pageRoot(element.ownerDocument);
      return new Set(
        root && getComputedStyle(root).getPropertyValue('--_wire-reserves')
          ? elements.filter((waiter) => getComputedStyle(waiter).getPropertyValue('--_reserved'))
          : [],
      );
    });
  }
  waiters.push(element);
  return held;
}

/**
 * What every element starts from: the host reset above. It lives here rather than beside `WireFeedElement` so
 * that an element with no feed (credit-info) does not pull in the feed loader.
 */
export class WireElement extends LitElement {
  static override styles = [hostStyles];

  /** True for an element the bundle upgraded as it defined it (see `scheduleUpdate`). */
  private readonly upgraded = upgrading;

  /** Set from a render that threw until one goes through: the failure is reported once, not on every update. */
  private failure?: { fallback: Element | null };

  /**
   * A render that throws (a value no template expected, or a page whose Trusted Types policy refused Lit its own,
   * when every template throws) would reach the page as an unhandled rejection and leave the element blank. The
   * element shows its fallback instead and the error stops here. The rest of the update (`updated`, controllers'
   * `hostUpdated`) is skipped: it expects the DOM the render would have drawn, and a feed "loaded" report would
   * contradict the failure.
   */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch {
      const root = this.renderRoot;
      // Lit keeps its root part on the container; without it the next render starts afresh instead of inserting
      // beside a marker removed below.
      delete (root as { _$litPart$?: unknown })._$litPart$;
      // Styles of a server-rendered shadow root are <style> elements, its only ones: they stay.
      for (const node of [...root.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
      const fallback = this.renderFailed?.(!this.failure) ?? null;
      this.failure = { fallback };
      if (fallback) root.append(fallback);
    }
  }

  /** Set while the element waits for the parser to write its shadow root (see `connectedCallback`); settles then. */
  private parsed?: Promise<void>;

  /**
   * A streamed page whose bundle ran early (`async`, a framework's own loading) puts the element in the document,
   * defined, before the parser has written the shadow root the server declared for it, or while it is half way.
   * Lit would have taken the root as it was: the element drew its content twice, failed, or drew afresh beside the
   * server's. So it connects once the root is whole, which it is when the parser writes the host's first light
   * element or any node after the host. Only an element with a root of the server's: one the parser is inside, or
   * one the renderer marked `ssr` whose template has not arrived yet. A plain tag at the end of what has arrived
   * (a flush, a frame written and never closed) draws at once.
   */
  override connectedCallback(): void {
    const parsing = () =>
      !this.hasUpdated &&
      (!!this.shadowRoot || this.hasAttribute('ssr')) &&
      // An element, not any node: a pretty-printed snippet has white space before the template.
      !this.firstElementChild &&
      !parsedPast(this);
    if (!this.parsed) {
      if (isServer || !parsing()) return super.connectedCallback();
      this.parsed = whenParsedPast(this, () => !parsing()).then(() => {
        this.parsed = undefined;
        // Lit may have connected it meanwhile: its hydrate support does so when `defer-hydration` is removed.
        if (this.isConnected && !(this as { renderRoot?: unknown }).renderRoot) super.connectedCallback();
      });
    }
    // Connected by Lit before, then taken off (which let go of its controllers) and put back while it waits: it
    // connects again now, and its updates wait for the parser (`scheduleUpdate`).
    if ((this as { renderRoot?: unknown }).renderRoot) super.connectedCallback();
  }

  /**
   * Lit's hydrate support connects an element as soon as its `defer-hydration` is removed, even one off the page:
   * its controllers then held on to the page (the clock's interval) with nothing to let them go, and putting it back
   * connected it a second time. Off the page, the removal waits for the element's next connect, as any element's
   * first connect does.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'defer-hydration' && value === null && !this.isConnected) return;
    super.attributeChangedCallback(name, old, value);
  }

  /**
   * An element Lit never connected (still waiting for the parser, or kept back by `defer-hydration`) has no
   * controllers to let go. Lit sets its root as it connects.
   */
  override disconnectedCallback(): void {
    if ((this as { renderRoot?: unknown }).renderRoot) super.disconnectedCallback();
  }

  /**
   * Every render but those of `rendersAtOnce` waits its turn in the page's render queue, which yields to the
   * browser between slices (see render-queue.ts); a widget hydrating a server-rendered root waits too, as what it
   * would draw is already there.
   *
   * The page's wire-widgets.css may hold the box of the four held widgets until they have drawn: it sets
   * `--_reserved` on them meanwhile. Their first render is decided before the next frame (see `heldBoxes`):
   * queued if held, else drawn then. Only for an element upgraded as the bundle defined it: the box it held until
   * then is the one it keeps. An element added later (an app's render) draws at once, as before: its box would be
   * worked out from attributes that a framework may not have set (React sets `layout` as a property), and then jump
   * for the skeleton a frame later. Never in a shadow root, which the page's stylesheet does not reach.
   */
  protected override scheduleUpdate(): ReturnType<LitElement['scheduleUpdate']> {
    if (isServer) return super.scheduleUpdate();
    // Lit's hydrate support connects an element when its `defer-hydration` is removed, waiting or not. Hydrating half
    // a shadow root threw: the widget showed its "unavailable" line (a `wire-feed-error` of reason `render`), and the
    // parser wrote the rest of the server's markup beneath it. So its updates wait for the parser too.
    if (this.parsed) return this.parsed.then(() => this.scheduleUpdate());
    // A render never holds the queue: only a job that reads in slices returns its promise.
    const queued = () => queueRender(() => void super.scheduleUpdate(), { ownTask: !this.hasUpdated });
    if (!this.rendersAtOnce()) return queued();
    return this.mayBeHeld()
      ? heldBoxes(this).then((held) => (held.has(this) ? queued() : super.scheduleUpdate()))
      : super.scheduleUpdate();
  }

  /** True when this update skips the queue: a first render into an empty shadow root (see render-queue.ts). */
  protected rendersAtOnce(): boolean {
    return !this.hasUpdated && !this.renderRoot.hasChildNodes();
  }

  /** True for an element upgraded as the bundle defined it, in the page itself, of a tag the stylesheet holds. */
  private mayBeHeld(): boolean {
    return this.upgraded && HELD.test(this.localName) && this.getRootNode() === this.ownerDocument;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.failure?.fallback?.remove();
    this.failure = undefined;
  }

  /**
   * Called on each render that threw (`first` for the first in a row, to report it once); returns what stands in
   * for it: plain nodes built with `createElement` and `textContent`, never an HTML sink, so it shows under any
   * Trusted Types policy. An element without it shows nothing.
   */
  protected renderFailed?(first: boolean): Element | null;
}
