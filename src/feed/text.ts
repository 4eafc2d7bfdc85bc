/**
 * Plain-text helpers for feed strings. Everything here is string based: no DOM, nothing is ever parsed into a
 * live document, so hostile markup cannot load or run anything, and the same code works in Node and browsers.
 */

// Named references as `name:hex` pairs. The HTML 4 set (what feeds written by CMSs actually use) plus the HTML5
// ASCII-punctuation names and a few typographic ones; checked against the HTML5 table. A full 2,000-entry
// HTML5 table would triple the bundle for names no publisher writes.
const ENTITY_TABLE =
  'AElig:c6 AMP:26 Aacute:c1 Acirc:c2 Agrave:c0 Alpha:391 Aring:c5 Atilde:c3 Auml:c4 Beta:392 COPY:a9 ' +
  'Ccedil:c7 Chi:3a7 Dagger:2021 Delta:394 ETH:d0 Eacute:c9 Ecirc:ca Egrave:c8 Epsilon:395 Eta:397 Euml:cb ' +
  'GT:3e Gamma:393 Hat:5e Iacute:cd Icirc:ce Igrave:cc Iota:399 Iuml:cf Kappa:39a LT:3c Lambda:39b Mu:39c ' +
  'NewLine:a NoBreak:2060 Ntilde:d1 Nu:39d OElig:152 Oacute:d3 Ocirc:d4 Ograve:d2 Omega:3a9 Omicron:39f ' +
  'Oslash:d8 Otilde:d5 Ouml:d6 Phi:3a6 Pi:3a0 Prime:2033 Psi:3a8 QUOT:22 REG:ae Rho:3a1 Scaron:160 ' +
  'Sigma:3a3 THORN:de TRADE:2122 Tab:9 Tau:3a4 Theta:398 Uacute:da Ucirc:db Ugrave:d9 Upsilon:3a5 Uuml:dc ' +
  'Xi:39e Yacute:dd Yuml:178 ZeroWidthSpace:200b Zeta:396 aacute:e1 acirc:e2 acute:b4 aelig:e6 agrave:e0 ' +
  'alefsym:2135 alpha:3b1 amp:26 and:2227 ang:2220 apos:27 aring:e5 ast:2a asymp:2248 atilde:e3 auml:e4 ' +
  'bdquo:201e beta:3b2 brvbar:a6 bsol:5c bull:2022 cap:2229 ccedil:e7 cedil:b8 cent:a2 centerdot:b7 ' +
  'check:2713 chi:3c7 circ:2c6 clubs:2663 colon:3a comma:2c commat:40 cong:2245 copy:a9 crarr:21b5 ' +
  'cross:2717 cup:222a curren:a4 dArr:21d3 dagger:2020 darr:2193 dash:2010 deg:b0 delta:3b4 diams:2666 ' +
  'divide:f7 dollar:24 eacute:e9 ecirc:ea egrave:e8 empty:2205 emsp:2003 ensp:2002 epsilon:3b5 equals:3d ' +
  'equiv:2261 eta:3b7 eth:f0 euml:eb euro:20ac excl:21 exist:2203 female:2640 fnof:192 forall:2200 ' +
  'frac12:bd frac14:bc frac34:be frasl:2044 gamma:3b3 ge:2265 grave:60 gt:3e hArr:21d4 hairsp:200a half:bd ' +
  'harr:2194 hearts:2665 hellip:2026 horbar:2015 hyphen:2010 iacute:ed icirc:ee iexcl:a1 igrave:ec ' +
  'image:2111 infin:221e int:222b iota:3b9 iquest:bf isin:2208 iuml:ef kappa:3ba lArr:21d0 lambda:3bb ' +
  'lang:27e8 laquo:ab larr:2190 lbrace:7b lbrack:5b lceil:2308 lcub:7b ldquo:201c ldquor:201e le:2264 ' +
  'lfloor:230a lowast:2217 lowbar:5f loz:25ca lpar:28 lrm:200e lsaquo:2039 lsqb:5b lsquo:2018 lsquor:201a ' +
  'lt:3c macr:af male:2642 mdash:2014 micro:b5 middot:b7 minus:2212 mldr:2026 mu:3bc nabla:2207 nbsp:a0 ' +
  'ndash:2013 ne:2260 ni:220b not:ac notin:2209 nsub:2284 ntilde:f1 nu:3bd num:23 numsp:2007 oacute:f3 ' +
  'ocirc:f4 oelig:153 ograve:f2 oline:203e omega:3c9 omicron:3bf oplus:2295 or:2228 ordf:aa ordm:ba ' +
  'oslash:f8 otilde:f5 otimes:2297 ouml:f6 para:b6 part:2202 percnt:25 period:2e permil:2030 perp:22a5 ' +
  'phi:3c6 phone:260e pi:3c0 piv:3d6 plus:2b plusmn:b1 pound:a3 prime:2032 prod:220f prop:221d psi:3c8 ' +
  'puncsp:2008 quest:3f quot:22 rArr:21d2 radic:221a rang:27e9 raquo:bb rarr:2192 rbrace:7d rbrack:5d ' +
  'rceil:2309 rcub:7d rdquo:201d rdquor:201d real:211c reg:ae rfloor:230b rho:3c1 rlm:200f rpar:29 ' +
  'rsaquo:203a rsqb:5d rsquo:2019 rsquor:2019 sbquo:201a scaron:161 sdot:22c5 sect:a7 semi:3b shy:ad ' +
  'sigma:3c3 sigmaf:3c2 sim:223c sol:2f spades:2660 star:2606 starf:2605 sub:2282 sube:2286 sum:2211 ' +
  'sup:2283 sup1:b9 sup2:b2 sup3:b3 supe:2287 szlig:df tau:3c4 there4:2234 theta:3b8 thetasym:3d1 ' +
  'thinsp:2009 thorn:fe tilde:2dc times:d7 trade:2122 uArr:21d1 uacute:fa uarr:2191 ucirc:fb ugrave:f9 ' +
  'uml:a8 upsih:3d2 upsilon:3c5 uuml:fc verbar:7c vert:7c weierp:2118 xi:3be yacute:fd yen:a5 yuml:ff ' +
  'zeta:3b6 zwj:200d zwnj:200c ';

