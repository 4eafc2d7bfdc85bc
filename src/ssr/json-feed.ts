/**
 * The normalised model written back as a JSON Feed, for the data a server-rendered snippet carries inline. Writing
 * the model rather than the feed as received means the browser reads exactly what the server rendered from: text
 * already cleaned and capped, every URL absolute and http(s) (so it resolves the same on any page), fields the
 * widgets never show left out. `normalizeFeed(toJsonFeed(feed))` gives `feed` back.
 */
import type { Author, ExternalStory, Feed, FeedItem, Photo, Rights } from '../feed/types.js';

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
    // Only the exception is written: the reader defaults to licensed.
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

/** The rights as the reader takes them back; undefined when they say nothing beyond the defaults. */
function rights(value: Rights): Json | undefined {
  const written = compact({
    embargoed: value.embargoed,
    expires: value.expires,
    pubstatus: value.pubstatus === 'usable' ? undefined : value.pubstatus,
    copyright_holder: text(value.copyrightHolder),
    copyright_notice: text(value.copyrightNotice),
    usage_terms: text(value.usageTerms),
  });
  return Object.keys(written).length ? written : undefined;
}

function item(value: FeedItem, body: boolean): Json {
  const wire = compact({
    kicker: text(value.kicker),
    section: text(value.section),
    dateline: text(value.dateline),
    image: value.image && photo(value.image),
    gallery: value.gallery.map(photo),
    related: value.related.map(related),
    comments: value.comments && compact({ ...value.comments }),
    rights: rights(value.rights),
    correction:
      value.correction && compact({ date: value.correction.date, text: text(value.correction.text) }),
    source:
      value.source &&
      compact({ name: text(value.source.name), url: value.source.url, logo: value.source.logo }),
  });
  return compact({
    id: value.id,
    url: value.url,
    external_url: value.externalUrl,
    title: text(value.title),
    summary: text(value.summary),
    // The reader counts the body's words for the reading time, from `content_text` before `content_html`: the count
    // travels as that many one-letter words, and a count of none beside HTML as one mark that is no word.
    content_text: value.wordCount
      ? 'w '.repeat(value.wordCount).trimEnd()
      : body && value.contentHtml
        ? '-'
        : undefined,
    // Raw, as the feed gave it, and only in a story's snippet: only <wire-story> renders it, through the same
    // sanitiser on both sides; every other widget's snippet would only carry the article for nothing.
    content_html: body ? value.contentHtml : undefined,
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

/**
 * `feed` as a JSON Feed 1.1 object holding only `items` (all of them when absent); `body` keeps each item's raw
 * `content_html`, which only a `<wire-story>` snippet needs.
 */
export function toJsonFeed(feed: Feed, items: readonly FeedItem[] = feed.items, body = false): Json {
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
  return { ...head, items: items.map((value) => item(value, body)) };
}
