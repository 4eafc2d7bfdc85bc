/**
 * Server rendering (Node only): one widget as a self-contained HTML snippet. The element carries its shadow root
 * as declarative shadow DOM, so the snippet reads with JavaScript off; it sits in a `<wire-feed>` holding the
 * shown items as inline JSON, so the standalone bundle hydrates it with no request and a first render equal to
 * the server's.
 */
import { render } from '@lit-labs/ssr';
import { html, nothing } from 'lit';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { loadFeed } from '../feed/loader.js';
import { normalizeFeed } from '../feed/normalize.js';
import { safeUrl } from '../feed/url.js';
import { forPage, rightsState } from '../feed/rights.js';
import type { Feed, FeedItem } from '../feed/types.js';
import { relatedStories } from '../components/related-story/related.js';
import { isRtlLanguage, loadCatalog } from '../i18n/i18n.js';
import '../components/feed/feed.define.js';
import '../components/credit-info/credit-info.define.js';
import '../components/article-card/article-card.define.js';
import '../components/related-story/related-story.define.js';
import '../components/comment-prompt/comment-prompt.define.js';
import '../components/photo-gallery/photo-gallery.define.js';
import '../components/story/story.define.js';
import { BODY_ATTRIBUTE } from '../components/story/story.js';
import { toJsonFeed } from './json-feed.js';
import { storyBodyHtml } from './story.js';

export const WIDGETS = ['article-card', 'related-story', 'photo-gallery', 'comment-prompt', 'story'] as const;
export type WidgetName = (typeof WIDGETS)[number];

/** Where a feed given as an object is published, and who hears what the reader dropped or repaired in it. */
export interface FeedSourceOptions {
  /**
   * What relative URLs in a feed given as an object resolve against (where the feed is published). Without it they
   * are dropped, as the snippet may be shown on any page. A feed loaded from a URL resolves against that URL.
   */
  baseUrl?: string;
  /**
   * Called with each line of the feed reader's warnings, on every call (`items[0].url: not an absolute URL: "/a"`;
   * repeats of one kind folded as `(+12 more)`): the snippet leaves out what they name without a trace, and a
   * publisher fixing the feed needs to know.
   */
  onWarning?: (message: string) => void;
}

export interface RenderWidgetOptions extends FeedSourceOptions {
  /** Which element to render. */
  widget: WidgetName;
  /** Id of the item to show; the feed's first item when absent. */
  item?: string;
  /** Attributes for the element (`layout`, `related-to`, `lang`, `return-url`, …), as in HTML. */
  attributes?: Record<string, string>;
  /**
   * The live feed the browser re-reads after hydration, so that a kill, expiry or embargo issued after the snippet
   * was rendered reaches the reader: the feed's own `feed_url` (or the URL it was loaded from) when absent, none
   * with `false`. The snippet shows its inline copy until the live feed has loaded, and keeps it if that fails.
   */
  live?: string | false;
}

/** Input the renderer refuses: the message is one line, fit for a command line's stderr. */
export class RenderError extends Error {
  override name = 'RenderError';
}

/** An attribute name HTML and the element both read as written; anything else could break out of the tag. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9-]*$/;

/** Attributes the renderer owns: the feed and item travel its own way, handlers never come from input. */
const RESERVED = new Set(['src', 'item', 'feed', 'defer-hydration', 'ssr']);

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * JSON for a `<script>` element's text. `<` is the only character that can end a script's text (`</script`) or
 * switch the parser into its escaped states (`<!--`); as `\u003c` it is the same JSON. U+2028 and U+2029 are
 * escaped too, for consumers that paste the JSON into JavaScript source.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

/**
 * A JSON Feed as a normalised feed: an http(s) URL through the page's loader (the same allow-list, timeout and
 * size cap as in the browser), anything else as an already parsed JSON Feed object.
 */
export async function readFeed(
  source: unknown,
  baseUrl?: string,
  onWarning?: (message: string) => void,
): Promise<Feed> {
  const { feed, warnings } =
    typeof source === 'string'
      ? await loadFeed(source).catch((error: unknown) => {
          throw new RenderError(
            `cannot load ${source}: ${error instanceof Error ? error.message : 'failed'}`,
          );
        })
      : normalizeFeed(source, baseUrl);
  if (!feed) throw new RenderError(warnings[0] ?? 'not a JSON Feed');
  warnings.forEach((warning) => onWarning?.(warning));
  return feed;
}

