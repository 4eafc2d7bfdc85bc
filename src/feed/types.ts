/**
 * The normalised feed model every widget renders from. The raw JSON Feed (1.0/1.1 plus `_wire`) is read by
 * `normalizeFeed`; nothing outside `src/feed/` ever sees raw feed JSON. Every string here is plain text (entities
 * already decoded, never HTML) and every URL has passed the allow-list in `url.ts`.
 */

/**
 * Why a feed could not be shown. `not-found` means the feed loaded but the requested item is not in it;
 * `too-large` that the body passed the loader's byte cap (decoded bytes, whatever its headers said).
 */
export type FeedErrorReason =
  'network' | 'timeout' | 'http' | 'parse' | 'invalid' | 'too-large' | 'not-found' | 'embargoed';

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
  usageTerms: string;
  /** False when the photo is not licensed to partners: `<wire-story>` leaves it out. */
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

export type PubStatus = 'usable' | 'withheld' | 'canceled';

export interface Rights {
  /** ISO 8601 UTC; before it the item does not exist for any widget. */
  embargoed?: string;
  /** ISO 8601 UTC; after it only a link back to the original remains. */
  expires?: string;
  pubstatus: PubStatus;
  /** '' when absent. */
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
}

export interface Correction {
  date?: string;
  text: string;
}

export interface Source {
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
   * Raw `content_html`, capped at `LIMITS.contentHtml`, NOT sanitised, never rendered except through
   * `<wire-story>`'s DOMPurify sanitiser; '' when absent.
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
