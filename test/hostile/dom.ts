/**
 * Browser-side helpers of the hardening suites: which listed widgets are defined, how to create and settle one,
 * how to walk everything it rendered (open shadow roots included) and what counts as a security problem there.
 */
import { attributesFor, skipMessage, WIDGETS, type FeedIds, type WidgetConfig } from './widgets.js';
// src/define.ts fetches <wire-story> only when one appears in the page; the suites list the defined widgets
// before they create any, so the story is defined here up front.
import '../../src/components/story/story.define.js';

/** The configurations whose element is defined; the others are skipped with one console line each. */
export function definedWidgets(suite: string): WidgetConfig[] {
  return WIDGETS.filter((config) => {
    if (customElements.get(config.tag)) return true;
    console.warn(skipMessage(config, suite));
    return false;
  });
}

export type WidgetElement = HTMLElement & { feed?: unknown; src?: string };

export function createWidget(config: WidgetConfig, ids: FeedIds, item?: string): WidgetElement {
  const element = document.createElement(config.tag) as WidgetElement;
  for (const [name, value] of Object.entries(attributesFor(config, ids, item)))
    element.setAttribute(name, value);
  return element;
}

/** Points an existing widget at another item, the way a page reusing one element would. */
export function showItem(element: Element, config: WidgetConfig, item: string): void {
  element.setAttribute(config.itemAttribute ?? 'item', item);
}

/** Calls a widget's lightbox method (`open` or `close`) when its configuration names one; false otherwise. */
export async function lightbox(
  element: Element,
  config: WidgetConfig,
  action: 'open' | 'close',
): Promise<boolean> {
  const name = config.lightbox?.[action];
  const method = name ? (element as unknown as Record<string, unknown>)[name] : undefined;
  if (typeof method !== 'function') return false;
  await (method as () => unknown).call(element);
  // A dialog's `close` event (and whatever the widget re-renders on it) comes a task later.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await settle(element);
  return true;
}

/** Every element under `root`, descending into open shadow roots (the root itself first). */
export function* deepElements(root: Element): Generator<Element> {
  yield root;
  const roots: ParentNode[] = [root];
  while (roots.length) {
    const node = roots.pop()!;
    const shadow = node instanceof Element ? node.shadowRoot : null;
    if (shadow) roots.push(shadow);
    for (const child of node.children) {
      yield child;
      roots.push(child);
    }
  }
}

/** The text a reader can see in a widget, nested shadow roots included, whitespace collapsed. */
export function deepText(element: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLStyleElement || node instanceof HTMLTemplateElement) return;
    for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

interface Updating {
  updateComplete?: Promise<boolean>;
}

/** Waits until the widget and every Lit element inside it have no update pending. */
export async function settle(element: Element, rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const pending: Promise<boolean>[] = [];
    for (const el of deepElements(element)) {
      const update = (el as Updating).updateComplete;
      if (update) pending.push(update);
    }
    if ((await Promise.all(pending)).every(Boolean)) return;
  }
}

/** Elements feed data must never be able to create inside a widget. */
const FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'portal',
  'noscript',
]);

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'cite',
  'background',
  'ping',
  'codebase',
  'manifest',
  'longdesc',
  'lowsrc',
  'dynsrc',
]);
const SRCSET_ATTRIBUTES = new Set(['srcset', 'imagesrcset']);
const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/** The URLs of a `srcset` value as the browser's candidate parser sees them (URL, then descriptors). */
export function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let rest = value;
  while (rest.trim()) {
    rest = rest.replace(/^[\s,]+/, '');
    const match = /^\S+/.exec(rest);
    if (!match) break;
    let url = match[0];
    rest = rest.slice(url.length);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else rest = rest.replace(/^[^,]*/, '');
    if (url) urls.push(url);
  }
  return urls;
}

