import { createContext } from '@lit/context';
import type { FeedErrorReason, Feed } from '../feed/types.js';

/** What a `<wire-feed>` tells the widgets inside it; also what each widget's FeedController works out for itself. */
export interface FeedState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The feed URL, `inline:` for an embedded feed, `property:` for one set as a property. */
  url: string;
  feed?: Feed;
  reason?: FeedErrorReason;
  status_code?: number;
}

// A string key rather than a unique symbol: two copies of the library on one page (a partner's and ours) then
// still find each other's <wire-feed>. The version suffix keeps an incompatible future shape apart.
export const feedContext = createContext<FeedState | undefined>('wire-feed@1');
