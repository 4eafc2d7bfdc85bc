/**
 * The browser half of server rendering, in the standalone bundle only, between Lit's hydrate support and Lit.
 *
 * A snippet rendered by another version of this library no longer matches the element's template: Lit's hydrate
 * throws "Hydration value mismatch" from the element's first update, which would leave an uncaught error and a
 * widget that never updates again. This wraps the support so such an element drops the server's markup (keeping
 * its server-rendered styles, the only ones its shadow root has) and renders as on any other page.
 */
import { render, type RenderOptions } from 'lit-html';
import type { PropertyValues } from '@lit/reactive-element';

interface Hydratable {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly renderOptions: RenderOptions;
  render(): unknown;
  update(changed: PropertyValues): void;
}

type Support = (classes: { LitElement: { prototype: Hydratable } }) => void;

const scope = globalThis as { litElementHydrateSupport?: Support };
const install = scope.litElementHydrateSupport;

if (install)
  scope.litElementHydrateSupport = (classes) => {
    install(classes);
    const { prototype } = classes.LitElement;
    const update = prototype.update;
    prototype.update = function (this: Hydratable, changed: PropertyValues) {
      try {
        update.call(this, changed);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('Hydration value mismatch')) throw error;
        for (const node of [...this.renderRoot.childNodes])
          if (!(node instanceof HTMLStyleElement)) node.remove();
        render(this.render(), this.renderRoot, this.renderOptions);
      }
    };
  };