/** Why `value` is not an absolute http(s) URL, or undefined when it is one. */
function urlProblem(value: string): string | undefined {
  if (value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return `has protocol ${url.protocol}`;
  return undefined;
}

const short = (s: string) => JSON.stringify(s.length > 100 ? `${s.slice(0, 100)}…` : s);

/**
 * Security problems in what `root` rendered: elements that run or embed content, event-handler attributes, URL
 * attributes that are not absolute http(s) after parsing, inline styles that load or run anything, and markup
 * from a feed that became elements.
 */
export function audit(root: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if (FORBIDDEN.has(tag)) problems.push(`<${tag}> rendered`);
    if (element.id === 'wire-literal') problems.push('feed markup became an element (#wire-literal)');
    for (const { name, value } of element.attributes) {
      const where = `<${tag} ${name}=${short(value)}>`;
      if (name.startsWith('on')) problems.push(`${where}: event-handler attribute`);
      if (URL_ATTRIBUTES.has(name)) {
        const problem = urlProblem(value);
        if (problem) problems.push(`${where}: ${problem}`);
      }
      if (SRCSET_ATTRIBUTES.has(name)) {
        for (const url of srcsetUrls(value)) {
          const problem = urlProblem(url);
          if (problem) problems.push(`${where}: candidate ${short(url)} ${problem}`);
        }
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import/i.test(value))
        problems.push(`${where}: inline style loads or runs something`);
    }
  }
  return problems;
}

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

export interface Tripwire {
  /** Script that ran, errors that escaped, rejections nobody handled and CSP violations, since `reset()`. */
  problems(): string[];
  reset(): void;
  dispose(): void;
}

/**
 * Arms `window.__pwned` (every payload sets it), `alert`/`confirm`/`prompt`/`print` (what the corpus payloads
 * call), and listeners for uncaught errors, unhandled rejections and CSP violations.
 */
export function installTripwire(): Tripwire {
  const problems: string[] = [];
  const originals = {
    alert: window.alert,
    confirm: window.confirm,
    prompt: window.prompt,
    print: window.print,
  };
  const trip = (name: string) => () => {
    window.__pwned = `${name}()`;
    return null as never;
  };
  window.alert = trip('alert');
  window.confirm = trip('confirm');
  window.prompt = trip('prompt');
  window.print = trip('print');
  window.__pwned = undefined;
  const onError = (event: Event) => {
    // Resource errors (a 404 image) reach a capturing window listener too; only script errors are ErrorEvents.
    if (event instanceof ErrorEvent) problems.push(`uncaught error: ${event.message}`);
  };
  const onRejection = (event: PromiseRejectionEvent) =>
    problems.push(`unhandled rejection: ${String((event.reason as Error)?.stack ?? event.reason)}`);
  const onViolation = (event: SecurityPolicyViolationEvent) =>
    problems.push(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`);
  window.addEventListener('error', onError, true);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  return {
    problems: () =>
      (window.__pwned ? [`script ran: window.__pwned = ${String(window.__pwned)}`] : []).concat(problems),
    reset: () => {
      problems.length = 0;
      window.__pwned = undefined;
    },
    dispose: () => {
      Object.assign(window, originals);
      window.removeEventListener('error', onError, true);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}

export interface Outcome {
  /** `load` or `error` per wire-feed-load / wire-feed-error the widget fired, in order. */
  events: { type: 'load' | 'error'; reason?: string; status?: number }[];
  last(): Outcome['events'][number] | undefined;
  dispose(): void;
}

/** Records the feed outcome events a widget fires (add before connecting it). */
export function watchOutcome(element: Element): Outcome {
  const events: Outcome['events'] = [];
  const onLoad = () => events.push({ type: 'load' });
  const onError = (event: Event) => {
    const { reason, status } = (event as CustomEvent<{ reason: string; status?: number }>).detail;
    events.push({ type: 'error', reason, status });
  };
  element.addEventListener('wire-feed-load', onLoad);
  element.addEventListener('wire-feed-error', onError);
  return {
    events,
    last: () => events[events.length - 1],
    dispose: () => {
      element.removeEventListener('wire-feed-load', onLoad);
      element.removeEventListener('wire-feed-error', onError);
    },
  };
}

/** Fetches a file of ../shared/corpus through the fault server; undefined (and one console line) when absent. */
export async function corpusFile<T>(server: string, path: string, suite: string): Promise<T | undefined> {
  const response = await fetch(`${server}/corpus/${path}`);
  if (!response.ok) {
    console.warn(
      `[${suite}] ../shared/corpus/${path} not found (HTTP ${response.status}); that part is skipped`,
    );
    return undefined;
  }
  return (await response.json()) as T;
}
