import { createContext } from '@lit/context';
import { TaskStatus } from '@lit/task';
import type { FeedErrorReason, Feed } from '../feed/types.js';

/**
 * @lit/task's statuses under the names a feed state uses: the names are part of the `wire-feed@1` context that
 * other copies of the library read, so they stay strings, but each one stands for exactly one task status.
 */
export const feedStatus = {
  [TaskStatus.INITIAL]: 'idle',
  [TaskStatus.PENDING]: 'loading',
  [TaskStatus.COMPLETE]: 'ready',
  [TaskStatus.ERROR]: 'error',
} as const satisfies Record<TaskStatus, string>;

export type FeedStatus = (typeof feedStatus)[TaskStatus];

/** What a `<wire-feed>` tells the widgets inside it; also what each widget's FeedController works out for itself. */
export interface FeedState {
  status: FeedStatus;
  /** The feed URL, `inline:` for an embedded feed, `property:` for one set as a property. */
  url: string;
  feed?: Feed;
  reason?: FeedErrorReason;
  status_code?: number;
}

// A string key rather than a unique symbol: two copies of the library on one page (a partner's and ours) then
// still find each other's <wire-feed>. The version suffix keeps an incompatible future shape apart.
export const feedContext = createContext<FeedState | undefined>('wire-feed@1');
