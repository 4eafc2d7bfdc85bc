/**
 * Syndication rights under Node: the reader of `_wire.rights`, `_wire.correction`, `_wire.source` and photo
 * licences; the rules of `rights.ts` at driven instants; and the server renderer refusing or redacting a story.
 */
import { getByRole, getByText, queryByRole, queryByText } from '@testing-library/dom';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeFeed } from '../../src/feed/normalize.js';
import { forPage, nextRightsChange, rightsState, rightsSummary } from '../../src/feed/rights.js';
import type { Feed, FeedItem } from '../../src/feed/types.js';
import { relatedStories } from '../../src/components/related-story/related.js';
import { RenderError, renderWidget } from '../../src/ssr/render.js';
import { EDNOTE, rawFeed, rawItem, rightsFeed } from '../fixtures.js';
import '../../src/define.js';

const NOW = Date.parse('2024-06-01T12:00:00Z');
const HOUR = 3_600_000;

const read = (raw: unknown) => normalizeFeed(raw, 'https://news.example/feed.json');
const feedAt = (now: number): Feed => read(rightsFeed(now)).feed!;
const itemOf = (feed: Feed, id: string): FeedItem => feed.items.find((item) => item.id === id)!;
const one = (wire: Record<string, unknown>) => read(rawFeed([rawItem('a', { _wire: wire })]));

describe('normalizeFeed: _wire.rights, correction, source', () => {
  it('reads rights with their defaults: usable, no times, empty notices', () => {
    expect(one({}).feed!.items[0]!.rights).toEqual({
      pubstatus: 'usable',
      copyrightHolder: '',
      copyrightNotice: '',
      usageTerms: '',
    });
    const { feed, warnings } = one({
      rights: {
        embargoed: '2024-06-01T13:00:00+02:00',
        expires: '2024-07-01T00:00:00Z',
        pubstatus: 'withheld',
        copyright_holder: 'Example Agency',
        copyright_notice: '© 2024 Example Agency',
        usage_terms: 'Editorial use only',
      },
    });
    expect(warnings).toEqual([]);
    expect(feed!.items[0]!.rights).toEqual({
      embargoed: '2024-06-01T11:00:00.000Z',
      expires: '2024-07-01T00:00:00.000Z',
      pubstatus: 'withheld',
      copyrightHolder: 'Example Agency',
      copyrightNotice: '© 2024 Example Agency',
      usageTerms: 'Editorial use only',
    });
  });

  it('reads a British "cancelled" as a kill and withholds an item whose pubstatus it does not know', () => {
    expect(one({ rights: { pubstatus: 'Cancelled' } }).feed!.items[0]!.rights.pubstatus).toBe('canceled');
    for (const word of ['draft', 'withdrawn']) {
      const { feed, warnings } = one({ rights: { pubstatus: word } });
      expect(rightsState(feed!.items[0]!, NOW)).toBe('withheld');
      expect(warnings).toEqual([
        expect.stringContaining('items[0]._wire.rights.pubstatus: not usable, withheld'),
        'items[0]._wire.rights.pubstatus: unreadable status; item withheld',
      ]);
    }
  });

  it('withholds an item whose expiry cannot be read, rather than showing it past the end of its licence', () => {
    for (const expires of ['2020-02-30T00:00:00Z', 'Mon, 1 Jun 2020 00:00 +0000 (UTC)', 42]) {
      const { feed, warnings } = one({ rights: { expires } });
      expect(rightsState(feed!.items[0]!, NOW)).toBe('withheld');
      expect(warnings).toContain('items[0]._wire.rights.expires: unreadable expiry; item withheld');
    }
    // Absent is not unreadable.
    expect(rightsState(one({ rights: {} }).feed!.items[0]!, NOW)).toBe('usable');
  });

  it('withholds an item whose embargo cannot be read, rather than publishing it early', () => {
    const { feed, warnings } = one({ rights: { embargoed: 'next Tuesday' } });
    expect(feed!.items[0]!.rights.pubstatus).toBe('withheld');
    expect(rightsState(feed!.items[0]!, NOW)).toBe('withheld');
    expect(warnings).toContain('items[0]._wire.rights.embargoed: unreadable embargo; item withheld');
  });

  it('reads a dated correction and a source; drops a correction without text and a source without a name', () => {
    const item = one({
      correction: { date: '2023-09-16T10:00:00Z', text: 'An earlier version misnamed the shipyard.' },
      source: { name: 'Example Agency', url: 'https://agency.example/', logo: 'javascript:alert(1)' },
    }).feed!.items[0]!;
    expect(item.correction).toEqual({
      date: '2023-09-16T10:00:00.000Z',
      text: 'An earlier version misnamed the shipyard.',
    });
    expect(item.source).toEqual({ name: 'Example Agency', url: 'https://agency.example/' });
    const { feed, warnings } = one({
      correction: { date: '2023-09-16' },
      source: { url: 'https://a.example/' },
    });
    expect(feed!.items[0]!.correction).toBeUndefined();
    expect(feed!.items[0]!.source).toBeUndefined();
    expect(warnings).toEqual([
      'items[0]._wire.correction: no text; dropped',
      'items[0]._wire.source: no name; dropped',
    ]);
  });

  it('reads photo usage terms and `syndication: false`; anything but a boolean is the default, with a warning', () => {
    const gallery = one({
      gallery: [
        { url: 'https://img.example/1.jpg', usage_terms: 'Not for syndication', syndication: false },
        { url: 'https://img.example/2.jpg' },
        { url: 'https://img.example/3.jpg', syndication: 'no' },
      ],
    });
    expect(gallery.feed!.items[0]!.gallery.map((p) => [p.usageTerms, p.syndication])).toEqual([
      ['Not for syndication', false],
      ['', true],
      ['', true],
    ]);
    expect(gallery.warnings).toEqual(['items[0]._wire.gallery[2].syndication: not true or false: "no"']);
  });

  it('keeps the raw content_html for <wire-story> alone, capped; empty when absent', () => {
    const html = '<p>Body <script>x()</script></p>';
    expect(read(rawFeed([rawItem('a', { content_html: html })])).feed!.items[0]!.contentHtml).toBe(html);
    expect(read(rawFeed([rawItem('a')])).feed!.items[0]!.contentHtml).toBe('');
  });

  it('drops _wire.ednote: no field of the model carries it', () => {
    const { feed } = read(rightsFeed(NOW));
    expect(feed!.items).toHaveLength(8);
    expect(JSON.stringify(feed)).not.toContain(EDNOTE);
    expect(JSON.stringify(feed)).not.toContain('ednote');
  });
});

