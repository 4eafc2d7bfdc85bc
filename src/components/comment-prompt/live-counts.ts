/**
 * Live comment counts for every comment prompt on the page: one request per count URL for all their ids, one
 * timer, one IntersectionObserver and one `visibilitychange` listener, all torn down when the last prompt goes.
 * The protocol (`GET {count_url}?ids=a,b,c` → `{"counts": {"a": 3}}`) is documented in docs/feed-format.md.
 */
import { readCapped } from '../../feed/loader.js';
import { safeUrl } from '../../feed/url.js';
import { offDocument, onDocument, pageVisible } from '../../shared/dom.js';

/**
 * A larger answer is not a list of counts; refusing it while it streams in bounds what a broken endpoint can
 * make us download and parse.
 */
const MAX_RESPONSE_BYTES = 100_000;

/**
 * Longest request URL: servers, proxies and CDNs commonly refuse longer ones (414), so a page of many prompts
 * asks in several requests rather than one that fails for all.
 */
const MAX_URL_CHARS = 2_000;

interface Watcher {
  element: Element;
  countUrl: string;
  id: string;
  onCount: (count: number) => void;
}

const watchers = new Set<Watcher>();
const inView = new Set<Element>();
/** The last count each endpoint gave for each id (`countUrl id`), so a prompt added later shows it at once. */
const known = new Map<string, number>();
/** Ids asked for at least once, so a prompt joining later triggers one request, not one per prompt. */
const asked = new Set<string>();

let refreshMs = 60_000;
let timer: ReturnType<typeof setInterval> | undefined;
let observer: IntersectionObserver | undefined;
let pending: ReturnType<typeof setTimeout> | undefined;
let lastRequest = 0;
/** A request was wanted while the tab was hidden. */
let due = false;

/** How often counts are refreshed while a prompt is on screen and the tab is visible (default 60 s). */
export function setCountRefreshInterval(ms: number): void {
  refreshMs = Math.max(100, ms);
  if (timer) {
    clearInterval(timer);
    timer = setInterval(tick, refreshMs);
  }
}

/**
 * Keeps `onCount` fed with the live count of item `id` from `countUrl` while `element` is connected. Returns the
 * function that stops it.
 */
export function watchCount(
  element: Element,
  countUrl: string,
  id: string,
  onCount: (count: number) => void,
): () => void {
  const watcher: Watcher = { element, countUrl, id, onCount };
  if (!watchers.size) start();
  watchers.add(watcher);
  observer?.observe(element);
  const key = `${countUrl} ${id}`;
  const count = known.get(key);
  if (count !== undefined) onCount(count);
  if (!asked.has(key)) schedule();
  return () => {
    watchers.delete(watcher);
    observer?.unobserve(element);
    inView.delete(element);
    if (!watchers.size) stop();
  };
}

function start(): void {
  timer = setInterval(tick, refreshMs);
  onDocument('visibilitychange', resume);
  observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) inView.add(entry.target);
      else inView.delete(entry.target);
    }
    resume();
  });
}

function stop(): void {
  clearInterval(timer);
  clearTimeout(pending);
  timer = pending = undefined;
  offDocument('visibilitychange', resume);
  observer?.disconnect();
  observer = undefined;
  inView.clear();
}

function tick(): void {
  if (inView.size) schedule();
}

/** Catches up after the tab was hidden or the prompts were scrolled out of view past a refresh. */
function resume(): void {
  if (pageVisible() && (due || (inView.size && Date.now() - lastRequest >= refreshMs))) schedule();
}

/** Batches every prompt that connects in the same task (a page of cards, a feed that just loaded). */
function schedule(): void {
  pending ??= setTimeout(flush, 0);
}

function flush(): void {
  pending = undefined;
  due = !pageVisible();
  if (due) return;
  lastRequest = Date.now();
  const ids = new Map<string, Set<string>>();
  for (const { countUrl, id } of watchers) {
    ids.set(countUrl, (ids.get(countUrl) ?? new Set()).add(id));
    asked.add(`${countUrl} ${id}`);
  }
  for (const [countUrl, set] of ids)
    for (const [url, batch] of batches(countUrl, [...set].sort())) void request(countUrl, url, batch);
}

/**
 * The request URLs for `ids`, each under MAX_URL_CHARS, with the ids each one asks for. An id too long to fit
 * in any request is left out (its prompt keeps the feed's count).
 */
function batches(countUrl: string, ids: string[]): [string, string[]][] {
  const safe = safeUrl(countUrl);
  if (!safe) return [];
  const url = new URL(safe);
  const href = (batch: string[]) => {
    url.searchParams.set('ids', batch.join(','));
    return url.href;
  };
  const out: [string, string[]][] = [];
  let batch: string[] = [];
  for (const id of ids) {
    if (href([...batch, id]).length < MAX_URL_CHARS) batch.push(id);
    else {
      if (batch.length) out.push([href(batch), batch]);
      batch = href([id]).length < MAX_URL_CHARS ? [id] : [];
    }
  }
  if (batch.length) out.push([href(batch), batch]);
  return out;
}

async function request(countUrl: string, url: string, ids: string[]): Promise<void> {
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      // The page's query stays the page's, whatever its own Referrer-Policy (see loader.ts).
      referrerPolicy: 'strict-origin-when-cross-origin',
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) return;
    const text = await readCapped(response, MAX_RESPONSE_BYTES);
    const counts = (JSON.parse(text) as { counts?: Record<string, unknown> } | null)?.counts;
    if (!counts || typeof counts !== 'object') return;
    for (const id of ids) {
      const count = Object.hasOwn(counts, id) ? counts[id] : undefined;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) continue;
      known.set(`${countUrl} ${id}`, count);
      for (const watcher of watchers)
        if (watcher.countUrl === countUrl && watcher.id === id) watcher.onCount(count);
    }
  } catch {
    // Live counts are an extra: on any failure the prompt keeps the count it shows.
  }
}
