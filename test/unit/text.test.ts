import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanText, countWords, decodeEntities, htmlToText, tidyText } from '../../src/feed/text.js';

describe('decodeEntities', () => {
  it.each([
    ['&amp;', '&'],
    ['&lt;&gt;', '<>'],
    ['&quot;&apos;', `"'`],
    ['a&nbsp;b', 'a\u00a0b'],
    ['&ndash;&mdash;', '–—'],
    ['&lsquo;&rsquo;&ldquo;&rdquo;', '‘’“”'],
    ['&hellip;', '…'],
    ['&laquo;x&raquo;', '«x»'],
    ['&copy;&reg;&trade;', '©®™'],
    ['&middot;&bull;', '·•'],
    ['Caf&eacute; &Eacute;cole', 'Café École'],
    ['&euro;&pound;&yen;', '€£¥'],
    ['&szlig;&ouml;&Uuml;', 'ßöÜ'],
    ['&times;&divide;&minus;&frac12;', '×÷−½'],
  ])('decodes named reference %j', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });

  it('decodes decimal and hex references, with or without the semicolon', () => {
    expect(decodeEntities('&#8216;Jokes&#8217;')).toBe('‘Jokes’');
    expect(decodeEntities('&#x2013;&#X2014;&#x1F600;')).toBe('–—😀');
    expect(decodeEntities('&#106avascript')).toBe('javascript');
    expect(decodeEntities('&#039;')).toBe("'");
  });

  it('maps 0x80–0x9F to Windows-1252 like HTML does', () => {
    expect(decodeEntities('&#150;&#151;&#147;x&#148;&#128;')).toBe('–—“x”€');
  });

  it('replaces invalid code points with U+FFFD', () => {
    expect(decodeEntities('&#0;')).toBe('\uFFFD');
    expect(decodeEntities('&#xD800;')).toBe('\uFFFD');
    expect(decodeEntities('&#x110000;')).toBe('\uFFFD');
    expect(decodeEntities('&#99999999999999999999;')).toBe('\uFFFD');
  });

  it('leaves bare ampersands, unknown names and semicolon-less names alone', () => {
    expect(decodeEntities('Q&A & more')).toBe('Q&A & more');
    expect(decodeEntities('&bogus; &#; &#x;')).toBe('&bogus; &#; &#x;');
    expect(decodeEntities('?a=1&copy=2')).toBe('?a=1&copy=2');
  });

  it('is case sensitive like HTML and decodes only once', () => {
    expect(decodeEntities('&Eacute;&eacute;&EACUTE;')).toBe('Éé&EACUTE;');
    expect(decodeEntities('&amp;lt;script&amp;gt;')).toBe('&lt;script&gt;');
  });

  it('leaves names outside the news subset as literal text (HTML would decode these)', () => {
    const rare = '&alpha;&Omega;&hearts;&larr;&AMP;&colon;&NewLine;&ZeroWidthSpace;&check;';
    expect(decodeEntities(rare)).toBe(rare);
    expect(decodeEntities('&toString;&constructor;&__proto__;&hasOwnProperty;')).toBe(
      '&toString;&constructor;&__proto__;&hasOwnProperty;',
    );
  });

  it('agrees with a real HTML parser on every name it knows and on numeric references', () => {
    const names =
      'quot amp apos lt gt nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr ' +
      'deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
      'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH ' +
      'Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave ' +
      'aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ' +
      'ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml OElig ' +
      'oelig Scaron scaron Yuml Zcaron zcaron fnof circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash ' +
      'lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger bull hellip permil prime Prime lsaquo rsaquo euro ' +
      'trade minus';
    const numeric = Array.from({ length: 0x120 }, (_, i) => `&#${i};&#x${i.toString(16)}`).join('');
    const sample =
      names
        .split(' ')
        .map((n) => `&${n};`)
        .join('') +
      numeric +
      '&#0;&#128;&#129;&#xD800;&#xDFFF;&#x10FFFF;&#1114112;&#65;&#x41&#8364&#X20AC;' +
      // Accented letters are composed, which also covers the HTML5 Latin Extended-A names.
      '&ccaron;&Ecaron;&uring;&Cacute;&ncedil;&Scedil;&Utilde;&Ycirc;&ecirc;&Ntilde;';
    const div = new JSDOM('').window.document.createElement('div');
    div.innerHTML = sample;
    expect(decodeEntities(sample)).toBe(div.textContent);
  });
});

