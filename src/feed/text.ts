/**
 * Plain-text helpers for feed strings. Everything here is string based: no DOM, nothing is ever parsed into a
 * live document, so hostile markup cannot load or run anything, and the same code works in Node and browsers.
 */

// The named references feeds actually use: quot/amp/apos/lt/gt, the HTML 4 Latin-1 set and the typographic ones
// CMSs write (dashes, quotes, ellipsis, euro...). `#hex` sets the code point of the next name, each name takes
// the next code point, and an empty name skips one. Accented letters are not listed: `&eacute;`, `&Uuml;`,
// `&Scaron;`, `&ccaron;` are a letter and an accent (the `_` entries, combining marks), composed by Unicode.
// Any other name (`&hearts;`, `&alpha;`) stays as literal text: the full HTML5 table has over 2,000 names,
// far too many for the bundle and for names no newsroom writes.
const TABLE =
  '#22 quot #26 amp apos #3c lt #3e gt #a0 nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo ' +
  'not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 ' +
  'iquest #c6 AElig #d0 ETH #d7 times Oslash #de THORN szlig #e6 aelig #f0 eth #f7 divide oslash #fe thorn ' +
  '#152 OElig oelig #192 fnof #2c6 circ #2dc tilde #2002 ensp emsp #2009 thinsp #200c zwnj zwj lrm rlm ' +
  '#2013 ndash mdash #2018 lsquo rsquo sbquo  ldquo rdquo bdquo  dagger Dagger bull #2026 hellip #2030 ' +
  'permil  prime Prime #2039 lsaquo rsaquo #20ac euro #2122 trade #2212 minus #300 _grave _acute _circ ' +
  '_tilde #308 _uml  _ring  _caron #327 _cedil';

// Numeric references 0x80–0x9F mean Windows-1252 in HTML (what `&#150;` meant in the pages and WordPress feeds
// that write it): the names of those characters, in byte order.
const CP1252 = (
  'euro  sbquo fnof bdquo hellip dagger Dagger circ permil Scaron lsaquo OElig  Zcaron   lsquo rsquo ' +
  'ldquo rdquo bull ndash mdash tilde trade scaron rsaquo oelig  zcaron Yuml'
).split(' ');

let names: Record<string, string> | undefined;

/** The letter with the combining accent, when Unicode has it as one character. */
const compose = (letter: string, accent?: string): string | undefined => {
  const c = accent && (letter + accent).normalize();
  return c && c.length < 2 ? c : undefined;
};

const named = (name: string): string | undefined => {
  if (!names) {
    names = Object.create(null) as Record<string, string>;
    let code = 0;
    for (const t of TABLE.split(' ')) {
      if (t[0] === '#') code = parseInt(t.slice(1), 16);
      else {
        if (t) names[t] = String.fromCodePoint(code);
        code++;
      }
    }
  }
  return names[name] ?? compose(name[0]!, names[`_${name.slice(1)}`]);
};

/**
 * Decodes decimal and hex references (the `;` is optional, as in HTML) and the named ones in the table above
 * (their `;` is required, so `?a=1&copy=2` survives). Invalid code points become U+FFFD; unknown names stay.
 */
export const decodeEntities = (s: string): string =>
  !s.includes('&')
    ? s
    : s.replace(
        /&(?:#(\d+);?|#x([\da-f]+);?|([a-z\d]+);)/gi,
        (match, dec?: string, hex?: string, name?: string) => {
          if (name) return named(name) ?? match;
          const c = +(dec ?? '0x' + hex);
          return c > 0 && c < 0x110000 && (c < 0xd800 || c > 0xdfff)
            ? (c > 127 && c < 160 && named(CP1252[c - 128])) || String.fromCodePoint(c)
            : '\uFFFD';
        },
      );

/**
 * Drops control characters, repairs lone surrogates (JSON can carry them; they render as garbage), collapses
 * white space and trims. A single no-break space is kept, since publishers write `10&nbsp;km` on purpose.
 */
const tidy = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\0-\b\v\x0e-\x1f\x7f-\x9f]|\p{Cs}/gu, (c) => (c < '\ud800' ? '' : '\uFFFD'))
    .replace(/\s{2,}|[^\S \xa0\u202f]/g, ' ')
    .trim();

/**
 * Cuts `s` to at most `max` code points, ending in '…' when anything was cut. Prefers to cut at a space near
 * the end so a summary does not stop mid-word. `force` adds the ellipsis even when `s` fits, for text that was
 * already clipped before cleaning.
 */
const cut = (s: string, max: number, force?: boolean): string => {
  if (max < 1 || !s) return '';
  if (s.length <= max && !force) return s;
  // Code points, enough of them to tell whether there are more than `max`.
  const cps = [...s.slice(0, max * 2 + 2)];
  if (cps.length <= max && !force) return s;
  let head = cps.slice(0, max - 1).join('');
  const at = cps[max - 1];
  const space = head.lastIndexOf(' ');
  if (at && at !== ' ' && space > 0 && space >= head.length * 0.8) head = head.slice(0, space);
  return head.trimEnd() + '…';
};

