/**
 * The normalised feed model every widget renders from. The raw JSON Feed (1.0/1.1 plus `_wire`) is read by
 * `normalizeFeed`; nothing outside `src/feed/` ever sees raw feed JSON. Every string here is plain text (entities
 * already decoded, never HTML) and every URL has passed the allow-list in `url.ts`.
 */

/**
 * Why a feed could not be shown. `not-found` means the feed loaded but the requested item is not in it;
 * `too-large` that the body passed the loader's byte cap (decoded bytes, whatever its headers said); `render`
 * that the widget could not draw what it had (a render threw, or the page refused Lit its Trusted Types policy);
 * `embargoed` that the item exists but may not be shown before its embargo lifts.
 */
export type FeedErrorReason =
  'network' | 'timeout' | 'http' | 'parse' | 'invalid' | 'too-large' | 'not-found' | 'embargoed' | 'render';

/** IPTC ninjs `pubstatus`: `withheld` and `canceled` (a kill) take the story's text and photos down everywhere. */
export type PubStatus = 'usable' | 'withheld' | 'canceled';

/** What a syndication contract allows (`_wire.rights`); the rules are in `rights.ts`. */
export interface Rights {
  /** ISO 8601 UTC; before it the item does not exist for any widget. */
  embargoed?: string;
  /** ISO 8601 UTC; after it only a link back to the original remains. */
  expires?: string;
  pubstatus: PubStatus;
  /** '' when absent, as are the two below. */
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
}

/** A correction the publisher appended to the story (`_wire.correction`), shown dated wherever the story shows. */
export interface Correction {
  /** ISO 8601 UTC. */
  date?: string;
  text: string;
}

/** The agency or partner the story comes from (`_wire.source`), credited prominently. */
export interface Source {
  name: string;
  url?: string;
  logo?: string;
}

/** One source of an image at a given intrinsic width, for `srcset`. */
export interface ImageSource {
  url: string;
  width: number;
}

/** A photo with first-class credit fields (names follow schema.org ImageObject). */
export interface Photo {
  url: string;
  /** Intrinsic size, when the feed gives it; used to reserve space before the image loads. */
  width?: number;
  height?: number;
  /** Alternative text; empty when the feed gives none (the image is then treated as decorative). */
  alt: string;
  caption: string;
  /** The credit line shown under the photo, such as "© Sputnik". */
  creditText: string;
  creator: string;
  copyrightNotice: string;
  /** URL of the licence. */
  license?: string;
  /** URL of a page where a licence can be bought. */
  acquireLicensePage?: string;
  /** Shareable URL of this photo. */
  permalink?: string;
  srcset: ImageSource[];
  /** The photo's own usage terms; '' when absent. */
  usageTerms: string;
  /** False for a photo licensed for the publisher's own site only (not to partners); true when absent. */
  syndication: boolean;
}

export interface Author {
  name: string;
  url?: string;
  avatar?: string;
}

/** A related story that is not an item of this feed. */
export interface ExternalStory {
  id: string;
  url?: string;
  title: string;
  image?: Photo;
  datePublished?: string;
  section: string;
}

export type CommentStatus = 'open' | 'closed' | 'disabled';

export interface ItemComments {
  count?: number;
  url?: string;
  status: CommentStatus;
}

export interface FeedComments {
  loginUrl?: string;
  registerUrl?: string;
  countUrl?: string;
}

export interface Publisher {
  name: string;
  url?: string;
  logo?: string;
}

export interface FeedItem {
  id: string;
  url?: string;
  externalUrl?: string;
  title: string;
  /** Standfirst: `summary`, else the start of `content_text`, else the text of `content_html`. */
  summary: string;
  /** Words in the body text, for reading time. */
  wordCount: number;
  /** ISO 8601 (UTC) timestamps. */
  datePublished?: string;
  dateModified?: string;
  authors: Author[];
  tags: string[];
  language?: string;
  /** The hero photo: the item's `image` described by `_wire.image`. */
  image?: Photo;
  bannerImage?: string;
  kicker: string;
  section: string;
  dateline: string;
  gallery: Photo[];
  /** Ids of items in this feed (strings) or stories outside it. */
  related: (string | ExternalStory)[];
  comments?: ItemComments;
  /**
   * The raw `content_html`, capped at `LIMITS.contentHtml`; '' when absent. NOT sanitised: never rendered except
   * through `<wire-story>`'s sanitiser.
   */
  contentHtml: string;
  rights: Rights;
  correction?: Correction;
  source?: Source;
}

export interface Feed {
  /** 1.0 or 1.1; feeds that name no version but look like JSON Feed are read as 1.1. */
  version: '1' | '1.1';
  title: string;
  homePageUrl?: string;
  feedUrl?: string;
  description: string;
  icon?: string;
  favicon?: string;
  language?: string;
  authors: Author[];
  items: FeedItem[];
  about?: string;
  publisher?: Publisher;
  comments?: FeedComments;
}

export interface NormalizeResult {
  /** Null when the input is not a JSON Feed at all. */
  feed: Feed | null;
  /** What was dropped or repaired, and why; for debugging a publisher's feed. */
  warnings: string[];
}
