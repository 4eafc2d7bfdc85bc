/**
 * What the server adds for `<wire-story>`: the body, sanitised by the element's own sanitiser on a server DOM
 * (jsdom, an optional peer dependency), and the head snippet for the partner's page (robots meta and JSON-LD).
 */
import { forPage, rightsState } from '../feed/rights.js';
import createDOMPurify, { type WindowLike } from 'dompurify';
import { bodyOptions } from '../components/story/body-options.js';
import { sanitizeBody } from '../components/story/sanitize.js';
import type { Feed, FeedItem } from '../feed/types.js';
import { chosenItem, readFeed, RenderError, scriptJson, type FeedSourceOptions } from './render.js';

interface ServerDom {
  document: Document;
  purify: ReturnType<typeof createDOMPurify>;
}
let serverDom: Promise<ServerDom> | undefined;

/**
 * One server DOM for the process, made on the first story with a body: a jsdom window costs far more than a
 * sanitise, and the fragments it makes are dropped after each one. happy-dom and other light DOMs let payloads
 * through DOMPurify; jsdom is a full HTML parser.
 */
function dom(): Promise<ServerDom> {
  serverDom ??= import('jsdom').then(
    ({ JSDOM }) => {
      const { window } = new JSDOM('');
      return { document: window.document, purify: createDOMPurify(window as unknown as WindowLike) };
    },
    () => {
      serverDom = undefined;
      throw new RenderError('rendering <wire-story> needs jsdom on the server: npm install jsdom');
    },
  );
  return serverDom;
}

/** The story's body as the browser will draw it, as HTML. */
export async function storyBodyHtml(feed: Feed, item: FeedItem, lang: string): Promise<string> {
  if (!item.contentHtml) return '';
  const { document, purify } = await dom();
  const holder = document.createElement('div');
  // The server cannot know the page its snippet lands on, so it renders for a partner's (as the element does).
  const shown = forPage(feed, item, undefined);
  holder.append(sanitizeBody(item.contentHtml, bodyOptions(shown, item, lang), purify));
  return holder.innerHTML;
}

export interface HeadOptions {
  /** Leave out `<meta name="robots" content="noindex">`: the partner's copy may be indexed. */
  index?: boolean;
}

type Json = Record<string, unknown>;

const compact = (object: Json): Json =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));

const organization = (name: string | undefined, url?: string): Json | undefined =>
  name ? compact({ '@type': 'Organization', name, url }) : undefined;

/** schema.org `NewsArticle` for the partner's copy of `item`, pointing to the original. */
export function newsArticle(item: FeedItem, feed: Feed): Json {
  const photo = item.image?.syndication ? item.image : undefined;
  const publisher = item.source?.name || feed.publisher?.name || feed.title;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    // The feed's id for the story: what <wire-story> finds this by to take it out once the story is taken down.
    identifier: item.id,
    headline: item.title,
    description: item.summary,
    datePublished: item.datePublished,
    dateModified: item.dateModified,
    author: item.authors.length
      ? item.authors.map((author) => compact({ '@type': 'Person', name: author.name, url: author.url }))
      : undefined,
    image:
      photo &&
      compact({
        '@type': 'ImageObject',
        url: photo.url,
        width: photo.width,
        height: photo.height,
        creditText: photo.creditText || photo.creator,
        copyrightNotice: photo.copyrightNotice,
        license: photo.license,
        acquireLicensePage: photo.acquireLicensePage,
      }),
    isBasedOn: item.url,
    sourceOrganization: organization(publisher, item.source?.url ?? feed.publisher?.url ?? feed.homePageUrl),
    copyrightHolder: organization(item.rights.copyrightHolder),
    copyrightNotice: item.rights.copyrightNotice,
    expires: item.rights.expires,
  });
}

/**
 * The lines for the partner page's `<head>`: the robots meta (unless `index`) and the JSON-LD, escaped so that
 * no feed text can end the script element.
 */
export function storyHead(item: FeedItem, feed: Feed, options: HeadOptions = {}): string {
  const lines = options.index ? [] : ['<meta name="robots" content="noindex">'];
  lines.push(`<script type="application/ld+json">${scriptJson(newsArticle(item, feed))}</script>`);
  return lines.join('\n');
}

/**
 * The head snippet for one story of a feed (a parsed JSON Feed object or an http(s) URL); the first out of embargo
 * without `item`. The story's rights as `renderWidget` applies them: an embargoed story is refused, and one taken down
 * (withheld, canceled, expired) gets the robots line alone, as its page shows only a notice.
 */
export async function renderStoryHead(
  feedSource: unknown,
  options: HeadOptions & FeedSourceOptions & { item?: string } = {},
): Promise<string> {
  const feed = await readFeed(feedSource, options.baseUrl, options.onWarning);
  const now = Date.now();
  const item = chosenItem(feed, options.item, now);
  if (rightsState(item, now) !== 'usable')
    return options.index ? '' : '<meta name="robots" content="noindex">';
  return storyHead(item, feed, options);
}