describe('rightsState and nextRightsChange on a driven clock', () => {
  const feed = feedAt(NOW);
  const at = (id: string, now: number) => rightsState(itemOf(feed, id), now);

  it('gives each fixture its state at NOW', () => {
    expect(feed.items.map((item) => [item.id, rightsState(item, NOW)])).toEqual([
      ['usable', 'usable'],
      ['embargoed', 'embargoed'],
      ['expired', 'expired'],
      ['expiring', 'usable'],
      ['withheld', 'withheld'],
      ['canceled', 'canceled'],
      ['corrected', 'usable'],
      ['partner-only', 'usable'],
    ]);
  });

  it('lifts an embargo at its instant, and expires an item at its instant', () => {
    expect(at('embargoed', NOW + HOUR - 1)).toBe('embargoed');
    expect(at('embargoed', NOW + HOUR)).toBe('usable');
    expect(at('expiring', NOW + HOUR - 1)).toBe('usable');
    expect(at('expiring', NOW + HOUR)).toBe('expired');
  });

  it('names the next instant the state changes, and none when it never will', () => {
    expect(nextRightsChange(itemOf(feed, 'embargoed'), NOW)).toBe(NOW + HOUR);
    expect(nextRightsChange(itemOf(feed, 'expiring'), NOW)).toBe(NOW + HOUR);
    expect(nextRightsChange(itemOf(feed, 'expired'), NOW)).toBeUndefined();
    expect(nextRightsChange(itemOf(feed, 'usable'), NOW)).toBeUndefined();
  });

  it('ranks the embargo over a kill, and a kill over an expiry (a killed story gets no link back)', () => {
    const both = one({
      rights: {
        embargoed: new Date(NOW + HOUR).toISOString(),
        expires: new Date(NOW + 2 * HOUR).toISOString(),
        pubstatus: 'canceled',
      },
    }).feed!.items[0]!;
    expect(rightsState(both, NOW)).toBe('embargoed');
    expect(rightsState(both, NOW + HOUR)).toBe('canceled');
    expect(rightsState(both, NOW + 3 * HOUR)).toBe('canceled');
    // The expiry changes nothing a reader sees, so the only change is the embargo lifting.
    expect(nextRightsChange(both, NOW)).toBe(NOW + HOUR);
    expect(nextRightsChange(both, NOW + HOUR)).toBeUndefined();
  });
});

describe("rightsSummary: what a feed's widgets ask after each update, kept until an item's rights change", () => {
  // The answer computed afresh, item by item, to hold the kept one to.
  const fresh = (items: readonly FeedItem[], now: number) => ({
    known: items.filter((item) => rightsState(item, now) !== 'embargoed').length,
    next: items
      .map((item) => nextRightsChange(item, now))
      .filter((at) => at !== undefined)
      .sort((a, b) => a - b)[0],
  });
  const summary = (items: readonly FeedItem[], now: number) => {
    const { known, next } = rightsSummary(items, now);
    return { known, next };
  };

  it('counts the items out of embargo and names the next change, at each instant, as each item would', () => {
    const { items } = feedAt(NOW);
    // Forwards across the embargo's lift and the expiry, then back before both: a reader's clock can be reset.
    const instants = [
      NOW,
      NOW + 1,
      NOW + HOUR - 1,
      NOW + HOUR,
      NOW + HOUR + 1,
      NOW + 5 * HOUR,
      NOW - HOUR,
      NOW,
    ];
    for (const now of instants)
      expect(summary(items, now), new Date(now).toISOString()).toEqual(fresh(items, now));
    expect(summary(items, NOW)).toEqual({ known: 7, next: NOW + HOUR });
    expect(summary(items, NOW + HOUR)).toEqual({ known: 8, next: undefined });
  });

  it('answers for each list of items on its own', () => {
    const current = feedAt(NOW).items;
    // The same fixtures built two hours earlier: their embargo and expiry fall an hour before NOW.
    const older = feedAt(NOW - 2 * HOUR).items;
    expect(summary(current, NOW).known).toBe(7);
    expect(summary(older, NOW)).toEqual({ known: 8, next: undefined });
    expect(summary(current, NOW)).toEqual(fresh(current, NOW));
  });
});

