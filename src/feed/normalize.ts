/**
 * Raw JSON Feed (1.0 / 1.1 + `_wire`) → the normalised model in `types.ts`. This is the only code that reads
 * feed JSON, so it is written to accept any JSON value a hostile or sloppy publisher can produce: every field is
 * type-checked, every string becomes capped plain text, every URL goes through `safeUrl`, and whatever is
 * dropped or repaired is reported as a warning instead of an exception.
 */
import { parseDate } from './dates.js';
import { cleanText, countWords, decodeEntities, htmlToText, tidyText } from './text.js';
import type {
  NormalizeResult,
  WireAuthor,
  WireFeed,
  WireFeedComments,
  WireImageSource,
  WireItem,
  WireItemComments,
  WirePhoto,
  WirePublisher,
  WireRelatedStory,
} from './types.js';
import { isRelativeUrl, safeUrl } from './url.js';

/**
 * Caps on what one feed can put in front of a reader. Lengths are in code points. They bound memory and layout
 * (one megabyte "title" must not freeze a news page) and are generous for real journalism.
 */
export const LIMITS = {
  maxItems: 500,
  title: 300,
  summary: 600,
  description: 1000,
  caption: 1000,
  alt: 1000,
  credit: 300,
  name: 200,
  /** Kicker, section and dateline: one short line each. */
  label: 100,
  tag: 60,
  maxTags: 20,
  maxAuthors: 10,
  maxGallery: 500,
  maxRelated: 50,
  maxSrcset: 16,
  /** Ids longer than this are not ids but payloads; such items fall back to their URL. */
  id: 2048,
  language: 35,
  /** Body text counted for reading time; beyond this the count is a lower bound. */
  contentText: 200_000,
  /** HTML read to find the body text; `content_html` past this is ignored. */
  contentHtml: 2_000_000,
  /** Largest accepted photo width/height in pixels. */
  photoSize: 20_000,
  maxWarnings: 100,
} as const;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Own properties only: a feed key can never reach something on Object.prototype.
function get(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function preview(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
}

/**
 * Warnings, deduplicated by message: a feed whose every item repeats the same mistake gets one line with a
 * count, not five hundred, and the list never exceeds `LIMITS.maxWarnings` entries.
 */
class WarningLog {
  private readonly entries: { text: string; repeats: number }[] = [];
  private readonly byMessage = new Map<string, { text: string; repeats: number }>();
  private omitted = 0;

  add(where: string, message: string): void {
    const existing = this.byMessage.get(message);
    if (existing) {
      existing.repeats++;
      return;
    }
    if (this.entries.length >= LIMITS.maxWarnings - 1) {
      this.omitted++;
      return;
    }
    const entry = { text: where ? `${where}: ${message}` : message, repeats: 0 };
    this.entries.push(entry);
    this.byMessage.set(message, entry);
  }

  list(): string[] {
    const out = this.entries.map((e) => (e.repeats ? `${e.text} (and ${e.repeats} more like it)` : e.text));
    if (this.omitted) out.push(`${this.omitted} further warnings omitted`);
    return out;
  }
}

class Reader {
  constructor(readonly log: WarningLog) {}

  warn(where: string, message: string): void {
    this.log.add(where, message);
  }

  url(raw: unknown, base: string | undefined, where: string, image = false): string | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    const url = safeUrl(raw, base, { image });
    if (url !== undefined) return url;
    if (typeof raw !== 'string') this.warn(where, `expected a URL string, got ${describe(raw)}; ignored`);
    else if (raw.trim() === '') return undefined;
    else if (!base && isRelativeUrl(raw)) {
      this.warn(where, `relative URL ${preview(raw)} dropped: no base URL to resolve it against`);
    } else this.warn(where, `URL ${preview(raw)} dropped: only http and https URLs are allowed`);
    return undefined;
  }

  date(raw: unknown, where: string): string | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw !== 'string') {
      this.warn(where, `expected a date string, got ${describe(raw)}; ignored`);
      return undefined;
    }
    const date = parseDate(raw);
    if (date === undefined) {
      this.warn(where, `date ${preview(raw)} not understood (expected RFC 3339 or RFC 822); ignored`);
    }
    return date;
  }

  id(raw: unknown, where: string): string | undefined {
    if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
    if (typeof raw === 'string') {
      if (raw.trim() === '') return undefined;
      if (raw.length <= LIMITS.id) return raw;
      this.warn(where, `id longer than ${LIMITS.id} characters ignored`);
      return undefined;
    }
    if (raw !== undefined && raw !== null) this.warn(where, `id must be a string, got ${describe(raw)}`);
    return undefined;
  }

  language(raw: unknown, where: string): string | undefined {
    if (raw === undefined || raw === null || raw === '') return undefined;
    if (typeof raw === 'string') {
      const tag = raw.trim();
      if (tag.length <= LIMITS.language && /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(tag)) {
        // `de_DE` is a common locale spelling; `lang` wants BCP 47 hyphens.
        return tag.replace(/_/g, '-');
      }
    }
    const shown = typeof raw === 'string' ? preview(raw) : describe(raw);
    this.warn(where, `language ${shown} is not a language tag; ignored`);
    return undefined;
  }

  dimension(raw: unknown, where: string): number | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === 'number' && Number.isInteger(raw) && raw > 0 && raw <= LIMITS.photoSize) return raw;
    this.warn(where, `expected a whole number of pixels from 1 to ${LIMITS.photoSize}; ignored`);
    return undefined;
  }

  author(raw: unknown, base: string | undefined, where: string): WireAuthor | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) {
      this.warn(where, `expected an author object, got ${describe(raw)}`);
      return undefined;
    }
    const author: WireAuthor = { name: cleanText(get(raw, 'name'), LIMITS.name) };
    const url = this.url(get(raw, 'url'), base, `${where}.url`);
    const avatar = this.url(get(raw, 'avatar'), base, `${where}.avatar`, true);
    if (url) author.url = url;
    if (avatar) author.avatar = avatar;
    if (!author.name && !url && !avatar) {
      this.warn(where, 'author with no name, url or avatar dropped');
      return undefined;
    }
    return author;
  }

  /** v1.1 `authors` when it names anyone, else the v1 `author` object. */
  authors(owner: JsonObject, base: string | undefined, where: string): WireAuthor[] | undefined {
    const list = get(owner, 'authors');
    if (Array.isArray(list)) {
      const out: WireAuthor[] = [];
      for (let i = 0; i < list.length && out.length < LIMITS.maxAuthors; i++) {
        const author = this.author(list[i], base, `${where}.authors[${i}]`);
        if (author) out.push(author);
      }
      if (list.length > LIMITS.maxAuthors) {
        this.warn(`${where}.authors`, `more than ${LIMITS.maxAuthors} authors; the rest are not shown`);
      }
      if (out.length) return out;
    } else if (list !== undefined && list !== null) {
      this.warn(`${where}.authors`, `expected an array, got ${describe(list)}`);
    }
    const single = this.author(get(owner, 'author'), base, `${where}.author`);
    return single ? [single] : undefined;
  }

  tags(raw: unknown, where: string): string[] {
    let list: unknown[];
    if (Array.isArray(raw)) list = raw;
    else if (typeof raw === 'string') {
      // Some CMS templates (rose.json) print the tag list as one comma-separated string.
      this.warn(where, '"tags" is a string, not an array; read as a comma-separated list');
      list = raw.split(',');
    } else {
      if (raw !== undefined && raw !== null)
        this.warn(where, `expected an array of tags, got ${describe(raw)}`);
      return [];
    }
    const out: string[] = [];
    const seen = new Set<string>();
    for (const entry of list) {
      const tag = cleanText(entry, LIMITS.tag);
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) continue;
      if (out.length >= LIMITS.maxTags) {
        this.warn(where, `more than ${LIMITS.maxTags} tags; the rest are not shown`);
        break;
      }
      seen.add(key);
      out.push(tag);
    }
    return out;
  }

  creator(raw: unknown): string {
    if (isObject(raw)) return cleanText(get(raw, 'name'), LIMITS.credit);
    if (Array.isArray(raw)) {
      const names = raw.slice(0, LIMITS.maxAuthors).map((c) => this.creator(c));
      return cleanText(names.filter(Boolean).join(', '), LIMITS.credit);
    }
    return cleanText(raw, LIMITS.credit);
  }

  srcset(raw: unknown, base: string | undefined, where: string): WireImageSource[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.warn(where, `expected an array of {url, width}, got ${describe(raw)}`);
      return [];
    }
    const sources: WireImageSource[] = [];
    let dropped = 0;
    // Reading far past the cap would only cost time: only the narrowest LIMITS.maxSrcset survive anyway.
    for (const entry of raw.slice(0, LIMITS.maxSrcset * 8)) {
      const url = isObject(entry) ? safeUrl(get(entry, 'url'), base, { image: true }) : undefined;
      const width = isObject(entry) ? get(entry, 'width') : undefined;
      if (
        url &&
        typeof width === 'number' &&
        Number.isInteger(width) &&
        width > 0 &&
        width <= LIMITS.photoSize
      ) {
        sources.push({ url, width });
      } else dropped++;
    }
    if (dropped) this.warn(where, 'srcset entries without an http(s) url and a positive whole width dropped');
    sources.sort((a, b) => a.width - b.width);
    const widths = new Set<number>();
    const urls = new Set<string>();
    // One candidate per width: `srcset` with two candidates of equal width is invalid and browsers drop it.
    return sources
      .filter((s) => {
        if (widths.has(s.width) || urls.has(s.url)) return false;
        widths.add(s.width);
        urls.add(s.url);
        return true;
      })
      .slice(0, LIMITS.maxSrcset);
  }

  /**
   * A PHOTO object (or a bare URL string). `fallbackUrl` is the item's own `image`, used when the PHOTO
   * describes it without repeating the URL.
   */
  photo(raw: unknown, base: string | undefined, where: string, fallbackUrl?: string): WirePhoto | undefined {
    if (typeof raw === 'string') {
      const url = this.url(raw, base, where, true) ?? fallbackUrl;
      return url ? bareImage(url) : undefined;
    }
    if (!isObject(raw)) {
      if (raw !== undefined && raw !== null)
        this.warn(where, `expected a photo object, got ${describe(raw)}`);
      return fallbackUrl ? bareImage(fallbackUrl) : undefined;
    }
    const url = this.url(get(raw, 'url'), base, `${where}.url`, true) ?? fallbackUrl;
    if (!url) {
      this.warn(where, 'photo without an http(s) url dropped');
      return undefined;
    }
    const photo: WirePhoto = {
      url,
      alt: cleanText(get(raw, 'alt'), LIMITS.alt),
      caption: cleanText(get(raw, 'caption'), LIMITS.caption),
      creditText: cleanText(get(raw, 'credit_text'), LIMITS.credit),
      creator: this.creator(get(raw, 'creator')),
      copyrightNotice: cleanText(get(raw, 'copyright_notice'), LIMITS.credit),
      srcset: this.srcset(get(raw, 'srcset'), base, `${where}.srcset`),
    };
    const width = this.dimension(get(raw, 'width'), `${where}.width`);
    const height = this.dimension(get(raw, 'height'), `${where}.height`);
    const license = this.url(get(raw, 'license'), base, `${where}.license`);
    const acquire = this.url(get(raw, 'acquire_license_page'), base, `${where}.acquire_license_page`);
    const permalink = this.url(get(raw, 'permalink'), base, `${where}.permalink`);
    if (width !== undefined) photo.width = width;
    if (height !== undefined) photo.height = height;
    if (license) photo.license = license;
    if (acquire) photo.acquireLicensePage = acquire;
    if (permalink) photo.permalink = permalink;
    return photo;
  }

  gallery(raw: unknown, base: string | undefined, where: string): WirePhoto[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.warn(where, `expected an array of photos, got ${describe(raw)}`);
      return [];
    }
    const out: WirePhoto[] = [];
    for (let i = 0; i < raw.length; i++) {
      if (out.length >= LIMITS.maxGallery) {
        this.warn(where, `more than ${LIMITS.maxGallery} photos; the rest are not shown`);
        break;
      }
      const photo = this.photo(raw[i], base, `${where}[${i}]`);
      if (photo) out.push(photo);
    }
    return out;
  }

  related(raw: unknown, base: string | undefined, where: string): (string | WireRelatedStory)[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      this.warn(where, `expected an array, got ${describe(raw)}`);
      return [];
    }
    const out: (string | WireRelatedStory)[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < raw.length; i++) {
      if (out.length >= LIMITS.maxRelated) {
        this.warn(where, `more than ${LIMITS.maxRelated} related stories; the rest are not shown`);
        break;
      }
      const entry = raw[i];
      const at = `${where}[${i}]`;
      let value: string | WireRelatedStory | undefined;
      if (typeof entry === 'string' || typeof entry === 'number') value = this.id(entry, at);
      else if (isObject(entry)) value = this.relatedStory(entry, base, at);
      else this.warn(at, `expected an id or a story object, got ${describe(entry)}`);
      if (value === undefined) continue;
      const id = typeof value === 'string' ? value : value.id;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(value);
    }
    return out;
  }

  relatedStory(raw: JsonObject, base: string | undefined, where: string): WireRelatedStory | undefined {
    const url = this.url(get(raw, 'url'), base, `${where}.url`);
    const id = this.id(get(raw, 'id'), `${where}.id`) ?? url;
    if (id === undefined) {
      this.warn(where, 'related story with neither id nor http(s) url dropped');
      return undefined;
    }
    const story: WireRelatedStory = {
      id,
      title: cleanText(get(raw, 'title'), LIMITS.title),
      section: cleanText(get(raw, 'section'), LIMITS.label),
    };
    const image = this.photo(get(raw, 'image'), url ?? base, `${where}.image`);
    const datePublished = this.date(get(raw, 'date_published'), `${where}.date_published`);
    if (url) story.url = url;
    if (image) story.image = image;
    if (datePublished) story.datePublished = datePublished;
    return story;
  }

  itemComments(raw: unknown, base: string | undefined, where: string): WireItemComments | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) {
      this.warn(where, `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    const comments: WireItemComments = { status: 'open' };
    const status = get(raw, 'status');
    if (status === 'open' || status === 'closed' || status === 'disabled') {
      comments.status = status;
    } else if (status !== undefined && status !== null) {
      this.warn(`${where}.status`, 'expected "open", "closed" or "disabled"; read as "open"');
    }
    const count = get(raw, 'count');
    if (typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) comments.count = count;
    else if (count !== undefined && count !== null) {
      this.warn(`${where}.count`, 'expected a whole number of comments, 0 or more; ignored');
    }
    const url = this.url(get(raw, 'url'), base, `${where}.url`);
    if (url) comments.url = url;
    return comments;
  }

  item(
    raw: unknown,
    feedBase: string | undefined,
    feedAuthors: WireAuthor[],
    where: string,
  ): WireItem | undefined {
    if (!isObject(raw)) {
      this.warn(where, `expected an item object, got ${describe(raw)}; skipped`);
      return undefined;
    }
    const url = this.url(get(raw, 'url'), feedBase, `${where}.url`);
    let id = this.id(get(raw, 'id'), `${where}.id`);
    if (id === undefined) {
      if (!url) {
        this.warn(where, 'item with neither id nor http(s) url skipped');
        return undefined;
      }
      this.warn(where, 'item has no id; its url is used as the id');
      id = url;
    }
    const base = url ?? feedBase;
    const wireRaw = get(raw, '_wire');
    if (wireRaw !== undefined && !isObject(wireRaw)) {
      this.warn(`${where}._wire`, 'expected an object; ignored');
    }
    const wire: JsonObject = isObject(wireRaw) ? wireRaw : {};

    const contentText = get(raw, 'content_text');
    const contentHtml = get(raw, 'content_html');
    const text = typeof contentText === 'string' && contentText.trim() !== '' ? contentText : undefined;
    // content_text is preferred for both summary and word count, so the HTML is only read when it is missing.
    const htmlText =
      text === undefined && typeof contentHtml === 'string'
        ? htmlToText(contentHtml.slice(0, LIMITS.contentHtml))
        : undefined;
    const summary =
      cleanText(get(raw, 'summary'), LIMITS.summary) ||
      (text !== undefined ? cleanText(text, LIMITS.summary) : '') ||
      (htmlText !== undefined ? tidyText(htmlText, LIMITS.summary) : '');
    const body = text !== undefined ? decodeEntities(text.slice(0, LIMITS.contentText)) : htmlText;

    const imageUrl = this.url(get(raw, 'image'), base, `${where}.image`, true);
    const wireImage = get(wire, 'image');
    const image =
      wireImage !== undefined && wireImage !== null
        ? this.photo(wireImage, base, `${where}._wire.image`, imageUrl)
        : imageUrl
          ? bareImage(imageUrl)
          : undefined;

    const item: WireItem = {
      id,
      title: cleanText(get(raw, 'title'), LIMITS.title),
      summary,
      wordCount: body ? countWords(body.slice(0, LIMITS.contentText)) : 0,
      authors: this.authors(raw, base, where) ?? feedAuthors.map((a) => ({ ...a })),
      tags: this.tags(get(raw, 'tags'), `${where}.tags`),
      kicker: cleanText(get(wire, 'kicker'), LIMITS.label),
      section: cleanText(get(wire, 'section'), LIMITS.label),
      dateline: cleanText(get(wire, 'dateline'), LIMITS.label),
      gallery: this.gallery(get(wire, 'gallery'), base, `${where}._wire.gallery`),
      related: this.related(get(wire, 'related'), base, `${where}._wire.related`),
    };
    const optional: Partial<WireItem> = {
      url,
      externalUrl: this.url(get(raw, 'external_url'), base, `${where}.external_url`),
      datePublished: this.date(get(raw, 'date_published'), `${where}.date_published`),
      dateModified: this.date(get(raw, 'date_modified'), `${where}.date_modified`),
      language: this.language(get(raw, 'language'), `${where}.language`),
      image,
      bannerImage: this.url(get(raw, 'banner_image'), base, `${where}.banner_image`, true),
      comments: this.itemComments(get(wire, 'comments'), base, `${where}._wire.comments`),
    };
    return Object.assign(item, definedOnly(optional));
  }

  feed(input: unknown, feedUrl: string | undefined): WireFeed | null {
    if (!isObject(input)) {
      this.warn('', `not a JSON Feed: expected an object, got ${describe(input)}`);
      return null;
    }
    const rawItems = get(input, 'items');
    if (!Array.isArray(rawItems)) {
      if (get(input, 'rss') !== undefined || get(input, 'channel') !== undefined) {
        this.warn('', 'not a JSON Feed: this is RSS written out as JSON (no "items" array)');
      } else this.warn('', 'not a JSON Feed: no "items" array');
      return null;
    }

    const version = this.version(get(input, 'version'));
    const loadedFrom = feedUrl === undefined ? undefined : safeUrl(feedUrl);
    if (feedUrl !== undefined && !loadedFrom) {
      this.warn(
        '',
        `feed URL ${preview(String(feedUrl))} is not an absolute http(s) URL; not used as a base`,
      );
    }
    const homePageUrl = this.url(get(input, 'home_page_url'), loadedFrom, 'home_page_url');
    const base = homePageUrl ?? loadedFrom;
    const wireRaw = get(input, '_wire');
    if (wireRaw !== undefined && !isObject(wireRaw)) this.warn('_wire', 'expected an object; ignored');
    const wire: JsonObject = isObject(wireRaw) ? wireRaw : {};
    const authors = this.authors(input, base, 'feed') ?? [];

    const items: WireItem[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < rawItems.length; i++) {
      if (items.length >= LIMITS.maxItems) {
        this.warn('items', `more than ${LIMITS.maxItems} items; only the first ${LIMITS.maxItems} are kept`);
        break;
      }
      const item = this.item(rawItems[i], base, authors, `items[${i}]`);
      if (!item) continue;
      if (ids.has(item.id)) {
        this.warn(`items[${i}]`, `duplicate id ${preview(item.id)}; only the first item with it is kept`);
        continue;
      }
      ids.add(item.id);
      items.push(item);
    }
    // A bare id promises "an item of this feed"; one that is not here (or was cut by the item cap) would give
    // the teaser nothing to show.
    for (const item of items) {
      item.related = item.related.filter((r) => {
        if (typeof r !== 'string' || ids.has(r)) return true;
        this.warn(
          `item ${preview(item.id)}`,
          `related id ${preview(r)} is not an item of this feed; dropped`,
        );
        return false;
      });
    }

    const feed: WireFeed = {
      version,
      title: cleanText(get(input, 'title'), LIMITS.title),
      description: cleanText(get(input, 'description'), LIMITS.description),
      authors,
      items,
    };
    const optional: Partial<WireFeed> = {
      homePageUrl,
      // Where the feed says it lives, else where it was actually loaded from.
      feedUrl: this.url(get(input, 'feed_url'), base, 'feed_url') ?? loadedFrom,
      icon: this.url(get(input, 'icon'), base, 'icon', true),
      favicon: this.url(get(input, 'favicon'), base, 'favicon', true),
      language: this.language(get(input, 'language'), 'language'),
      about: this.url(get(wire, 'about'), base, '_wire.about'),
      publisher: this.publisher(get(wire, 'publisher'), base),
      comments: this.feedComments(get(wire, 'comments'), base),
    };
    return Object.assign(feed, definedOnly(optional));
  }

  version(raw: unknown): WireFeed['version'] {
    if (typeof raw === 'string') {
      const m = /jsonfeed\.org\/version\/(\d+(?:\.\d+)?)\/?$/i.exec(raw.trim());
      if (m?.[1] === '1') return '1';
      if (m?.[1] === '1.1') return '1.1';
      this.warn('version', `unknown version ${preview(raw)}; read as JSON Feed 1.1`);
    } else if (raw === undefined) this.warn('version', 'missing; read as JSON Feed 1.1');
    else this.warn('version', `expected a string, got ${describe(raw)}; read as JSON Feed 1.1`);
    return '1.1';
  }

  publisher(raw: unknown, base: string | undefined): WirePublisher | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) {
      this.warn('_wire.publisher', `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    const publisher: WirePublisher = { name: cleanText(get(raw, 'name'), LIMITS.name) };
    const url = this.url(get(raw, 'url'), base, '_wire.publisher.url');
    const logo = this.url(get(raw, 'logo'), base, '_wire.publisher.logo', true);
    if (url) publisher.url = url;
    if (logo) publisher.logo = logo;
    return publisher.name || url || logo ? publisher : undefined;
  }

  feedComments(raw: unknown, base: string | undefined): WireFeedComments | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!isObject(raw)) {
      this.warn('_wire.comments', `expected an object, got ${describe(raw)}`);
      return undefined;
    }
    const comments = definedOnly<WireFeedComments>({
      loginUrl: this.url(get(raw, 'login_url'), base, '_wire.comments.login_url'),
      registerUrl: this.url(get(raw, 'register_url'), base, '_wire.comments.register_url'),
      countUrl: this.url(get(raw, 'count_url'), base, '_wire.comments.count_url'),
    });
    return Object.keys(comments).length ? comments : undefined;
  }
}

