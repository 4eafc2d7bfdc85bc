/**
 * What the library reads from the host page's `document`, read so that the page cannot clobber it.
 *
 * `document` gives named elements priority over its own properties (it is `[LegacyOverrideBuiltIns]`): a page
 * holding `<img name="baseURI">` or `<form id="addEventListener">` — whether by accident or by an attacker who
 * can post HTML in a comment — turns `document.baseURI` into an element and `document.addEventListener` into
 * something that is not a function. The getters and methods here are taken from the prototypes once, when this
 * module loads, and always called on the real document. On the server (no `Document`), each answers as for a
 * page with nothing in it.
 */

type Getter<T> = (this: unknown) => T;

const own = <T>(proto: object | undefined, name: string): Getter<T> | undefined =>
  proto ? (Object.getOwnPropertyDescriptor(proto, name)?.get as Getter<T> | undefined) : undefined;

const hasDom = typeof Document !== 'undefined' && typeof document !== 'undefined';
const doc: Document | undefined = hasDom ? document : undefined;

const baseUriGetter = own<string>(hasDom ? Node.prototype : undefined, 'baseURI');
const rootGetter = own<Element | null>(hasDom ? Document.prototype : undefined, 'documentElement');
const visibilityGetter = own<DocumentVisibilityState>(
  hasDom ? Document.prototype : undefined,
  'visibilityState',
);
const focusGetter = own<Element | null>(hasDom ? Document.prototype : undefined, 'activeElement');
const listen = hasDom ? EventTarget.prototype.addEventListener : undefined;
const unlisten = hasDom ? EventTarget.prototype.removeEventListener : undefined;

/** The page's base URL (what relative feed and link URLs resolve against); undefined on the server. */
export function pageBase(): string | undefined {
  return doc && baseUriGetter ? baseUriGetter.call(doc) : undefined;
}

/** The page's `<html>` element; null on the server. */
export function pageRoot(): Element | null {
  return doc && rootGetter ? rootGetter.call(doc) : null;
}

/** Whether the page is showing (hidden tabs do no background work); true on the server. */
export function pageVisible(): boolean {
  return !doc || !visibilityGetter || visibilityGetter.call(doc) === 'visible';
}

/** The page's focused element (`document.activeElement`); null on the server. */
export function pageFocus(): Element | null {
  return doc && focusGetter ? focusGetter.call(doc) : null;
}

/** `document.addEventListener`, immune to a named element called `addEventListener`. */
export function onDocument(type: string, listener: EventListener): void {
  if (doc && listen) listen.call(doc, type, listener);
}

/** `document.removeEventListener`, likewise. */
export function offDocument(type: string, listener: EventListener): void {
  if (doc && unlisten) unlisten.call(doc, type, listener);
}