describe('relatedStories and rights', () => {
  it('reads a related story named by an object as the feed item it names, killed or expired', () => {
    const feed = feedAt(NOW);
    const usable = itemOf(feed, 'usable');
    const killed = itemOf(feed, 'canceled');
    const expired = itemOf(feed, 'expired');
    // The publisher's list names the stories as objects of their own, with no rights: by URL, and by id.
    usable.related = [
      { id: 'elsewhere', url: killed.url!, title: 'A killed story under another id', section: '' },
      {
        id: 'expired',
        url: 'https://news.example/other',
        title: 'An expired story under another URL',
        section: '',
      },
    ];
    const chosen = relatedStories(feed, 'usable', 5, NOW);
    expect(chosen.map((story) => story.title)).not.toContain('A killed story under another id');
    expect(chosen.some((story) => story.url === killed.url)).toBe(false);
    // The expired story is the feed's item, which the list draws as a link back.
    expect(chosen[0]).toBe(expired);
  });
});

describe('forPage: photos licensed for the publisher only', () => {
  const feed = feedAt(NOW);
  const item = itemOf(feed, 'partner-only');

  it('leaves them out on a partner page and on the server, keeps them on the publisher site', () => {
    const alts = (page: string | undefined) => forPage(feed, item, page).gallery.map((p) => p.alt);
    expect(alts('https://partner.example/news')).toEqual(['Shown to partners']);
    expect(alts(undefined)).toEqual(['Shown to partners']);
    expect(alts('https://news.example/world/story')).toEqual(['Shown to partners', 'Own site only']);
  });
});

describe('renderWidget and rights', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function parse(snippet: string, tag: string) {
    const { window } = new JSDOM(`<!doctype html><body>${snippet}</body>`);
    const host = window.document.querySelector(tag)!;
    const template = host.querySelector(':scope > template[shadowrootmode="open"]') as HTMLTemplateElement;
    const shadow = window.document.createElement('div');
    shadow.append(template.content.cloneNode(true));
    return { shadow, inline: window.document.querySelector('script')!.textContent! };
  }

  it('refuses an embargoed item with the reason, and renders it once the embargo has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const raw = rightsFeed(NOW);
    await expect(renderWidget(raw, { widget: 'article-card', item: 'embargoed' })).rejects.toThrow(
      new RenderError('item "embargoed" is under embargo until 2024-06-01T13:00:00.000Z'),
    );
    vi.setSystemTime(NOW + HOUR);
    const { shadow } = parse(
      await renderWidget(raw, { widget: 'article-card', item: 'embargoed' }),
      'wire-article-card',
    );
    getByRole(shadow, 'link', { name: 'Headline of embargoed' });
  });

  it('writes neither the text nor the photos of a withdrawn story into the snippet, only its notice', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { shadow, inline } = parse(
      await renderWidget(rightsFeed(NOW), { widget: 'article-card', item: 'canceled' }),
      'wire-article-card',
    );
    getByText(shadow, 'This story has been withdrawn.');
    expect(queryByRole(shadow, 'img')).toBeNull();
    expect(queryByText(shadow, /Headline of canceled/)).toBeNull();
    expect(inline).not.toContain('Headline of canceled');
    expect(inline).not.toContain('kim-factory');
    expect(inline).toContain('"pubstatus":"canceled"');
  });

  it('leaves embargoed, withheld and withdrawn stories out of a related list and its inline feed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const { shadow, inline } = parse(
      await renderWidget(rightsFeed(NOW), {
        widget: 'related-story',
        attributes: { 'related-to': 'usable', limit: '5' },
      }),
      'wire-related-story',
    );
    // Of the seven other stories, the embargoed, withheld and withdrawn ones are left out.
    expect(shadow.querySelectorAll('li')).toHaveLength(4);
    getByRole(shadow, 'link', { name: 'Read it on the original site' });
    for (const id of ['embargoed', 'withheld', 'canceled']) expect(inline).not.toContain(`"id":"${id}"`);
    expect(queryByText(shadow, 'Headline of expired')).toBeNull();
    getByRole(shadow, 'link', { name: 'Headline of corrected' });
    expect(inline).not.toContain(EDNOTE);
  });
});
