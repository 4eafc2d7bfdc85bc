/**
 * What the library reads from the host page's `document` and `window`, read so that the page cannot clobber it.
 *
 * `document` gives named elements priority over its own properties (it is `[LegacyOverrideBuiltIns]`), and
 * `window` finds elements by name or id before the methods it inherits from `EventTarget`: a page holding
 * `<img name="baseURI">` or `<form id="addEventListener">` — whether by accident or by an attacker who can post
 * HTML in a comment — turns `document.baseURI` into an element and `addEventListener` into something that is not
 * a function. Named properties live on the document and on the window's named-properties object, never on the
 * interface prototypes, so every read here goes to the prototype and calls it on the real document or window.
 * The lookup happens at call time rather than once at load, so wrappers installed later (a page's own
 * instrumentation, the test suites' listener census) still see our calls. On the server (no `Document`), each
 * answers as for a page with nothing in it.
 */

import { safeUrl } from '../feed/url.js';

const hasDom = typeof Document !== 'undefined' && typeof document !== 'undefined';
// `document` and `window` themselves are unforgeable properties of the global object: no element can shadow them.
const doc: Document | undefined = hasDom ? document : undefined;
const win: Window | undefined = hasDom ? window : undefined;

/** A getter of `Document.prototype` (or `Node.prototype`) called on `of`, whatever `of` holds by that name. */
const read = <K extends keyof Document>(proto: object, name: K, of: Document): Document[K] =>
  Reflect.get(proto, name, of) as Document[K];

/** The page's base URL (what relative feed and link URLs resolve against); undefined on the server. */
export function pageBase(): string | undefined {
  return doc && read(Node.prototype, 'baseURI', doc);
}

/** The `<html>` element of `of` (the page by default); null on the server. */
export function pageRoot(of: Document | undefined = doc): Element | null {
  return of ? read(Document.prototype, 'documentElement', of) : null;
}

/** The page's `<body>`; null on the server. */
export function pageBody(): HTMLElement | null {
  return doc ? read(Document.prototype, 'body', doc) : null;
}

/** Whether the page is showing (hidden tabs do no background work); true on the server. */
export function pageVisible(): boolean {
  return !doc || read(Document.prototype, 'visibilityState', doc) === 'visible';
}

/** The page's focused element (`document.activeElement`); null on the server. */
export function pageFocus(): Element | null {
  return doc ? read(Document.prototype, 'activeElement', doc) : null;
}

/**
 * The page's address without its query and fragment (where session tokens and one-time codes travel); undefined
 * on the server. `location` is unforgeable on both `window` and `document`, so it is read directly.
 */
export function pageLocation(): string | undefined {
  return win ? win.location.origin + win.location.pathname : undefined;
}

/**
 * The page's public address: its `<link rel="canonical">` (a page routed by its query names the address with the
 * query it needs), else its address without query and fragment. Undefined on the server.
 */
export function pageCanonical(): string | undefined {
  const link = doc
    ? (Document.prototype.querySelector.call(doc, 'link[rel~="canonical"][href]') as HTMLLinkElement | null)
    : null;
  return (link && safeUrl(link.href)) || pageLocation();
}

/** `document.addEventListener`, immune to a named element called `addEventListener`. */
export function onDocument(type: string, listener: EventListener): void {
  if (doc) EventTarget.prototype.addEventListener.call(doc, type, listener);
}

/** `document.removeEventListener`, likewise. */
export function offDocument(type: string, listener: EventListener): void {
  if (doc) EventTarget.prototype.removeEventListener.call(doc, type, listener);
}

/** `window.addEventListener`, immune to an element named or with the id `addEventListener`. */
export function onWindow(type: string, listener: EventListener): void {
  if (win) EventTarget.prototype.addEventListener.call(win, type, listener);
}

/** `window.removeEventListener`, likewise. */
export function offWindow(type: string, listener: EventListener): void {
  if (win) EventTarget.prototype.removeEventListener.call(win, type, listener);
}

/** `node.nextSibling` or `node.parentNode`, whatever a form's control named so holds. */
const step = (node: Node, name: 'nextSibling' | 'parentNode'): Node | null =>
  Reflect.get(Node.prototype, name, node) as Node | null;

/** The node above `node`: its parent, or the host of the shadow root it is; null at the top. */
export const above = (node: Node): Node | null =>
  step(node, 'parentNode') ?? (node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null);

/**
 * Whether the HTML parser has gone past `node`: the page is parsed, or a node follows it (the parser writes nodes
 * in document order, so one after it means that all of it has arrived). True on the server.
 */
export function parsedPast(node: Node): boolean {
  if (!doc || read(Document.prototype, 'readyState', doc) !== 'loading') return true;
  for (let at: Node | null = node; at; at = above(at)) if (step(at, 'nextSibling')) return true;
  return false;
}

/**
 * Resolves once `ready()` holds, checked whenever the parser adds a node inside `node`, beside it or beside one of
 * the nodes it is in, and when the page is parsed.
 */
export function whenParsedPast(node: Node, ready = () => parsedPast(node)): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!ready()) return;
      observer.disconnect();
      offDocument('readystatechange', check);
      resolve();
    };
    const observer = new MutationObserver(check);
    for (let at: Node | null = node; at; at = above(at)) observer.observe(at, { childList: true });
    onDocument('readystatechange', check);
  });
}
