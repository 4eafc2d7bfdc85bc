/**
 * The raw feed as a publisher writes it: JSON Feed 1.1 (and 1.0's `author`) with the `_wire` extension described in
 * docs/feed-format.md. Every field is optional and snake_case, as on the wire; `normalizeFeed` still accepts any
 * JSON value, so these types describe what is read, not what is required. The normalised model is in `types.ts`.
 */

/** A JSON Feed author (1.1 `authors[]`, 1.0 `author`). */
export interface JsonFeedAuthor {
  name?: string;
  url?: string;
  avatar?: string;
}

/** One width of a picture, for `srcset`. */
export interface WireImageSource {
  url: string;
  width: number;
}

/** A picture with its credit (names after schema.org ImageObject, in snake case). */
export interface WirePhotoObject {
  /** Required, except in an item's `_wire.image`, where it defaults to the item's `image`. */
  url?: string;
  width?: number;
  height?: number;
  alt?: string;
  caption?: string;
  credit_text?: string;
  /** A name, a schema.org-style `{ name }` object, or a list of those (joined). */
  creator?: string | { name?: string } | (string | { name?: string })[];
  copyright_notice?: string;
  license?: string;
  acquire_license_page?: string;
  permalink?: string;
  srcset?: WireImageSource[];
  /** The photo's own usage terms. */
  usage_terms?: string;
  /** `false`: licensed for the publisher's own site only, never shown on a partner's page. Default `true`. */
  syndication?: boolean;
}

/** A PHOTO object, or a bare URL string for a picture with no description. */
export type WirePhoto = WirePhotoObject | string;

/** A story outside the feed, in `_wire.related`. */
export interface WireExternalStory {
  /** Defaults to `url`. */
  id?: string | number;
  url?: string;
  title?: string;
  image?: WirePhoto;
  date_published?: string;
  section?: string;
}

export interface WireItemComments {
  count?: number;
  url?: string;
  status?: 'open' | 'closed' | 'disabled';
}

/** An item's `_wire.rights` (names after IPTC ninjs 2.x). Times are RFC 3339. */
export interface WireRights {
  /** Before this time the item does not exist for any widget. */
  embargoed?: string;
  /** After this time only a link back to the original remains. */
  expires?: string;
  /** Default `usable`; `withheld` and `canceled` take the text and photos down everywhere. */
  pubstatus?: 'usable' | 'withheld' | 'canceled';
  copyright_holder?: string;
  copyright_notice?: string;
  usage_terms?: string;
}

/** An item's `_wire.correction`: shown, dated, wherever the story shows. */
export interface WireCorrection {
  date?: string;
  text?: string;
}

/** An item's `_wire.source`: the agency or partner the story comes from. */
export interface WireSource {
  name?: string;
  url?: string;
  logo?: string;
}

/** An item's `_wire` object. */
export interface WireItemExtension {
  kicker?: string;
  section?: string;
  dateline?: string;
  /** Describes the item's `image`. */
  image?: WirePhoto;
  gallery?: WirePhoto[];
  /** Ids of items of this feed, or stories outside it. */
  related?: (string | number | WireExternalStory)[];
  comments?: WireItemComments;
  rights?: WireRights;
  correction?: WireCorrection;
  source?: WireSource;
  /** A note from the editors to partner desks; read by nobody (the reader drops it), never shown. */
  ednote?: string;
}

export interface WirePublisher {
  name?: string;
  url?: string;
  logo?: string;
}

export interface WireFeedComments {
  login_url?: string;
  register_url?: string;
  count_url?: string;
}

/** The feed's `_wire` object. */
export interface WireFeedExtension {
  about?: string;
  publisher?: WirePublisher;
  comments?: WireFeedComments;
}

export interface JsonFeedItem {
  id?: string | number;
  url?: string;
  external_url?: string;
  title?: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  /** JSON Feed 1.0. */
  author?: JsonFeedAuthor;
  /** A list; a comma-separated string is read too. */
  tags?: string[] | string;
  language?: string;
  attachments?: unknown[];
  _wire?: WireItemExtension;
}

/** A JSON Feed 1.1 (or 1.0) document with the `_wire` extension, as a publisher writes it. */
export interface JsonFeed {
  version?: string;
  title?: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  user_comment?: string;
  next_url?: string;
  icon?: string;
  favicon?: string;
  authors?: JsonFeedAuthor[];
  /** JSON Feed 1.0. */
  author?: JsonFeedAuthor;
  language?: string;
  expired?: boolean;
  hubs?: { type?: string; url?: string }[];
  items?: JsonFeedItem[];
  _wire?: WireFeedExtension;
}
