import { catalogs, fallback, type Plural, type Strings } from './strings.js';

type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
type PluralKey = { [K in keyof Strings]: Strings[K] extends Plural ? K : never }[keyof Strings];

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

/** The catalog language for a BCP 47 tag: the exact tag, then its primary subtag, then English. */
export function catalogLanguage(tag: string | undefined): string {
  if (!tag) return 'en';
  const lower = tag.toLowerCase();
  if (lower in catalogs) return lower;
  const primary = lower.split(/[-_]/)[0] ?? '';
  return primary in catalogs ? primary : 'en';
}

export function isRtlLanguage(tag: string | undefined): boolean {
  return RTL_LANGUAGES.has((tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '');
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translated string with `{name}` placeholders filled. */
export function t(
  lang: string | undefined,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  const catalog = catalogs[catalogLanguage(lang)] ?? {};
  const template = (catalog[key] as string | undefined) ?? fallback[key];
  return fill(template, vars);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** A plural string for `n`, with the category chosen by `Intl.PluralRules` for the language. */
export function plural(
  lang: string | undefined,
  key: PluralKey,
  n: number,
  vars: Record<string, string> = {},
): string {
  const code = catalogLanguage(lang);
  let rules = pluralRules.get(code);
  if (!rules) {
    rules = new Intl.PluralRules(code);
    pluralRules.set(code, rules);
  }
  const forms = (catalogs[code]?.[key] as Plural | undefined) ?? fallback[key];
  const template = forms[rules.select(n)] ?? forms.other;
  return fill(template, { ...vars, n: new Intl.NumberFormat(code).format(n) });
}

/** A list of names joined the way the language joins them ("A, B and C"). */
export function list(lang: string | undefined, items: string[]): string {
  try {
    return new Intl.ListFormat(lang || 'en', { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * `tag` as a canonical BCP 47 tag, or undefined when Intl refuses it: a page's `lang="en_US"` or a feed's
 * `"language": "NULL"` must never reach a formatter, whose constructor throws a RangeError for it.
 */
function languageTag(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The language an element speaks: its own or its nearest ancestor's `lang` (crossing shadow roots), then the
 * feed's, then the page's, then the browser's. Tags Intl cannot use are skipped.
 */
export function resolveLanguage(element: Element, feedLanguage?: string): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = languageTag(node.getAttribute('lang'));
      if (lang && node !== element.ownerDocument.documentElement) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (
    languageTag(feedLanguage) ||
    languageTag(element.ownerDocument.documentElement.getAttribute('lang')) ||
    languageTag(typeof navigator !== 'undefined' ? navigator.language : '') ||
    'en'
  );
}

/** The writing direction an element is in, from the nearest `dir` attribute or its language. */
export function resolveDirection(element: Element, lang: string): 'ltr' | 'rtl' {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const dir = node.getAttribute('dir')?.toLowerCase();
      if (dir === 'rtl' || dir === 'ltr') return dir;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return isRtlLanguage(lang) ? 'rtl' : 'ltr';
}
