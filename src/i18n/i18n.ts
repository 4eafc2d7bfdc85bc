import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { above, pageRoot } from '../shared/dom.js';
import { bundledCatalogs, fallback, type Plural, type Strings } from './strings.js';

type StringKey = { [K in keyof Strings]: Strings[K] extends string ? K : never }[keyof Strings];
type PluralKey = { [K in keyof Strings]: Strings[K] extends Plural ? K : never }[keyof Strings];

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi', 'dv', 'ckb']);

type Loader = () => Promise<{ default: Partial<Strings> }>;

const loaded = new Map<string, Partial<Strings>>([['en', fallback]]);
const loaders: Record<string, Loader> = { ...bundledCatalogs };
const pending = new Set<string>();
const listeners = new Set<() => void>();

/**
 * Adds or replaces a language: its strings, or a function that loads them on first use. Widgets already on the
 * page re-render in it.
 */
export function registerCatalog(lang: string, strings: Partial<Strings> | Loader): void {
  const code = lang.toLowerCase();
  loaded.delete(code);
  if (typeof strings === 'function') loaders[code] = strings;
  else loaded.set(code, strings);
  notify();
}

function notify(): void {
  pluralCache.clear();
  for (const listener of listeners) listener();
}

/** Loads a language's catalog if it has one and it is not loaded yet; resolves once it is usable. */
export async function loadCatalog(lang: string | undefined): Promise<void> {
  const code = catalogLanguage(lang);
  const loader = loaders[code];
  if (loaded.has(code) || !loader || pending.has(code)) return;
  pending.add(code);
  try {
    loaded.set(code, (await loader()).default);
    notify();
  } catch {
    // A chunk that fails to load leaves the widget in English rather than broken.
  } finally {
    pending.delete(code);
  }
}

/** Re-renders its host when a catalog arrives (the first render in a new language is in English until then). */
export class CatalogController implements ReactiveController {
  private readonly update = () => this.host.requestUpdate();
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    listeners.add(this.update);
  }
  hostDisconnected(): void {
    listeners.delete(this.update);
  }
}

/** The catalog language for a BCP 47 tag: the exact tag, then its primary subtag, then English. */
export function catalogLanguage(tag: string | undefined): string {
  if (!tag) return 'en';
  const lower = tag.toLowerCase();
  const known = (code: string) => loaded.has(code) || code in loaders;
  if (known(lower)) return lower;
  const primary = primaryOf(lower);
  return known(primary) ? primary : 'en';
}

/** The strings of a language as far as they are loaded; asks for the rest. */
function catalog(lang: string | undefined): Partial<Strings> {
  const code = catalogLanguage(lang);
  const strings = loaded.get(code);
  if (!strings) void loadCatalog(code);
  return strings ?? fallback;
}

export function isRtlLanguage(tag: string | undefined): boolean {
  return RTL_LANGUAGES.has(primaryOf(tag ?? ''));
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translated string with `{name}` placeholders filled. */
export function t(lang: string | undefined, key: StringKey, vars?: Record<string, string | number>): string {
  const template = (catalog(lang)[key] as string | undefined) ?? fallback[key];
  // Most strings a card asks for have no placeholders: no scan for them (a card asks for several).
  return vars ? fill(template, vars) : template;
}

/**
 * `cache`'s value for `key`, made once. Keys can come from pages and feeds, so the cache is dropped when it grows
 * past what a page plausibly uses.
 */
function remember<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= 64) cache.clear();
  const value = make(key);
  cache.set(key, value);
  return value;
}

/**
 * Builds a value once per key. Intl constructors cost far more than the formatting itself (a plural and a list
 * per card made them a fifth of a 1000-card render), so each formatter is made once per language.
 */
function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => remember(cache, key, make);
}

/** A language tag's primary subtag, lower case: split once per tag, not per card (each card asks three times). */
const primaryOf = memo((tag) => tag.toLowerCase().split(/[-_]/)[0] ?? '');

const pluralRules = memo((code) => new Intl.PluralRules(code));
const numberFormat = memo((code) => new Intl.NumberFormat(code));
const listFormat = memo((code) => new Intl.ListFormat(code, { type: 'conjunction' }));

/**
 * Builds the number, plural and list formatters of a language before a render needs them, in steps the caller runs
 * one per task. A page's first Intl formatter, whichever it is, waits while ICU loads its data: in Chromium 156 a
 * first `Intl.NumberFormat` took 53 ms (median of 8 pages, unthrottled, a 2-core machine), four times that on
 * Lighthouse's phone. A `Locale` then a `Collator` load that data in two parts (14 and 28 ms), after which the
 * number format took 9 ms: the longest task is about half as long. The collator itself is not used.
 */
