/**
 * The normalised model written back as a JSON Feed, for the data a server-rendered snippet carries inline. Writing
 * the model rather than the feed as received means the browser reads exactly what the server rendered from: text
 * already cleaned and capped, every URL absolute and http(s) (so it resolves the same on any page), fields the
 * widgets never show left out. `normalizeFeed(toJsonFeed(feed))` gives `feed` back.
 */
import type { Author, ExternalStory, Feed, FeedItem, Photo } from '../feed/types.js';

type Json = Record<string, unknown>;

/** The object without its undefined, empty-string and empty-array fields (the reader treats them as absent). */
function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && !value.length),
    ),
  );
}

/**
 * Text as the reader will take it back: it decodes character references in every text field, so an `&` the model
 * holds (a headline about "&lt;", already decoded once) is written `&amp;` to come back unchanged.
 */
const text = (value: string): string => value.replaceAll('&', '&amp;');

const person = (author: Author, image = 'avatar'): Json =>
  compact({ name: text(author.name), url: author.url, [image]: author.avatar });

function photo(value: Photo): Json {
  return compact({
    url: value.url,
    alt: text(value.alt),
    caption: text(value.caption),
    credit_text: text(value.creditText),
    copyright_notice: text(value.copyrightNotice),
    creator: text(value.creator),
    width: value.width,
    height: value.height,
    license: value.license,
    acquire_license_page: value.acquireLicensePage,
    permalink: value.permalink,
    srcset: value.srcset.map((source) => ({ url: source.url, width: source.width })),
    usage_terms: text(value.usageTerms),
    syndication: value.syndication ? undefined : false,
  });
}

function related(entry: string | ExternalStory): string | Json {
  if (typeof entry === 'string') return entry;
  return compact({
    id: entry.id,
    url: entry.url,
    title: text(entry.title),
    section: text(entry.section),
    date_published: entry.datePublished,
    image: entry.image && photo(entry.image),
  });
}

function item(value: FeedItem): Json {
  const rights = compact({
    embargoed: value.rights.embargoed,
    expires: value.rights.expires,
    pubstatus: value.rights.pubstatus === 'usable' ? undefined : value.rights.pubstatus,
    copyright_holder: text(value.rights.copyrightHolder),
    copyright_notice: text(value.rights.copyrightNotice),
    usage_terms: text(value.rights.usageTerms),
  });
  const wire = compact({
    kicker: text(value.kicker),
    section: text(value.section),
    dateline: text(value.dateline),
    image: value.image && photo(value.image),
    gallery: value.gallery.map(photo),
    related: value.related.map(related),
    comments: value.comments && compact({ ...value.comments }),
    // The browser applies the rights again on the reader's clock: an embargo or expiry passing while the page
    // is open changes what the snippet shows.
    rights: Object.keys(rights).length ? rights : undefined,
    correction:
      value.correction && compact({ date: value.correction.date, text: text(value.correction.text) }),
    source: value.source && compact({ ...value.source, name: text(value.source.name) }),
  });
  return compact({
    id: value.id,
    url: value.url,
    external_url: value.externalUrl,
    title: text(value.title),
    summary: text(value.summary),
    // The reader counts words in the body for the reading time; the body itself is never shown, so the count is
    // carried as that many one-letter words rather than the article.
    content_text: value.wordCount ? 'w '.repeat(value.wordCount).trimEnd() : undefined,
    date_published: value.datePublished,
    date_modified: value.dateModified,
    authors: value.authors.map((author) => person(author)),
    tags: value.tags.map(text),
    language: value.language,
    image: value.image?.url,
    banner_image: value.bannerImage,
    _wire: Object.keys(wire).length ? wire : undefined,
  });
}

/** `feed` as a JSON Feed 1.1 object holding only `items` (all of them when absent). */
export function toJsonFeed(feed: Feed, items: readonly FeedItem[] = feed.items): Json {
  const wire = compact({
    about: feed.about,
    publisher: feed.publisher && person({ ...feed.publisher, avatar: feed.publisher.logo }, 'logo'),
    comments: feed.comments && {
      login_url: feed.comments.loginUrl,
      register_url: feed.comments.registerUrl,
      count_url: feed.comments.countUrl,
    },
  });
  const head = compact({
    version: `https://jsonfeed.org/version/${feed.version}`,
    title: text(feed.title),
    home_page_url: feed.homePageUrl,
    feed_url: feed.feedUrl,
    description: text(feed.description),
    icon: feed.icon,
    favicon: feed.favicon,
    language: feed.language,
    authors: feed.authors.map((author) => person(author)),
    _wire: Object.keys(wire).length ? wire : undefined,
  });
  // Outside `compact`: an empty list still has to be there, as a feed without an `items` array is not a feed.
  return { ...head, items: items.map(item) };
}
