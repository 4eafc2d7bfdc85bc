/**
 * The story body: the feed's raw `content_html` through DOMPurify with a short allow-list, then made fit for a
 * partner's page (links and pictures through the URL allow-list, pictures not licensed to partners left out,
 * third-party embeds turned into click-to-load placeholders). The one place feed HTML becomes DOM; `<wire-story>`
 * loads it as a lazy chunk and the server render runs the same code on a server DOM, so both write the same HTML.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import type { safeUrl as SafeUrl } from '../../feed/url.js';

/** The name of the Trusted Types policy a strict page lists in `trusted-types` (see SECURITY.md). */
export const POLICY_NAME = 'wire-widgets-story';

const CONFIG = {
  ALLOWED_TAGS: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    'a',
    'figure',
    'figcaption',
    'img',
    // Kept only to be found and replaced by a placeholder below: none leaves this module.
    'iframe',
  ],
  // `class` only to recognise social embeds; it is removed before the body is returned. `lang` and `dir` mark a
  // quotation in a third language, read and written as that language.
  ALLOWED_ATTR: ['href', 'src', 'alt', 'width', 'height', 'title', 'class', 'lang', 'dir'],
  // A form is dropped with its content: browsers do so anyway for a form whose inputs clobber its DOM properties
  // (DOMPurify's check), which a server DOM without named properties cannot see, so both write the same body.
  ADD_FORBID_CONTENTS: ['form'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|\/|\.|#|[^:]*$)/i,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
} as const satisfies Config;

/** Video hosts whose links become a player on click: the player URL for a link, or undefined. */
const PLAYERS: [RegExp, (match: RegExpExecArray) => string][] = [
  [
    /^https:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,20})/,
    (m) => `https://www.youtube-nocookie.com/embed/${m[1]}`,
  ],
  [
    /^https:\/\/(?:www\.|player\.)?vimeo\.com\/(?:video\/)?(\d{1,12})/,
    (m) => `https://player.vimeo.com/video/${m[1]}`,
  ],
];

/** Social posts that their platform's script would turn into an embed: a link to the post is all that remains. */
const SOCIAL =
  /(?:^|\s)(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-post|bluesky-embed)(?:\s|$)/;
const SOCIAL_HOSTS =
  /^(?:www\.)?(?:twitter\.com|x\.com|instagram\.com|tiktok\.com|facebook\.com|bsky\.app|threads\.net)$/;

function player(url: string): string | undefined {
  for (const [pattern, build] of PLAYERS) {
    const match = pattern.exec(url.replace(/^http:/, 'https:'));
    if (match) return build(match);
  }
  return undefined;
}

/**
 * What the body needs from the rest of the library, passed in rather than imported: a chunk that imports nothing
 * the bundle has makes the bundler split no shared code out of the bundle (see `body-options.ts`).
 */
export interface BodyOptions {
  /** What relative links and pictures resolve against: the story's own URL. */
  base?: string;
  /** Pictures not licensed to partners (`syndication: false`), by URL: left out with their figure. */
  withheld: ReadonlySet<string>;
  /** The credit of each of the feed's pictures, by URL, added to a body picture that shows one. */
  credits: ReadonlyMap<string, string>;
  /** The URL allow-list (`safeUrl` from `feed/url.ts`). */
  safeUrl: typeof SafeUrl;
  /** The placeholder's button and link text for a host, in the reader's language. */
  loadLabel: (host: string) => string;
  openLabel: (host: string) => string;
  /** That language: the placeholder says it, inside a body that may be marked with the feed's. */
  lang: string;
}

type Policy = NonNullable<Config['TRUSTED_TYPES_POLICY']>;
let policy: Policy | null | undefined;

/**
 * The page's Trusted Types policy for the body, created once. DOMPurify hands it the raw HTML only to parse it
 * in an inert document (no scripts run, nothing is fetched there); what reaches the page is the sanitised DOM.
 * It makes no script URLs. Null where the browser has no Trusted Types, or the page refuses the name.
 */
function storyPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: { createPolicy: (name: string, rules: object) => Policy } })
    .trustedTypes;
  try {
    policy =
      factory?.createPolicy(POLICY_NAME, {
        createHTML: (raw: string) => raw,
        createScriptURL: () => {
          throw new TypeError(`${POLICY_NAME} makes no script URLs`);
        },
      }) ?? null;
  } catch {
    policy = null;
  }
  return policy;
}