export const formatterSteps: readonly ((lang: string) => unknown)[] = [
  (lang) => new Intl.Locale(catalogLanguage(lang)).maximize(),
  (lang) => new Intl.Collator(catalogLanguage(lang)),
  (lang) => numberFormat(catalogLanguage(lang)),
  (lang) => {
    pluralRules(catalogLanguage(lang));
    // Last: it throws in an engine without Intl.ListFormat (where `list` joins with commas), after the others.
    listFormat(catalogLanguage(lang));
  },
];

/** `plural`'s strings by language, key and count; emptied when a catalog arrives or is replaced. */
const pluralCache = new Map<string, string>();

/** A plural string for `n`, with the category chosen by `Intl.PluralRules` for the language. */
export function plural(lang: string | undefined, key: PluralKey, n: number): string {
  const code = catalogLanguage(lang);
  // Cards of one feed ask for the same few counts again and again ("4 min read"): a select, a format and a fill
  // each time were 9 ms of a 1000-card render.
  return remember(pluralCache, `${code} ${key} ${n}`, () => {
    const forms = (catalog(code)[key] as Plural | undefined) ?? fallback[key];
    return fill(forms[pluralRules(code).select(n)] ?? forms.other, { n: numberFormat(code).format(n) });
  });
}

/** A list of names joined the way the language joins them ("A, B and C"). */
export function list(lang: string | undefined, items: string[]): string {
  // One name is that name in every language (a card's usual byline): no formatter call.
  if (items.length === 1) return items[0]!;
  try {
    // The catalog's language, not the page's: "By {names}" in English must not join names with "und".
    return listFormat(catalogLanguage(lang)).format(items);
  } catch {
    return items.join(', ');
  }
}

const canonicalTag = memo((tag): string | undefined => {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
});

/**
 * `tag` as a canonical BCP 47 tag, or undefined when Intl refuses it: a page's `lang="en_US"` or a feed's
 * `"language": "NULL"` must never reach a formatter, whose constructor throws a RangeError for it.
 */
function languageTag(tag: string | null | undefined): string | undefined {
  return tag ? canonicalTag(tag) : undefined;
}

/**
 * The first usable value of an attribute on the element or its ancestors, crossing shadow roots and stopping
 * below the page's root element (whose `lang` and `dir` come last, after the feed's language).
 */
function fromAncestors<T>(element: Element, read: (node: Element) => T | undefined): T | undefined {
  // A server-rendered element has no ancestors to read (the DOM shim has no tree): only its own attributes count,
  // which is why a server renderer writes the resolved lang and dir onto the element.
  if (isServer) return read(element);
  const root = pageRoot(element.ownerDocument);
  for (let node: Node | null = element; node; node = above(node)) {
    if (node instanceof Element && node !== root) {
      const value = read(node);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The page's root element, or none on the server (where there is no page). */
const rootOf = (element: Element): Element | undefined =>
  isServer ? undefined : (pageRoot(element.ownerDocument) ?? undefined);

/**
 * The language an element speaks: its own or its nearest ancestor's `lang` (crossing shadow roots), then the
 * feed's, then the page's, then the browser's. Tags Intl cannot use are skipped.
 */
export function resolveLanguage(element: Element, feedLanguage?: string): string {
  return (
    fromAncestors(element, (node) => languageTag(node.getAttribute('lang'))) ||
    languageTag(feedLanguage) ||
    languageTag(rootOf(element)?.getAttribute('lang')) ||
    languageTag(typeof navigator !== 'undefined' ? navigator.language : '') ||
    'en'
  );
}

/**
 * The language of a story's own text (its item's, else its feed's) where it differs from the language the widget
 * speaks, for a `lang` attribute on the elements that hold that text: an English feed on a Russian page is read
 * out in English, its labels in Russian (WCAG 3.1.2). Undefined when they agree or the feed does not say.
 */
export function textLanguage(
  item: { language?: string } | undefined,
  feed: { language?: string } | undefined,
  lang: string,
): string | undefined {
  // Canonical, as `lang` is: a feed in "iw" is in the widget's "he".
  const text = languageTag(item?.language) || languageTag(feed?.language);
  return text && text !== lang ? text : undefined;
}

/** The writing direction an element is in, from the nearest `dir` attribute or its language. */
export function resolveDirection(element: Element, lang: string): 'ltr' | 'rtl' {
  const explicit = fromAncestors(element, (node) => {
    const dir = node.getAttribute('dir')?.toLowerCase();
    return dir === 'rtl' || dir === 'ltr' ? dir : undefined;
  });
  if (explicit) return explicit;
  const root = rootOf(element);
  // Same order as the language: with no dir inside the page, an Arabic feed on an English page reads right to
  // left, and the page's own dir only decides for a widget speaking the page's language.
  if (isRtlLanguage(lang)) return 'rtl';
  const pageLang = root?.getAttribute('lang');
  if (pageLang && primaryOf(pageLang) !== primaryOf(lang)) return 'ltr';
  return root?.getAttribute('dir')?.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
}
