import { describe, expect, it } from 'vitest';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { checkedLink, isCheckedLink, MAX_URL_LENGTH, safeUrl } from '../../src/feed/url.js';
import { sinkUrl } from '../../src/shared/link.js';

const BASE = 'https://news.example/world/story.html';

describe('safeUrl', () => {
  it('returns the canonical href of absolute http(s) URLs', () => {
    expect(safeUrl('https://news.example/a')).toBe('https://news.example/a');
    expect(safeUrl('HTTP://News.Example')).toBe('http://news.example/');
    expect(safeUrl('https://news.example/a b?q=ü')).toBe('https://news.example/a%20b?q=%C3%BC');
    expect(safeUrl('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
  });

  it('trims surrounding white space', () => {
    expect(safeUrl('  https://news.example/a \n')).toBe('https://news.example/a');
  });

  it('resolves relative URLs against the base', () => {
    expect(safeUrl('/b', BASE)).toBe('https://news.example/b');
    expect(safeUrl('c.jpg', BASE)).toBe('https://news.example/world/c.jpg');
    expect(safeUrl('../up', new URL(BASE))).toBe('https://news.example/up');
    expect(safeUrl('?page=2', BASE)).toBe('https://news.example/world/story.html?page=2');
  });

  it('resolves each URL against the base it is given, when bases alternate or a URL base changes', () => {
    const other = 'https://other.example/sport/';
    for (const [base, expected] of [
      [BASE, 'https://news.example/world/c.jpg'],
      [other, 'https://other.example/sport/c.jpg'],
      ['not a url', undefined],
      [BASE, 'https://news.example/world/c.jpg'],
    ] as const)
      expect(safeUrl('c.jpg', base)).toBe(expected);
    const moving = new URL(BASE);
    expect(safeUrl('c.jpg', moving)).toBe('https://news.example/world/c.jpg');
    moving.pathname = '/moved/';
    expect(safeUrl('c.jpg', moving)).toBe('https://news.example/moved/c.jpg');
  });

  it('drops relative URLs when there is no usable base', () => {
    expect(safeUrl('/b')).toBeUndefined();
    expect(safeUrl('c.jpg', undefined)).toBeUndefined();
    expect(safeUrl('/b', 'not a url')).toBeUndefined();
    // A non-http base is no base at all: nothing resolves against javascript: or data:.
    expect(safeUrl('/b', 'javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('x', 'data:text/html,hi')).toBeUndefined();
  });

  it('reads protocol-relative URLs as https without a base and with the base protocol otherwise', () => {
    expect(safeUrl('//cdn.example/p.jpg')).toBe('https://cdn.example/p.jpg');
    expect(safeUrl('//cdn.example/p.jpg', 'http://news.example/')).toBe('http://cdn.example/p.jpg');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    ' javascript:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/x',
    'blob:https://news.example/uuid',
    'about:blank',
    'mailto:desk@news.example',
    'tel:+15551234',
    'ws://news.example/socket',
    'https://',
    'http://',
  ])('rejects %j with or without a base', (raw) => {
    expect(safeUrl(raw)).toBeUndefined();
    expect(safeUrl(raw, BASE)).toBeUndefined();
  });

  it('treats entity-encoded schemes as harmless relative paths, never as javascript:', () => {
    expect(safeUrl('&#106;avascript:alert(1)')).toBeUndefined();
    expect(safeUrl('&#106;avascript:alert(1)', BASE)).toBe(
      'https://news.example/world/&#106;avascript:alert(1)',
    );
  });

  it('removes credentials but keeps the rest of the URL', () => {
    expect(safeUrl('https://user:secret@news.example/p?q=1#f')).toBe('https://news.example/p?q=1#f');
    expect(safeUrl('https://user@news.example/')).toBe('https://news.example/');
  });

  it('rejects non-strings', () => {
    for (const raw of [undefined, null, 42, true, {}, [], ['https://news.example/'], new URL(BASE)]) {
      expect(safeUrl(raw)).toBeUndefined();
    }
  });

  it('rejects empty and blank strings', () => {
    expect(safeUrl('')).toBeUndefined();
    expect(safeUrl('   ', BASE)).toBeUndefined();
  });

  it(`caps length at ${MAX_URL_LENGTH} characters, before and after canonicalisation`, () => {
    const prefix = 'https://news.example/';
    const fits = prefix + 'a'.repeat(MAX_URL_LENGTH - prefix.length);
    expect(safeUrl(fits)).toBe(fits);
    expect(safeUrl(fits + 'a')).toBeUndefined();
    // Percent-encoding makes the canonical form six times longer than this input.
    expect(safeUrl(prefix + 'é'.repeat(1000))).toBeUndefined();
    expect(safeUrl(prefix + 'é'.repeat(300))).toBe(prefix + '%C3%A9'.repeat(300));
  });

  it('never returns a URL with white space or control characters in it', () => {
    expect(safeUrl('https://news.example/a\u0007b')).toBe('https://news.example/a%07b');
    expect(safeUrl('https://news.ex\u0000ample/')).toBeUndefined();
  });
});

describe('safeUrl output', () => {
  it('is a fixed point: a URL safeUrl returned comes back unchanged, anything else is changed or refused', () => {
    const same = (s: string): boolean => safeUrl(s) === s;
    expect(same('https://news.example/a')).toBe(true);
    expect(same('http://news.example/')).toBe(true);
    expect(same('https://news.example')).toBe(false); // not canonical: no path
    expect(same('//news.example/a')).toBe(false);
    expect(same('/a')).toBe(false);
    expect(same('https://u:p@news.example/')).toBe(false);
    expect(same('javascript:alert(1)')).toBe(false);
    expect(same(' https://news.example/a')).toBe(false);
  });
});

describe('safeUrl with and without a base', () => {
  it('resolves only relative references against the base; absolute and unusable ones ignore it', () => {
    for (const relative of ['/a', 'a/b.jpg', '?q=1']) {
      expect(safeUrl(relative)).toBeUndefined();
      expect(safeUrl(relative, BASE)).toMatch(/^https:\/\/news\.example\//);
    }
    expect(safeUrl('https://other.example/', BASE)).toBe('https://other.example/');
    expect(safeUrl('javascript:alert(1)', BASE)).toBeUndefined();
    expect(safeUrl('//cdn.example/x', BASE)).toBe('https://cdn.example/x');
    expect(safeUrl('', BASE)).toBeUndefined();
    expect(safeUrl(3, BASE)).toBeUndefined();
  });
});

describe('the links the normaliser notes for sinkUrl', () => {
  it("are a story's own links, resolved; its pictures and the links widgets draw once are checked where drawn", () => {
    normalizeFeed(
      {
        version: 'https://jsonfeed.org/version/1.1',
        home_page_url: 'https://news.example/',
        items: [{ id: 'a', url: '/a', external_url: 'https://other.example/b', image: '/a.jpg' }],
      },
      'https://news.example/feed.json',
    );
    expect(['https://news.example/a', 'https://other.example/b'].filter(isCheckedLink)).toHaveLength(2);
    expect(['/a', 'https://news.example/a.jpg', 'https://news.example/'].filter(isCheckedLink)).toEqual([]);
    // Noted or not, what the sink lets through is what safeUrl passes.
    expect(sinkUrl('https://news.example/a')).toBe('https://news.example/a');
    expect(sinkUrl('https://news.example/')).toBe('https://news.example/');
    expect(sinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(sinkUrl({ toString: () => 'https://news.example/a' } as unknown as string)).toBeUndefined();
  });

  it('keep the newest 2048, the oldest going first', () => {
    const link = (i: number) => `https://news.example/story/${i}`;
    for (let i = 0; i <= 2048; i++) checkedLink(safeUrl(link(i)));
    expect([0, 1, 2048].map((i) => isCheckedLink(link(i)))).toEqual([false, true, true]);
    // Noting one again does not move it, nor push another out.
    checkedLink(link(1));
    expect([1, 2, 2048].map((i) => isCheckedLink(link(i)))).toEqual([true, true, true]);
  });
});