/**
 * The item named `id`, else the feed's first out of embargo, at `now` on the server's clock (the browser checks
 * again on the reader's). A missing item, and one under embargo, are refused with a `RenderError`: rendered as "not
 * found", a snippet cached before the embargo would announce the story's id in published HTML.
 */
export function chosenItem(feed: Feed, id: string | undefined, now: number): FeedItem {
  const item = id
    ? feed.items.find((entry) => entry.id === id)
    : feed.items.find((entry) => rightsState(entry, now) !== 'embargoed');
  if (!item)
    throw new RenderError(id ? `no item with id ${JSON.stringify(id)} in the feed` : 'the feed has no items');
  if (rightsState(item, now) === 'embargoed')
    throw new RenderError(`item ${JSON.stringify(item.id)} is under embargo until ${item.rights.embargoed}`);
  return item;
}

/** The items the widget shows, which are all the browser needs: the item, and for a list its related stories. */
function shownItems(feed: Feed, options: RenderWidgetOptions): FeedItem[] {
  const attributes = options.attributes ?? {};
  const relatedTo = options.widget === 'related-story' ? attributes['related-to'] : undefined;
  const now = Date.now();
  const body = options.widget === 'story';
  const item = chosenItem(feed, relatedTo || options.item, now);
  if (!relatedTo) return [redacted(feed, item, now, body)];
  // The element's own rule for the list length, so the inline feed holds exactly what it will list.
  const limit = Number(attributes.limit ?? 3);
  const stories = relatedStories(feed, item.id, limit >= 0 ? Math.floor(limit) : 3, now);
  const ids = new Set([item.id, ...stories.map((story) => story.id)]);
  return feed.items.filter((entry) => ids.has(entry.id)).map((entry) => redacted(feed, entry, now));
}

/**
 * An item as the snippet may carry it inline. The raw `content_html` is shown by `<wire-story>` alone (`body`);
 * elsewhere photos licensed for the publisher's own site only are left out, as from the markup (the server cannot
 * know the page is the publisher's own); and a story taken down (withheld, withdrawn, expired) keeps only what its
 * notice needs. What the widget may not show must not reach the page's source either. A story keeps its photos:
 * its sanitiser finds the body's pictures to withhold by them, and the raw body names them anyway.
 */
function redacted(feed: Feed, item: FeedItem, now: number, body = false): FeedItem {
  const shown = body ? item : forPage(feed, { ...item, contentHtml: '' }, undefined);
  if (rightsState(item, now) === 'usable') return shown;
  return {
    ...shown,
    contentHtml: '',
    title: '',
    summary: '',
    wordCount: 0,
    authors: [],
    tags: [],
    kicker: '',
    section: '',
    dateline: '',
    image: undefined,
    bannerImage: undefined,
    gallery: [],
    related: [],
    correction: undefined,
  };
}

/**
 * Where the feed is published: the URL it was loaded from, or the `feed_url` it names. Not `Feed.feedUrl`, which
 * falls back to the base URL relative links resolve against, and that is a page, not the feed.
 */
function publishedAt(source: unknown, feed: Feed, baseUrl?: string): string | undefined {
  if (typeof source === 'string') return feed.feedUrl;
  try {
    return safeUrl((source as { feed_url?: unknown }).feed_url, baseUrl);
  } catch {
    return undefined;
  }
}

/**
 * The widget's markup, drawn only once parsed whole. A snippet reaches the browser in pieces, and the browser draws
 * what it has parsed: a card's photo is written after its text (the headline is read first) but drawn above it, so
 * a card cut between the two drew its text, then pushed it down (0.016 of layout shift on a busy machine, whose
 * parser cut the page in time slices); the gallery's bar, the story's dateline and the comment prompt's count moved
 * too as their last pieces arrived. So a marker ends the shadow root, and a style at its start hides, until the
 * element has drawn, whatever has no marker after it (`:has(~ …)` is matched as the parser goes; `:last-child`
 * matches nothing while its parent is being parsed). Until it has drawn: defined (a streamed page whose bundle ran
 * first) but not yet updated, it has no state; a render that failed drops the marker but says `error`. The second
 * rule only where custom states exist: an engine without them drops it and keeps the first. The two are written
 * together: no render without the marker can hide a widget. Nothing after the snippet on the page has been parsed
 * yet, so nothing moves when it appears.
 */