/** Collapses white space, drops control characters and caps an already-decoded string to `max` code points. */
export const tidyText = (s: string, max: number): string => cut(tidy(s), max);

/**
 * Turns a feed field into display text: numbers become strings, anything else that is not a string becomes
 * ''. Entities are decoded but tags are NOT removed: JSON Feed text fields are plain text, so a title such as
 * `Die Rückkehr von <i> und <b>` means those literal characters.
 */
export const cleanText = (raw: unknown, max: number): string => {
  let s = typeof raw === 'string' ? raw : typeof raw === 'number' && isFinite(raw) ? '' + raw : '';
  // Clipping first keeps a megabyte "title" from costing a megabyte of regex work. Only text that shrinks more
  // than 8× when decoded and collapsed (pages of blank space or entities) can lose words to this.
  const budget = max * 8 + 1024;
  const clipped = s.length > budget;
  if (clipped) s = s.slice(0, budget);
  return cut(tidy(decodeEntities(s)), max, clipped);
};

// Elements whose content is never visible text and that can nest, so their end is found by counting (the
// raw-text ones, script, style and the like, end at the first matching end tag: see TOKEN)...
const NESTED = /^(template|svg|math|object|video|audio|canvas)$/;
// ...and the inline tags, the ones that do not separate words when rendered (`in<b>line</b>` is one word). Those
// and the ones above vanish; all other tags (`<p>`, `<br>`, `<li>`, `<td>`, unknown ones) become a space.
const INLINE =
  /^(a|abbr|b|bd[io]|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|su[bp]|time|u|var|wbr)$/;

// One token of HTML: a comment (`<!-->` and `<!--->` are complete ones; unclosed ones run to the end), a `<!...>`
// or `<?...>`, a raw-text element with all its content up to its own end tag (or the end), a tag (`/`, name,
// then attributes, where a quoted value may hold `>` and an unclosed quote runs to the end), a `</...>` that
// names no tag, or text: a run without `<`, or a `<` that starts none of the above.
const TOKEN =
  /<!--(?:-?>|[\s\S]*?(?:--!?>|$))|<[!?][^>]*>?|<(script|style|iframe|noscript|textarea|title|xmp|noembed|noframes)(?![^\t\n\f\r />])[\s\S]*?(?:<\/\1(?![^\t\n\f\r />])[^>]*>?|$)|<(\/?)([a-z][^\t\n\f\r />]*)((?:=\s*(?:"[^"]*"?|'[^']*'?)|[^>])*)>?|<\/[^>]*>?|([^<]+|<)/gi;

/** Tags `htmlToText` may still read; one budget shared by several calls caps their work together. */
export interface TagBudget {
  tags: number;
}

/**
 * Visible text of an HTML fragment, as one line. A small tokenizer rather than a DOM: comments, scripts,
 * styles, iframes, SVG and other non-text elements go with their content; inline tags vanish; all other tags
 * become spaces; entities are decoded per text run so a tag cannot glue two halves of one together. Reading
 * stops at the tag that would overdraw `budget`.
 */
export const htmlToText = (html: string, budget: TagBudget = { tags: Infinity }): string => {
  let hidden: string | undefined;
  let depth = 0;
  const out: string[] = [];
  // An `exec` loop, not `replace` with a callback: V8 runs a callback with capture groups about 15 times slower
  // per match, which let 400,000 `<svg>` tags take seconds.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [, , end, tag, attributes, text] = match;
    if (text) {
      if (!hidden) out.push(decodeEntities(text));
      continue;
    }
    // Tags, not characters, are what costs time: text past the budget's last tag is not read.
    if (--budget.tags < 0) break;
    const name = tag?.toLowerCase();
    if (!name) continue;
    if (end) {
      if (hidden === name && !--depth) hidden = undefined;
    } else if (NESTED.test(name) && !attributes!.endsWith('/')) {
      if (!hidden) {
        hidden = name;
        depth = 1;
      } else if (hidden === name) depth++;
    }
    if (!hidden && !INLINE.test(name) && !NESTED.test(name)) out.push(' ');
  }
  return tidy(out.join(''));
};

/**
 * Words in `text`, for reading time. A word is a run of letters/digits (with combining marks), joined across
 * inner apostrophes, hyphens and dots so "don't", "e-mail" and "3.14" count once. Chinese and Japanese are
 * written without spaces, so each Han/kana character counts as one word: readers get through roughly 1.5–2×
 * as many of those characters per minute as English words, which makes estimates err on the long side, not
 * absurdly short. Thai, Lao, Khmer and Myanmar runs count as one word per space-separated run (an undercount).
 */
export const countWords = (text: string): number => {
  let cjk = 0;
  const words = text
    .replace(/[\p{sc=Hani}\p{sc=Hira}\p{sc=Kana}]/gu, () => (cjk++, ' '))
    .match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.-](?=[\p{L}\p{N}]))*/gu);
  return (words?.length ?? 0) + cjk;
};
