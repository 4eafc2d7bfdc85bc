/**
 * Counts what a widget can leave behind on a page: event listeners on long-lived targets (window, document, the
 * root and body elements, media queries, the visual viewport), observations by Mutation/Intersection/Resize
 * observers, and intervals. Import it before anything that registers them (first import of the churn suite):
 * it wraps the prototypes once, for the whole test page.
 */

type Key = string;

const listeners = new Map<EventTarget, Map<Key, Set<unknown>>>();
const observations = new Map<object, Set<Node>>();
const intervals = new Set<number>();

/** Targets that outlive a widget: a listener left on one of these is a leak. Elements die with their widget. */
function longLived(target: EventTarget): boolean {
  return (
    target === window ||
    target === document ||
    target === document.documentElement ||
    target === document.body ||
    target === window.visualViewport ||
    (typeof MediaQueryList !== 'undefined' && target instanceof MediaQueryList)
  );
}

function capture(options: boolean | AddEventListenerOptions | EventListenerOptions | undefined): boolean {
  return typeof options === 'boolean' ? options : Boolean(options?.capture);
}

function forget(target: EventTarget, key: Key, listener: unknown): void {
  listeners.get(target)?.get(key)?.delete(listener);
}

function remember(
  target: EventTarget,
  type: string,
  listener: unknown,
  options: boolean | AddEventListenerOptions | undefined,
  add: EventTarget['addEventListener'],
): void {
  const key = `${type}|${capture(options)}`;
  let byKey = listeners.get(target);
  if (!byKey) listeners.set(target, (byKey = new Map()));
  let set = byKey.get(key);
  if (!set) byKey.set(key, (set = new Set()));
  set.add(listener);
  const opts = typeof options === 'object' ? options : undefined;
  if (opts?.once)
    add.call(target, type, () => forget(target, key, listener), { once: true, capture: capture(options) });
  opts?.signal?.addEventListener('abort', () => forget(target, key, listener), { once: true });
}

// Vitest's browser runner gives `window` its own addEventListener, so the prototype alone is not enough.
for (const owner of [EventTarget.prototype, Window.prototype, window, Document.prototype, document]) {
  if (!Object.hasOwn(owner, 'addEventListener')) continue;
  const target = owner as EventTarget;
  const add = target.addEventListener;
  const remove = target.removeEventListener;
  Object.defineProperty(owner, 'addEventListener', {
    configurable: true,
    writable: true,
    value(
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      add.call(this, type, listener, options);
      if (listener && longLived(this)) remember(this, type, listener, options, add);
    },
  });
  Object.defineProperty(owner, 'removeEventListener', {
    configurable: true,
    writable: true,
    value(
      this: EventTarget,
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      remove.call(this, type, listener, options);
      if (listener) forget(this, `${type}|${capture(options)}`, listener);
    },
  });
}

for (const Observer of [MutationObserver, IntersectionObserver, ResizeObserver] as const) {
  const proto = Observer.prototype as unknown as {
    observe: (target: Node, ...rest: unknown[]) => void;
    unobserve?: (target: Node) => void;
    disconnect: () => void;
  };
  const { observe, unobserve, disconnect } = proto;
  proto.observe = function (target: Node, ...rest: unknown[]) {
    observe.call(this, target, ...rest);
    let set = observations.get(this);
    if (!set) observations.set(this, (set = new Set()));
    set.add(target);
  };
  if (unobserve)
    proto.unobserve = function (target: Node) {
      unobserve.call(this, target);
      observations.get(this)?.delete(target);
    };
  proto.disconnect = function () {
    disconnect.call(this);
    observations.delete(this);
  };
}

const setIntervalOriginal = window.setInterval;
const clearIntervalOriginal = window.clearInterval;
window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
  const id = setIntervalOriginal(handler, ms, ...args);
  intervals.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  clearIntervalOriginal(id);
  if (id !== undefined) intervals.delete(id);
}) as typeof window.clearInterval;

export interface Census {
  /** Listeners on long-lived targets, by `target type|capture`. */
  listeners: Record<string, number>;
  /** Nodes observed by some observer that was not disconnected. */
  observations: number;
  intervals: number;
}

function describeTarget(target: EventTarget): string {
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (target === document.documentElement) return 'html';
  if (target === document.body) return 'body';
  if (target === window.visualViewport) return 'visualViewport';
  return target instanceof MediaQueryList ? `matchMedia(${target.media})` : 'other';
}

/** What is registered right now. */
export function census(): Census {
  const counted: Record<string, number> = {};
  for (const [target, byKey] of listeners)
    for (const [key, set] of byKey)
      if (set.size)
        counted[`${describeTarget(target)} ${key}`] =
          (counted[`${describeTarget(target)} ${key}`] ?? 0) + set.size;
  let observed = 0;
  for (const set of observations.values()) observed += set.size;
  return { listeners: counted, observations: observed, intervals: intervals.size };
}