describe('htmlToText', () => {
  it('stops at the tag that would overdraw its budget, and spends the budget it is given', () => {
    const budget = { tags: 2 };
    expect(htmlToText('<p>a<p>b<p>c', budget)).toBe('a b');
    expect(htmlToText('<p>d', budget)).toBe('');
  });

  it('strips tags, turns block tags into spaces and collapses white space', () => {
    expect(htmlToText('<p>One <b>bold</b>\n\n move.</p><p>Two</p>')).toBe('One bold move. Two');
    expect(htmlToText('line<br>break<br/>again')).toBe('line break again');
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>')).toBe('a b');
    expect(htmlToText('in<span>line</span>')).toBe('inline');
  });

  it.each([
    ['<script>alert(1)</script>', 'script'],
    ['<SCRIPT type="x">alert(1)</SCRIPT >', 'upper-case script'],
    ['<style>p{color:red}</style>', 'style'],
    ['<template><p>alert(1)</p></template>', 'template'],
    ['<iframe src="https://evil.example/">alert(1)</iframe>', 'iframe'],
    ['<noscript><img src=x onerror=alert(1)></noscript>', 'noscript'],
    ['<svg><text>alert(1)</text><script>alert(1)</script></svg>', 'svg'],
    ['<math><mi>alert(1)</mi></math>', 'math'],
    ['<!-- alert(1) -->', 'comment'],
    ['<!-- a -- alert(1) --!>', 'comment closed with --!>'],
    ['<![CDATA[alert(1)]]>', 'CDATA'],
    ['<?php alert(1) ?>', 'processing instruction'],
  ])('drops %j with its content (%s)', (html) => {
    expect(htmlToText(`before ${html} after`)).toBe('before after');
  });

  it('drops everything after an unclosed script or comment, as a browser would', () => {
    expect(htmlToText('text <script>alert(1)')).toBe('text');
    expect(htmlToText('text <!-- alert(1)')).toBe('text');
    expect(htmlToText('text <style>p{}')).toBe('text');
  });

  it('ends raw-text elements only at their own end tag', () => {
    expect(htmlToText('a<script>document.write("</p>");</scriptx>x</script>b')).toBe('ab');
    expect(htmlToText('a<script>x</script\tfoo>b')).toBe('ab');
  });

  it('counts nesting for elements that nest', () => {
    expect(htmlToText('a<svg><svg><text>x</text></svg>leak</svg>b')).toBe('ab');
    expect(htmlToText('a<template><template>x</template>leak</template>b')).toBe('ab');
    expect(htmlToText('a<svg/>b')).toBe('ab');
  });

  it('does not end a tag at a > inside a quoted attribute', () => {
    expect(htmlToText('<img alt="a > b" title=\'c > d\'>text')).toBe('text');
    expect(htmlToText('<a href="x>y">link</a>')).toBe('link');
  });

  it('keeps a lone < that starts no tag', () => {
    expect(htmlToText('1 < 2 and 3 <= 4')).toBe('1 < 2 and 3 <= 4');
    expect(htmlToText('a </> b </3 c>')).toBe('a b');
  });

  it('decodes entities once, after the markup is gone, so escaped tags stay text', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
    expect(htmlToText('Tom &amp; Jerry&nbsp;&#8211; &quot;hi&quot;')).toBe('Tom & Jerry\u00a0– "hi"');
    expect(htmlToText('&am<b></b>p;')).toBe('&amp;');
  });

  it('drops an unterminated tag instead of showing its attributes', () => {
    expect(htmlToText('visible <a href="x')).toBe('visible');
  });

  it('returns the visible text of a typical blog post', () => {
    const html =
      '<p>Hello <a href="/x">world</a>.</p>\n<figure><img src="a.jpg" alt="A"><figcaption>Caption</figcaption>' +
      '</figure><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script><p>Bye</p>';
    expect(htmlToText(html)).toBe('Hello world. Caption Bye');
  });
});