/**
 * Tags of a body that are read, and how deep they may nest; the HTML from the tag past either is left out. A long
 * story has a few thousand tags, nested a few deep. The parser and DOMPurify work on every element, and a server DOM
 * (jsdom, which unlike a browser does not flatten deep nesting) recurses through it: 166,000 nested quotes (what
 * 2 MB holds) blocked a page for 83 s, and 10,000 overflowed the server renderer's stack after 31 s.
 */
const MAX_BODY_TAGS = 10_000;
const MAX_BODY_DEPTH = 32;

/**
 * Players and pictures a body keeps; the rest are left out. A story has a handful, and on a server DOM the work of
 * putting each in its place grows with their square: 2,000 players in one paragraph took the CLI 8 s.
 */
const MAX_EMBEDS = 50;
const MAX_PICTURES = 200;

const VOID_TAG = /^(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/i;

/** `html` up to the first tag past `MAX_BODY_TAGS`, or nested past `MAX_BODY_DEPTH` (as near as tags tell). */
function withinBudget(html: string): string {
  let tags = 0;
  let depth = 0;
  for (const tag of html.matchAll(/<(\/?)([a-z][\w-]*)[^>]*?(\/?)>/gi)) {
    if (tag[1]) depth = Math.max(0, depth - 1);
    else if (!tag[3] && !VOID_TAG.test(tag[2]!)) depth++;
    if (++tags > MAX_BODY_TAGS || depth > MAX_BODY_DEPTH) return html.slice(0, tag.index);
  }
  return html;
}

/** Removes `element`, keeping its children in its place. */
function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/**
 * Moves `figure` out of its paragraph, which goes on in a new one after it; a paragraph left with nothing goes. The
 * HTML parser ends a paragraph where a figure starts and leaves an empty one where the old one ended, so a figure
 * inside one (a placeholder for a player in the text, a picture given its credit) would not read back from the
 * server's HTML as the tree the browser draws here.
 */
function liftOutOfParagraph(figure: Element, paragraph: Element): void {
  let branch: Node = figure;
  while (branch.parentNode !== paragraph) branch = branch.parentNode!;
  const rest = paragraph.cloneNode(false) as Element;
  while (branch.nextSibling) rest.append(branch.nextSibling);
  paragraph.after(figure, rest);
  // `firstElementChild`, not `children`: a server DOM (jsdom) builds the whole list for `children.length`.
  for (const part of [paragraph, rest])
    if (!part.firstElementChild && !part.textContent?.trim()) part.remove();
}

/**
 * A placeholder for third-party content: nothing in it requests anything. With a player URL it holds a button
 * that `<wire-story>` replaces by the player on click; it always links to the original.
 */
function placeholder(
  doc: Document,
  original: string,
  playerUrl: string | undefined,
  options: BodyOptions,
): Element {
  const host = new URL(original).hostname.replace(/^www\./, '');
  const box = doc.createElement('figure');
  box.className = playerUrl ? 'embed player' : 'embed';
  box.lang = options.lang;
  if (playerUrl) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-player', playerUrl);
    button.textContent = options.loadLabel(host);
    box.append(button);
  }
  const caption = doc.createElement('figcaption');
  const link = doc.createElement('a');
  link.href = original;
  link.rel = 'noopener noreferrer';
  link.textContent = options.openLabel(host);
  caption.append(link);
  box.append(caption);
  return box;
}

const dimension = (value: string | null): string | undefined =>
  value && /^\d{1,5}$/.test(value) && Number(value) > 0 ? value : undefined;

/** A known video link standing alone in its paragraph: the paragraph is the embed. */
function lonePlayerLink(paragraph: Element): string | undefined {
  const only =
    paragraph.firstElementChild === paragraph.lastElementChild ? paragraph.firstElementChild : undefined;
  if (only?.localName !== 'a' || paragraph.textContent?.trim() !== only.textContent?.trim()) return undefined;
  const href = only.getAttribute('href');
  return href ? player(href) && href : undefined;
}

