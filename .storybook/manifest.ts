/**
 * What Storybook takes from the analyzer's manifest: the public API only, with a control that fits each type.
 * Storybook's own mapping turns every type it does not recognise (`'on' | 'off'`, `'light' | 'dark' | undefined`)
 * into an object editor, and lists private and protected fields beside the public ones.
 */

interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** The manifest without private, protected and static members, which are no part of an element's API. */
export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members
          ? {
              ...declaration,
              members: declaration.members.filter(
                (member) => !member.privacy && !member.static && member.kind !== 'method',
              ),
            }
          : declaration,
      ),
    })),
  };
}

export type Control =
  | false
  | { type: 'boolean' | 'number' | 'text' }
  | { type: 'select' | 'inline-radio'; options: (string | undefined)[] };

/**
 * The control for a manifest type: a switch for booleans, radio buttons or a select for a union of literals, a
 * number or text box for scalars, and none for objects (a feed or a photo goes through the story's own args).
 */
export function controlFor(type: string | undefined): Control {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  const optional = parts.includes('undefined');
  const rest = parts.filter((part) => part !== 'undefined');
  if (rest.length === 1 && (rest[0] === 'boolean' || rest[0] === 'number')) return { type: rest[0] };
  if (rest.length === 1 && rest[0] === 'string') return { type: 'text' };
  if (rest.length > 0 && rest.every((part) => /^'[^']*'$/.test(part))) {
    const options: (string | undefined)[] = rest.map((part) => part.slice(1, -1));
    // An optional attribute's "unset" is a choice of its own (a theme that follows the reader's preference).
    if (optional) options.unshift(undefined);
    return { type: options.length > 4 ? 'select' : 'inline-radio', options };
  }
  return false;
}

export interface ArgType {
  name?: string;
  control?: unknown;
  type?: { name?: string } | string;
  table?: { category?: string; [key: string]: unknown };
  [key: string]: unknown;
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * Fits a control to every argument the manifest described and the story did not already give one. An attribute
 * that has a property of the same meaning (`heading-level` and `headingLevel`) keeps its row in the docs table
 * but loses its control, so the panel offers one switch per setting. Events and CSS parts get none.
 */
export function fitControls<T extends Record<string, ArgType>>(argTypes: T): T {
  const fitted: Record<string, ArgType> = {};
  for (const [name, argType] of Object.entries(argTypes)) {
    const category = argType.table?.category;
    if (argType.control !== undefined || (category !== 'attributes' && category !== 'properties')) {
      fitted[name] =
        category && category !== 'attributes' && category !== 'properties' && argType.control === undefined
          ? { ...argType, control: false }
          : argType;
      continue;
    }
    const twin = category === 'attributes' && name.includes('-') && camel(name) in argTypes;
    const type = typeof argType.type === 'string' ? argType.type : argType.type?.name;
    const fit = twin ? false : controlFor(type);
    // Storybook reads a select's choices from the arg type, not from its control.
    fitted[name] =
      fit && 'options' in fit
        ? { ...argType, control: { type: fit.type }, options: fit.options }
        : { ...argType, control: fit };
  }
  return fitted as T;
}