describe('cleanText', () => {
  it('accepts strings and finite numbers only', () => {
    expect(cleanText('x', 10)).toBe('x');
    expect(cleanText(42, 10)).toBe('42');
    expect(cleanText(-1.5, 10)).toBe('-1.5');
    for (const raw of [undefined, null, true, {}, [], ['x'], NaN, Infinity])
      expect(cleanText(raw, 10)).toBe('');
  });

  it('decodes entities but keeps tags as literal text', () => {
    expect(cleanText('Die Rückkehr von <i> und <b>', 100)).toBe('Die Rückkehr von <i> und <b>');
    expect(cleanText('Fish &amp; Chips &lt;b&gt;', 100)).toBe('Fish & Chips <b>');
  });

  it('drops control characters, collapses white space and trims', () => {
    expect(cleanText('  a\u0000b\u0007c\u009f \t\n\r d\u2028e  ', 100)).toBe('abc d e');
    expect(cleanText('a&#1;b', 100)).toBe('ab');
  });

  it('keeps a single no-break space but collapses runs of them', () => {
    expect(cleanText('10&nbsp;km', 100)).toBe('10\u00a0km');
    expect(cleanText('a&nbsp;&nbsp;&nbsp;b', 100)).toBe('a b');
  });

  it('repairs lone surrogates', () => {
    expect(cleanText('a\uD800b\uDC00c', 100)).toBe('a\uFFFDb\uFFFDc');
    expect(cleanText('😀', 100)).toBe('😀');
  });

  it('caps to max code points with an ellipsis', () => {
    expect(cleanText('abcdef', 6)).toBe('abcdef');
    expect(cleanText('abcdefg', 6)).toBe('abcde…');
    expect(cleanText('abcdefg', 1)).toBe('…');
    expect(cleanText('abc', 0)).toBe('');
    // Astral characters count once and are never split.
    expect(cleanText('😀😀😀😀', 3)).toBe('😀😀…');
    expect([...cleanText('😀'.repeat(50), 10)]).toHaveLength(10);
  });

  it('prefers to cut at a space near the end', () => {
    expect(cleanText('The quick brown fox jumps over the lazy dog', 40)).toBe(
      'The quick brown fox jumps over the lazy…',
    );
    // No space near the end: cut mid-word rather than lose half the text.
    expect(cleanText('Donaudampfschifffahrtsgesellschaft ist lang', 20)).toBe('Donaudampfschifffah…');
  });

  it('clips huge input and still marks it as cut', () => {
    const huge = `${'word '.repeat(2_000_000)}end`;
    const out = cleanText(huge, 300);
    expect([...out].length).toBeLessThanOrEqual(300);
    expect(out.endsWith('…')).toBe(true);
    // Mostly blank input shrinks a lot; the clip still ends in an ellipsis even when the rest fits.
    expect(cleanText(`a${' '.repeat(50_000)}b`, 100)).toBe('a…');
    // ...but text that was nothing but blank space stays empty.
    expect(cleanText(' '.repeat(50_000), 100)).toBe('');
  });
});

describe('tidyText', () => {
  it('does not decode entities a second time', () => {
    expect(tidyText('  &amp;lt;  x ', 100)).toBe('&amp;lt; x');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['— … !!! ---', 0],
    ['one', 1],
    ['The quick brown fox', 4],
    ["don't stop, it's e-mail time: 3.14 or 42", 8],
    ['Größenänderungen über Äpfel', 3],
    ['cafe\u0301 noir', 2],
    ['مرحبا بالعالم', 2],
    ['Привет, мир!', 2],
    ['東京は晴れ', 5],
    ['iPhone の新機能', 5],
    ['한국어 문장입니다', 2],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});
