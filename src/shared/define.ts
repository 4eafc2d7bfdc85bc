/**
 * True while `defineElement` upgrades the elements already in the page (the browser constructs them inside
 * `customElements.define`): the tags of the page's HTML, whose boxes wire-widgets.css held before the bundle ran.
 */
export let upgrading = false;

/**
 * Registers a custom element unless the name is taken. A page may load the standalone bundle twice, or two
 * versions side by side; `customElements.define` would throw "name already used" on the second. The first
 * definition wins and later ones are ignored quietly: upgrading an element in place is impossible anyway.
 */
export function defineElement(name: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  try {
    upgrading = true;
    customElements.define(name, ctor);
  } catch {
    // Another copy may have won a race between the check and the define (or the constructor is already
    // registered under another name). Either way the page keeps working with the definition it has.
  } finally {
    upgrading = false;
  }
}
