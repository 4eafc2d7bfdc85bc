/**
 * A host page that cannot clobber us. `document` and `window` find elements by name (and `window` by id) before
 * their own properties and inherited methods, so a page — or a reader's comment it shows — holding
 * `<img name="baseURI">` or `<form id="addEventListener">` used to break every relative `src`, the live counts,
 * the gallery's deep links and the page language. This page carries an `<img name>`, a `<form name>` and a
 * `<form id>` for every name the library reads, created before any widget.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultServer, inShadow, serverHits, shadowText, until } from './helpers.js';
import { galleryFeed, manyPhotos, rawFeed, rawItem } from '../fixtures.js';
import type { WireFeedElement } from '../../src/shared/wire-element.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';

const NAMES = [
  'baseURI',
  'documentElement',
  'body',
  'activeElement',
  'visibilityState',
  'hidden',
  'addEventListener',
  'removeEventListener',
  'location',
];

// Taken before the page is clobbered: the test itself needs the real ones.
const body = document.body;
const root = document.documentElement;
const traps: Element[] = [];
const mounted: Element[] = [];

beforeAll(() => {
  for (const name of NAMES) {
    const img = document.createElement('img');
    img.name = name;
    // Were `document.documentElement` this image, widgets would take its language for the page's.
    img.lang = 'ru';
    const named = document.createElement('form');
    named.name = name;
    const identified = document.createElement('form');
    identified.id = name;
    traps.push(img, named, identified);
  }
  body.append(...traps);
});

afterAll(() => traps.forEach((trap) => trap.remove()));

afterEach(() => {
  mounted.splice(0).forEach((element) => element.remove());
  history.replaceState(history.state, '', location.pathname);
});

function mount<T extends WireFeedElement>(tag: string, attributes: Record<string, string> = {}): T {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  body.append(element);
  mounted.push(element);
  return element;
}

const settled = (element: Element) => element.matches(':state(ready), :state(error)');

describe('a page with elements named after what the library reads', () => {
  it('is clobbered as the tests assume', () => {
    expect(document.baseURI).not.toBeTypeOf('string');
    expect(typeof document.addEventListener).not.toBe('function');
  });

  it('loads a feed from a relative src', async () => {
    const card = mount('wire-article-card', { src: '/demo/public/sample-feed.json' });
    await until(() => settled(card), 10_000, 'the feed');
    expect(card.matches(':state(ready)')).toBe(true);
    expect(inShadow(card).getByRole('link', { name: /Kim Jong Un/ })).toBeTruthy();
  });

  it('draws the comment prompt and keeps its count live', async () => {
    const path = `/counts-once/${Math.random().toString(36).slice(2, 8)}`;
    const prompt = mount('wire-comment-prompt');
    prompt.feed = rawFeed([rawItem('story', { _wire: { comments: { count: 1, status: 'open' } } })], {
      feed_url: `${faultServer()}/feed.json`,
      _wire: { comments: { login_url: 'https://news.example/login', count_url: `${faultServer()}${path}` } },
    });
    await prompt.updateComplete;
    expect(inShadow(prompt).getByRole('link', { name: 'log in' })).toBeTruthy();
    await until(() => shadowText(prompt).startsWith('3 comments'), 5000, 'the live count');
    expect(await serverHits(path)).toBe(1);
  });

  it('speaks the page’s language, not that of an image named documentElement', async () => {
    const lang = root.getAttribute('lang');
    root.setAttribute('lang', 'en');
    try {
      const card = mount('wire-article-card');
      const feed = rawFeed([rawItem('story')]);
      delete feed.language;
      card.feed = feed;
      await card.updateComplete;
      expect(shadowText(card)).toContain('September 15, 2023');
    } finally {
      if (lang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', lang);
    }
  });

  it('follows a photo link in the address bar', async () => {
    const gallery = mount('wire-photo-gallery');
    gallery.feed = galleryFeed(manyPhotos(3, '/demo/public/images/'));
    await gallery.updateComplete;
    expect(shadowText(gallery)).toContain('1 / 3');
    location.hash = '#photo-gallery-story-2';
    await until(() => shadowText(gallery).includes('2 / 3'), 5000, 'the linked photo');
  });
});