function heldUntilParsed(element: string): string {
  const open = element.indexOf('>', element.indexOf('<template')) + 1;
  const close = element.lastIndexOf('</template>');
  return (
    element.slice(0, open) +
    '<style>:host(:not(:defined))>:not(:has(~[data-wire-end])){display:none!important}' +
    ':host(:not(:state(loading),:state(ready),:state(error)))>:not(:has(~[data-wire-end])){display:none!important}' +
    '</style>' +
    element.slice(open, close) +
    '<i data-wire-end hidden></i>' +
    element.slice(close)
  );
}

/**
 * One widget rendered from a feed (a parsed JSON Feed object, or an http(s) URL to load): the element with its
 * declarative shadow root, inside a `<wire-feed>` that carries the shown items inline. Rejects with a
 * `RenderError` for an unknown widget, an unreadable feed or a missing item.
 */
export async function renderWidget(feedSource: unknown, options: RenderWidgetOptions): Promise<string> {
  if (!WIDGETS.includes(options.widget))
    throw new RenderError(`unknown widget ${JSON.stringify(options.widget)} (one of ${WIDGETS.join(', ')})`);
  const attributes = { ...options.attributes };
  for (const name of Object.keys(attributes))
    if (!ATTRIBUTE_NAME.test(name) || RESERVED.has(name) || name.startsWith('on'))
      throw new RenderError(`attribute ${JSON.stringify(name)} cannot be set`);

  const feed = await readFeed(feedSource, options.baseUrl, options.onWarning);
  const items = shownItems(feed, options);
  const inline = toJsonFeed(feed, items, options.widget === 'story');

  // The server has no page to inherit a language or direction from: it decides them, and writes them on the element
  // so the browser's first render decides the same.
  const lang = attributes.lang || feed.language || 'en';
  attributes.lang = lang;
  attributes.dir ||= isRtlLanguage(lang) ? 'rtl' : 'ltr';
  await loadCatalog(lang);
  if (!(options.widget === 'related-story' && attributes['related-to'])) attributes.item = items[0]!.id;

  const tag = `wire-${options.widget}`;
  // `ssr`: a bundle that runs before the parser has reached the element waits for its shadow root (styles.ts).
  const open = [
    tag,
    'ssr',
    ...Object.entries(attributes).map(([name, value]) => `${name}="${escapeAttribute(value)}"`),
  ];
  // The element reads the inline data as its `feed`, exactly as the browser will read it from the script: the two
  // first renders come from the same model.
  let element = await collectResult(
    render(staticHtml`<${unsafeStatic(open.join(' '))} .feed=${inline}></${unsafeStatic(tag)}>`),
  );
  element = heldUntilParsed(element);
  if (options.widget === 'story') {
    // The element leaves its body empty where it cannot sanitise (the server has no DOM): the same sanitiser fills
    // it here, on a server DOM. Feed text cannot forge the container: Lit escapes every `<` it renders as text.
    // The body's `lang` is there when the story's language is not the element's.
    const container = new RegExp(
      `<div class="body" part="body" ${BODY_ATTRIBUTE}(?: lang="[^"<>]*")?\\s*>(?=</div>)`,
    ).exec(element);
    if (container) {
      const end = container.index + container[0].length;
      element = element.slice(0, end) + (await storyBodyHtml(feed, items[0]!, lang)) + element.slice(end);
    }
  }
  const live =
    options.live === false ? undefined : (options.live ?? publishedAt(feedSource, feed, options.baseUrl));
  const src = live === undefined ? undefined : safeUrl(live);
  if (live !== undefined && !src)
    throw new RenderError(`live feed ${JSON.stringify(live)} is not an http(s) URL`);
  // <wire-feed> too is drawn by Lit, with its declarative shadow root (the slot it draws). Without one, its upgrade
  // attached a new root, which took every widget inside out of the layout and put it back when the slot rendered:
  // a restyle and relayout of the whole snippet in the task that defines the elements. Its content goes in as
  // text: given to Lit, it would be parsed as a template and the widget rendered a second time.
  // Lit's markers around it are for hydrating a page-level template, which no one does: the snippet is the element.
  const shell = await collectResult(render(html`<wire-feed ssr src=${src ?? nothing}></wire-feed>`));
  const end = shell.lastIndexOf('</wire-feed>');
  const script = `<script type="application/feed+json">${scriptJson(inline)}</script>`;
  return `${shell.slice(shell.indexOf('<wire-feed'), end)}${script}${element}</wire-feed>`;
}