let entityMap: Map<string, string> | undefined;

function entities(): Map<string, string> {
  if (!entityMap) {
    entityMap = new Map();
    for (const pair of ENTITY_TABLE.trim().split(' ')) {
      const colon = pair.indexOf(':');
      entityMap.set(pair.slice(0, colon), String.fromCodePoint(parseInt(pair.slice(colon + 1), 16)));
    }
  }
  return entityMap;
}

// HTML maps numeric references in 0x80–0x9F to Windows-1252, because that is what `&#150;` meant in the
// pages (and WordPress feeds) that use it.
// prettier-ignore
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function fromNumericReference(code: number): string {
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    return '\uFFFD';
  }
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

// Named references need their `;` (so `?a=1&copy=2` in text survives); numeric ones may omit it, as in HTML.
const ENTITY = /&(?:#([0-9]+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]{0,31});)/g;

/** Decodes named, decimal and hex character references. Unknown names are left as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(
    ENTITY,
    (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return fromNumericReference(dec.length > 8 ? Infinity : parseInt(dec, 10));
      if (hex !== undefined) return fromNumericReference(hex.length > 7 ? Infinity : parseInt(hex, 16));
      return entities().get(name ?? '') ?? match;
    },
  );
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Strips control characters, repairs lone surrogates (JSON can carry them; they render as garbage), collapses
 * white space and trims. A single no-break space is kept, since publishers write `10&nbsp;km` on purpose.
 */
function normalizeSpace(s: string): string {
  return s
    .replace(CONTROL_CHARS, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(WHITESPACE_RUN, (run) => (run === '\u00a0' || run === '\u202f' ? run : ' '))
    .trim();
}

/**
 * Cuts `s` to at most `max` code points, ending in '…' when anything was cut. Prefers to cut at a space near
 * the end so a summary does not stop mid-word. `force` adds the ellipsis even when `s` fits, for text that was
 * already clipped before cleaning.
 */
function truncate(s: string, max: number, force = false): string {
  if (max <= 0 || s === '') return '';
  let count = 0;
  let keepEnd = 0;
  let index = 0;
  for (const ch of s) {
    count++;
    if (count === max) keepEnd = index;
    index += ch.length;
    if (count > max) break;
  }
  if (count <= max && !force) return s;
  if (count < max) return `${s.trimEnd()}…`;
  let head = s.slice(0, keepEnd);
  if (s[keepEnd] !== ' ') {
    const space = head.lastIndexOf(' ');
    if (space > 0 && space >= head.length * 0.8) head = head.slice(0, space);
  }
  return `${head.trimEnd()}…`;
}

/** Collapses white space, drops control characters and caps an already-decoded string to `max` code points. */
export function tidyText(s: string, max: number): string {
  return truncate(normalizeSpace(s), max);
}

/**
 * Turns a feed field into display text: numbers become strings, anything else that is not a string becomes
 * ''. Entities are decoded but tags are NOT removed: JSON Feed text fields are plain text, so a title such as
 * `Die Rückkehr von <i> und <b>` means those literal characters.
 */
export function cleanText(raw: unknown, max: number): string {
  let s: string;
  if (typeof raw === 'string') s = raw;
  else if (typeof raw === 'number' && Number.isFinite(raw)) s = String(raw);
  else return '';
  // Clipping first keeps a megabyte "title" from costing a megabyte of regex work. Only text that shrinks more
  // than 8× when decoded and collapsed (pages of blank space or entities) can lose words to this.
  const budget = max * 8 + 1024;
  const clipped = s.length > budget;
  if (clipped) s = s.slice(0, /[\uD800-\uDBFF]/.test(s[budget - 1] ?? '') ? budget - 1 : budget);
  return truncate(normalizeSpace(decodeEntities(s)), max, clipped);
}

// Elements whose content is never visible text: raw-text elements end at the first matching end tag...
// prettier-ignore
const RAW_TEXT_DROPPED = new Set([
  'script', 'style', 'iframe', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes',
]);
// ...and these can nest, so their end is found by counting.
const NESTED_DROPPED = new Set(['template', 'svg', 'math', 'object', 'video', 'audio', 'canvas']);
// Tags that separate words when rendered; inline tags (`<b>`, `<a>`, `<span>`) do not.
// prettier-ignore
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'img', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const endTagFinders = new Map<string, RegExp>();

function endTagFinder(name: string): RegExp {
  let re = endTagFinders.get(name);
  if (!re) {
    re = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
    endTagFinders.set(name, re);
  }
  return re;
}

/** Index just after the `>` closing the tag whose attributes start at `i`; quoted values may contain `>`. */
function skipTag(html: string, i: number): number {
  const n = html.length;
  while (i < n) {
    const ch = html[i];
    if (ch === '>') return i + 1;
    if (ch === '=') {
      i++;
      while (i < n && /[\t\n\f\r ]/.test(html[i] ?? '')) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return n;
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return n;
}

const TAG_NAME = /[A-Za-z][^\t\n\f\r />]*/y;

/**
 * Visible text of an HTML fragment, as one line. A small tokenizer rather than a DOM: comments, scripts,
 * styles, iframes, SVG and other non-text elements go with their content; block tags become spaces; all other
 * tags vanish; entities are decoded per text run so a tag cannot glue two halves of one together.
 */
export function htmlToText(html: string): string {
  if (typeof html !== 'string') return '';
  const n = html.length;
  const out: string[] = [];
  let suppressed: string | undefined;
  let depth = 0;
  let i = 0;
  const emit = (text: string): void => {
    if (suppressed === undefined && text !== '') out.push(decodeEntities(text));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      emit(html.slice(i));
      break;
    }
    emit(html.slice(i, lt));
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      if (html.startsWith('<!-->', i)) i += 5;
      else if (html.startsWith('<!--->', i)) i += 6;
      else {
        const end = /--!?>/g;
        end.lastIndex = i + 4;
        const m = end.exec(html);
        i = m ? m.index + m[0].length : n;
      }
      continue;
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', i + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    const isEnd = next === '/';
    TAG_NAME.lastIndex = i + (isEnd ? 2 : 1);
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      if (isEnd) {
        // `</>` and `</3` are dropped by browsers, not shown.
        const close = html.indexOf('>', i + 2);
        i = close === -1 ? n : close + 1;
      } else {
        emit('<');
        i++;
      }
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const tagEnd = skipTag(html, TAG_NAME.lastIndex);
    const selfClosing = html[tagEnd - 2] === '/';
    i = tagEnd;
    if (isEnd) {
      if (suppressed === name && --depth === 0) suppressed = undefined;
      else if (BLOCK_TAGS.has(name)) emit(' ');
      continue;
    }
    if (RAW_TEXT_DROPPED.has(name)) {
      const finder = endTagFinder(name);
      finder.lastIndex = i;
      const m = finder.exec(html);
      i = m ? skipTag(html, m.index + 2 + name.length) : n;
      continue;
    }
    if (NESTED_DROPPED.has(name) && !selfClosing) {
      if (suppressed === undefined) {
        suppressed = name;
        depth = 1;
      } else if (suppressed === name) depth++;
      continue;
    }
    if (BLOCK_TAGS.has(name)) emit(' ');
  }
  return normalizeSpace(out.join(''));
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’.-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/**
 * Words in `text`, for reading time. A word is a run of letters/digits (with combining marks), joined across
 * inner apostrophes, hyphens and dots so "don't", "e-mail" and "3.14" count once. Chinese and Japanese are
 * written without spaces, so each Han/kana character counts as one word: readers get through roughly 1.5–2×
 * as many of those characters per minute as English words, which makes estimates err on the long side, not
 * absurdly short. Thai, Lao, Khmer and Myanmar runs count as one word per space-separated run (an undercount).
 */
export function countWords(text: string): number {
  if (typeof text !== 'string' || text === '') return 0;
  let cjk = 0;
  const rest = text.replace(CJK_CHAR, () => {
    cjk++;
    return ' ';
  });
  return cjk + (rest.match(WORD)?.length ?? 0);
}
