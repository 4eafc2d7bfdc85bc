// The only floating-ui functions the widgets use, behind one dynamic import: the lazy chunk then carries these
// and not the whole package.
export { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
