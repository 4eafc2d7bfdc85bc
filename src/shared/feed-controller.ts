/**
 * Where an element's feed comes from. `FeedSource` covers a feed the element names itself (its `feed` property or
 * its `src`), for widgets and `<wire-feed>` alike; `FeedController` adds, for widgets, the enclosing `<wire-feed>`
 * and the item. Both report `wire-feed-load` and `wire-feed-error` once per outcome, so a host can log or react
 * without polling.
 */
import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import {
  FeedError,
  loadFeed,
  onFeedRefresh,
  resolveFeedUrl,
  watchFeed,
  type LoadedFeed,
} from '../feed/loader.js';
import { normalizeFeed } from '../feed/normalize.js';
import { forPage, rightsState, rightsSummary, type RightsState } from '../feed/rights.js';
import type { Feed, FeedItem } from '../feed/types.js';
import { offDocument, onDocument, pageBase, pageVisible } from './dom.js';
import { emit } from './events.js';
import { feedContext, type FeedState, type FeedStatus } from './feed-context.js';

export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  src?: string | null;
  feed?: unknown;
  /** A copy of the feed read before this time (ms since epoch) is read again rather than shown (see `loadFeed`). */
  readonly readSince?: number;
}

const normalized = new WeakMap<object, Feed | null>();
const ours = new WeakSet<Feed>();

/**
 * A feed given as a property: a raw JSON Feed object (normalised once and remembered) or a feed this library
 * already normalised (used as it is).
 */
export function feedFromProperty(value: unknown): Feed | null {
  if (!value || typeof value !== 'object') return null;
  if (ours.has(value as Feed)) return value as Feed;
  if (!normalized.has(value)) {
    const { feed } = normalizeFeed(value, pageBase());
    if (feed) ours.add(feed);
    normalized.set(value, feed);
  }
  return normalized.get(value) ?? null;
}

/**
 * The feed an element names itself: a `feed` property (wins) or a `src` loaded through the shared loader. The
 * request is never aborted for everyone when the element leaves or is moved, and a background refresh of a stale
 * feed reaches it.
 */