function bareImage(url: string): WirePhoto {
  return { url, alt: '', caption: '', creditText: '', creator: '', copyrightNotice: '', srcset: [] };
}

// Optional fields are left out rather than set to `undefined`, so the model serialises and compares cleanly.
function definedOnly<T extends object>(obj: T): T {
  const out: Partial<T> = {};
  for (const key of Object.keys(obj) as (keyof T)[]) {
    if (obj[key] !== undefined) out[key] = obj[key];
  }
  return out as T;
}

/**
 * Reads a parsed JSON value as a JSON Feed. `feedUrl` is the absolute URL the feed was loaded from; relative
 * URLs resolve against the item's `url`, then `home_page_url`, then `feedUrl`. Never throws: input that is
 * not a JSON Feed gives `feed: null`, and everything dropped or repaired is listed in `warnings`.
 */
export function normalizeFeed(input: unknown, feedUrl?: string): NormalizeResult {
  const log = new WarningLog();
  try {
    const feed = new Reader(log).feed(input, feedUrl);
    return { feed, warnings: log.list() };
  } catch (error) {
    // Unreachable for JSON values, but a widget on someone's front page must not die on a bug here.
    let reason = 'unknown error';
    try {
      reason = error instanceof Error ? error.message : String(error);
    } catch {
      // keep the generic reason
    }
    return {
      feed: null,
      warnings: [...log.list().slice(0, LIMITS.maxWarnings - 1), `could not read the feed: ${reason}`],
    };
  }
}