function fitImage(img: Element, options: BodyOptions): void {
  const src = options.safeUrl(img.getAttribute('src'), options.base);
  const figure = img.closest('figure');
  if (!src || options.withheld.has(src)) {
    // The picture's whole figure goes, caption included, so no empty box or orphan credit is left.
    (figure && figure.querySelectorAll('img').length === 1 ? figure : img).remove();
    return;
  }
  const width = dimension(img.getAttribute('width'));
  const height = dimension(img.getAttribute('height'));
  for (const name of [...img.getAttributeNames()])
    if (name !== 'alt' && name !== 'title') img.removeAttribute(name);
  img.setAttribute('src', src);
  if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  if (width && height) {
    img.setAttribute('width', width);
    img.setAttribute('height', height);
  }
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
  img.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  const credit = options.credits.get(src);
  if (!credit) return;
  const doc = img.ownerDocument;
  let box = figure;
  if (!box) {
    box = doc.createElement('figure');
    img.replaceWith(box);
    box.append(img);
  }
  let caption = box.querySelector('figcaption');
  if (caption?.textContent?.includes(credit)) return;
  if (!caption) {
    caption = doc.createElement('figcaption');
    box.append(caption);
  }
  const line = doc.createElement('span');
  line.className = 'credit';
  line.textContent = credit;
  caption.append(caption.childNodes.length ? ' ' : '', line);
}

/**
 * `html` sanitised into a fragment owned by an inert document, ready to be adopted into a shadow root. `purify`
 * is DOMPurify bound to a window: the page's by default, a server DOM's (jsdom) on the server.
 */
export function sanitizeBody(
  html: string,
  options: BodyOptions,
  purify: Purifier = DOMPurify,
): DocumentFragment {
  // Unbound (no DOM, as in Node without a server DOM), DOMPurify returns its input untouched.
  if (!purify.isSupported) throw new TypeError('DOMPurify needs a DOM to sanitise');
  const config = { ...CONFIG, TRUSTED_TYPES_POLICY: storyPolicy() };
  // A document the parser cannot give a body (a `<frameset>`) comes back as null, typings notwithstanding: it has
  // nothing to show, so it becomes an empty body.
  const fragment =
    (purify.sanitize(withinBudget(html), config) as DocumentFragment | null) ?? purify.sanitize('', config);
  const doc = fragment.ownerDocument;
  const all = (selector: string) => [...fragment.querySelectorAll(selector)];

  // Social embeds are known by their class, which is read here and then removed from every element the feed
  // wrote: a feed's `class` must not pick up the shadow root's styles.
  const posts = all('blockquote').flatMap((quote) => {
    if (!SOCIAL.test(quote.getAttribute('class') ?? '')) return [];
    const post = [...quote.querySelectorAll('a')]
      .map((a) => options.safeUrl(a.getAttribute('href'), options.base))
      .find((href) => href && SOCIAL_HOSTS.test(new URL(href).hostname));
    return post ? [[quote, post] as const] : [];
  });
  for (const element of all('[class]')) element.removeAttribute('class');
  for (const [quote, post] of posts) quote.replaceWith(placeholder(doc, post, undefined, options));
  for (const [i, frame] of all('iframe').entries()) {
    const src = i < MAX_EMBEDS && options.safeUrl(frame.getAttribute('src'), options.base);
    if (src) frame.replaceWith(placeholder(doc, src, player(src) ?? src, options));
    else frame.remove();
  }
  let links = 0;
  for (const paragraph of all('p')) {
    const href = links < MAX_EMBEDS ? lonePlayerLink(paragraph) : undefined;
    if (href) links++;
    const original = href && options.safeUrl(href, options.base);
    if (original) paragraph.replaceWith(placeholder(doc, original, player(original), options));
  }
  // A placeholder holds a button and a link of its own: inside the feed's link it would be a link in a link, which
  // the HTML parser splits, so the server's HTML would not read back as the tree the browser drew.
  const around = new Set(all('.embed').map((box) => box.parentElement?.closest('a')));
  for (const link of around) if (link) unwrap(link);
  for (const [i, img] of all('img').entries())
    if (i < MAX_PICTURES) fitImage(img, options);
    else img.remove();
  // Last first: each lift then moves only the text up to the figure after it, not the rest of the paragraph again
  // (a paragraph of 8,000 figures took a minute).
  for (const figure of all('p figure').reverse())
    liftOutOfParagraph(figure, figure.parentElement!.closest('p')!);
  for (const link of all('a:not(.embed a)')) {
    const href = options.safeUrl(link.getAttribute('href'), options.base);
    if (!href) {
      unwrap(link);
      continue;
    }
    link.setAttribute('href', href);
    link.setAttribute('rel', 'noopener noreferrer');
  }
  return fragment;
}
