import type { Plugin } from 'vite';

/**
 * Lit creates its Trusted Types policy (`lit-html`) while its module evaluates. On a page whose policy refuses it
 * (`trusted-types 'none'`, or a list without `lit-html`), `createPolicy` throws there, the whole bundle stops
 * evaluating, no element is defined and the page gets one uncaught error. Wrapped in try/catch, the policy is
 * simply undefined: Lit then hands its template strings to `innerHTML` as they are, the browser refuses that at
 * render time, and `WireElement` shows each widget's plain-text fallback instead (src/shared/styles.ts).
 *
 * Matches the minified and development builds (names differ, the shape does not). A Lit release that writes the
 * call differently fails the build here rather than silently shipping a bundle that dies on such pages.
 */
const POLICY =
  /(\w+)\s*\?\s*\1\.createPolicy\(\s*(["'])lit-html\2\s*,\s*\{\s*createHTML:\s*\(?(\w+)\)?\s*=>\s*\3\s*,?\s*\}\s*\)\s*:\s*(?:void 0|undefined)/;

const LIT_HTML = /\/lit-html\/(?:node\/)?(?:development\/)?lit-html\.js$/;

export function litTrustedTypes(): Plugin {
  return {
    name: 'wire:lit-trusted-types',
    apply: 'build',
    transform(code, id) {
      if (!LIT_HTML.test(id)) return null;
      const match = POLICY.exec(code);
      if (!match) throw new Error(`wire:lit-trusted-types: Lit's createPolicy call not found in ${id}`);
      const guarded = `(()=>{try{return ${match[0]}}catch{}})()`;
      return {
        code: code.slice(0, match.index) + guarded + code.slice(match.index + match[0].length),
        map: null,
      };
    },
  };
}