export class FeedSource implements ReactiveController {
  private unsubscribe?: () => void;
  private refreshed?: LoadedFeed;
  private readonly task: Task<[string], LoadedFeed>;
  /** The `src` the task last ran for. */
  private ran?: string;
  /** The feed URL the loader keeps checking for this element while it is connected, and how to stop that. */
  private watched?: { url: string; stop: () => void };

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    // @lit/task drops the result of a run whose args have since changed, so a slow answer for an old `src`
    // never overwrites the feed of the new one. It runs only for a `src` (see hostUpdate), not on its own.
    this.task = new Task(host, {
      task: async ([src], { signal }) => {
        this.refreshed = undefined;
        return loadFeed(src, signal, host.readSince);
      },
      autoRun: false,
    });
  }

  /**
   * Starts a load when the element names a new `src` and no `feed`. A run without a `src` (what `autoRun` did for
   * every element given its feed as a property or by `<wire-feed>`) still ends in a `requestUpdate`: every such
   * card rendered and reported twice. A feed set since a load started wins in
   * `state`, so that load's late answer is never shown.
   */
  hostUpdate(): void {
    this.load();
  }

  /** Starts the load `hostUpdate` would start (see there), ahead of an update that waits its turn. */
  load(): void {
    const src = this.host.feed ? undefined : this.host.src;
    this.watch(src);
    if (!src || src === this.ran) return;
    this.ran = src;
    void this.task.run([src]);
  }

  hostConnected(): void {
    this.watch(this.host.feed ? undefined : this.host.src);
    this.unsubscribe = onFeedRefresh((loaded) => {
      if (loaded.url === this.watched?.url) {
        this.refreshed = loaded;
        this.host.requestUpdate();
      }
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watch(undefined);
  }

  /** Has the loader check the feed at `src` again and again while this element shows it (see `watchFeed`). */
  private watch(src: string | null | undefined): void {
    let url: string | undefined;
    try {
      url = src && !isServer && this.host.isConnected ? resolveFeedUrl(src) : undefined;
    } catch {
      // Not a feed URL: nothing to check.
    }
    if (url === this.watched?.url) return;
    this.watched?.stop();
    this.watched = url ? { url, stop: watchFeed(url) } : undefined;
  }

  /** The state of the host's own feed, or undefined when it names none (no `feed`, no `src`). */
  get state(): FeedState | undefined {
    const property = this.host.feed;
    if (property) {
      const feed = feedFromProperty(property);
      return feed
        ? { status: 'ready', url: 'property:', feed }
        : { status: 'error', url: 'property:', reason: 'invalid' };
    }
    const src = this.host.src;
    return src ? this.taskState(src) : undefined;
  }

  private taskState(src: string): FeedState {
    let url = src;
    try {
      url = resolveFeedUrl(src);
    } catch {
      // Reported below as the task's error.
    }
    const loading: FeedState = { status: 'loading', url };
    // A copy a check brought since the task ended, in success or failure (a first load that failed, then a check
    // that went through), is the newest.
    if (this.refreshed?.url === url) return { status: 'ready', url, feed: this.refreshed.feed };
    return this.task.render({
      // Not run yet: the task starts on the host's first update.
      initial: () => loading,
      pending: () => loading,
      complete: (loaded): FeedState => ({ status: 'ready', url, feed: loaded.feed }),
      error: (error): FeedState =>
        error instanceof FeedError
          ? { status: 'error', url, reason: error.reason, status_code: error.status }
          : // An abort is this element letting go (a new src), not a failure of the feed.
            loading,
    });
  }
}

/**
 * Fires `wire-feed-load` or `wire-feed-error` from `host` when the outcome differs from the one last reported
 * (`reported`, as returned by the previous call); a refreshed copy of the same feed is not a new outcome.
 */
export function reportOutcome(host: HTMLElement, view: FeedView, reported: string): string {
  if (view.status !== 'ready' && view.status !== 'error') return reported;
  const key = `${view.status}|${view.url}|${view.item?.id ?? ''}|${view.reason ?? ''}|${view.feed ? 'f' : ''}`;
  if (key === reported) return reported;
  if (view.status === 'ready') {
    // An item under embargo does not exist yet for the page, its count included.
    const itemCount = view.feed ? rightsSummary(view.feed.items, Date.now()).known : 0;
    emit(host, 'wire-feed-load', { url: view.url, itemCount });
  } else {
    const detail = { url: view.url, reason: view.reason ?? 'invalid' } as const;
    emit(host, 'wire-feed-error', view.status_code ? { ...detail, status: view.status_code } : detail);
  }
  return key;
}

/**
 * What a widget's feed looks like to it: the feed state, with the item it shows once the feed is ready and what
 * its rights allow now.
 */
export type FeedView = FeedState & { item?: FeedItem; rights?: RightsState };

// setTimeout holds its delay in a signed 32-bit int: a longer one fires at once. Farther changes wait in steps.
const LONGEST_WAIT = 2 ** 31 - 1;
const wakeAt = new Map<() => void, number>();
let rightsTimer: ReturnType<typeof setTimeout> | undefined;
let rightsTimerAt = Infinity;

/**
 * One page-wide timer for every widget's next rights change (an embargo lifting, an expiry passing), set for the
 * earliest one and only while some widget waits: the pattern `time.ts` follows for relative dates.
 */
function setRightsTimer(at: number): void {
  clearTimeout(rightsTimer);
  rightsTimer = undefined;
  rightsTimerAt = at;
  if (at === Infinity) return offDocument('visibilitychange', wakeIfDue);
  // A timer counts the time the computer was awake, not the reader's clock: after a sleep, or a clock set forward,
  // an expiry already past would wait out the rest of the timer. A page shown again looks at the clock.
  onDocument('visibilitychange', wakeIfDue);
  rightsTimer = setTimeout(wakeDue, Math.min(LONGEST_WAIT, Math.max(1, at - Date.now())));
}

/** Wakes the widgets whose change has come, and sets the timer for the next. */
function wakeDue(): void {
  const now = Date.now();
  let next = Infinity;
  for (const [wake, when] of wakeAt)
    if (when <= now) {
      wakeAt.delete(wake);
      wake();
    } else next = Math.min(next, when);
  setRightsTimer(next);
}

function wakeIfDue(): void {
  if (pageVisible() && rightsTimerAt <= Date.now()) wakeDue();
}

/**
 * Calls `wake` once at `at` (ms, the reader's clock), replacing its earlier wish; undefined cancels it. Every
 * widget asks after each update, so this never looks at the other wishes (1000 cards made that a quadratic 27 ms):
 * an earlier wish moves the timer, a later one waits for it, and the timer finds the next when it fires.
 */
function wakeForRights(wake: () => void, at: number | undefined): void {
  if (at === undefined) {
    wakeAt.delete(wake);
    if (!wakeAt.size) setRightsTimer(Infinity);
  } else {
    wakeAt.set(wake, at);
    if (at < rightsTimerAt) setRightsTimer(at);
  }
}

/**
 * What a widget draws in each state of its feed, in the manner of @lit/task's `Task.render`: `loading` until
 * the feed and the item are there (including a widget still waiting for its `<wire-feed>`), `ready` with them,
 * `error` for a feed that failed or has no such item (`reason: 'not-found'`).
 */
export interface FeedRenderer<L, R, E> {
  loading: () => L;
  /** `rights` is never `embargoed`: an embargoed item is an error (`reason: 'embargoed'`) for every widget. */
  ready: (item: FeedItem, feed: Feed, rights: Exclude<RightsState, 'embargoed'>) => R;
  error: (view: FeedView) => E;
}

/**
 * `forPage` answers by item, shared by every widget showing it. It parses three URLs, and `view` is read several
 * times an update (state, render, report): that was 7% of a card's script time. The answer depends only on
 * the feed, the item and the page, and a normalised feed and its items never change.
 */
const shownItems = new WeakMap<FeedItem, { feed: Feed; page: string | undefined; shown: FeedItem }>();

/** A widget's feed and item: its own feed (`FeedSource`), else the enclosing `<wire-feed>`'s. */
export class FeedController implements ReactiveController {
  private readonly host: FeedHost;
  private readonly itemId: () => string | null | undefined;
  private readonly source: FeedSource;
  private context?: FeedState;
  private reported = '';
  /** The page showing the widget, for photos licensed to the publisher's own site only; unknown on the server. */
  private page?: string;
  private readonly wake = () => this.host.requestUpdate();

  constructor(host: FeedHost, itemId: () => string | null | undefined) {
    this.host = host;
    this.itemId = itemId;
    this.source = new FeedSource(host);
    host.addController(this);
    new ContextConsumer(host, {
      context: feedContext,
      subscribe: true,
      callback: (value) => {
        this.context = value;
        host.requestUpdate();
      },
    });
  }

  /** Starts loading the widget's own feed, if it names one, before its first update. */
  load(): void {
    this.source.load();
  }

  /** The feed state this widget renders: from its `feed` property, its `src`, or the enclosing `<wire-feed>`. */
  get state(): FeedState {
    return this.source.state ?? this.context ?? { status: 'idle', url: '' };
  }

  /**
   * The item this widget shows: the one named by the host (`item` attribute), else the feed's first that is out of
   * embargo; without the photos this page may not show.
   */
  get item(): FeedItem | undefined {
    const feed = this.state.feed;
    if (!feed) return undefined;
    const id = this.itemId();
    const now = Date.now();
    const item = id
      ? feed.items.find((entry) => entry.id === id)
      : feed.items.find((entry) => rightsState(entry, now) !== 'embargoed');
    return item && this.shown(item);
  }

  /** `item` as this page may show it: photos licensed for the publisher's own site only are left out elsewhere. */
  shown(item: FeedItem): FeedItem {
    const feed = this.state.feed;
    if (!feed) return item;
    const last = shownItems.get(item);
    if (last?.feed === feed && last.page === this.page) return last.shown;
    const shown = forPage(feed, item, this.page);
    shownItems.set(item, { feed, page: this.page, shown });
    return shown;
  }

  /**
   * The state with a missing item counted as an error, which is what a widget renders: `not-found`, or `embargoed`
   * before the item's embargo (the widget shows the same not-found fallback). Widgets that show a feed rather than
   * one item read `state` instead.
   */
  get view(): FeedView {
    const state = this.state;
    if (state.status !== 'ready') return state;
    const item = this.item;
    if (!item) return { ...state, status: 'error', reason: 'not-found' };
    const rights = rightsState(item, Date.now());
    return rights === 'embargoed'
      ? { ...state, status: 'error', reason: 'embargoed' }
      : { ...state, item, rights };
  }

  /** The state as a reader sees it: waiting (`idle` included) is `loading`. */
  get status(): Exclude<FeedStatus, 'idle'> {
    const status = this.view.status;
    return status === 'idle' ? 'loading' : status;
  }

  /** Calls the renderer for the widget's current state and returns what it returns. */
  render<L, R, E>(renderer: FeedRenderer<L, R, E>): L | R | E {
    const view = this.view;
    if (view.status === 'error') return renderer.error(view);
    if (view.status === 'ready' && view.item && view.feed && view.rights && view.rights !== 'embargoed')
      return renderer.ready(view.item, view.feed, view.rights);
    return renderer.loading();
  }

  hostConnected(): void {
    if (!isServer) this.page = location.href;
  }

  hostDisconnected(): void {
    wakeForRights(this.wake, undefined);
  }

  hostUpdated(): void {
    const view = this.view;
    this.reported = reportOutcome(this.host, view, this.reported);
    // Every item of the feed, not only this widget's: a related list changes when any story's rights do.
    const feed = this.state.feed;
    wakeForRights(
      this.wake,
      this.host.isConnected && feed ? rightsSummary(feed.items, Date.now()).next : undefined,
    );
  }
}
