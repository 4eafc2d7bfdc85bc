/**
 * Suite 1 of the hardening issue: hostile feed content. Every hostile string (our own cases plus DOMPurify's
 * payloads and the Big List of Naughty Strings from ../shared/corpus) goes into every field the widgets read, and
 * every listed widget renders it. Nothing may run, no unsafe URL may reach the DOM, and markup stays text.
 */
import '../../src/define.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audit,
  corpusFile,
  createWidget,
  deepElements,
  deepText,
  definedWidgets,
  installTripwire,
  lightbox,
  settle,
  showItem,
  type Tripwire,
} from '../hostile/dom.js';
import {
  CORPUS_XSS,
  corpusStrings,
  feedFieldFeeds,
  FEED_FIELD_NAMES,
  hostileStrings,
  ITEM_FIELD_NAMES,
  itemFieldFeeds,
  LITERAL,
} from '../hostile/payloads.js';
import { cleanup, faultServer, mount } from './helpers.js';

const SUITE = 'hostile-content';
const widgets = definedWidgets(SUITE);
let strings: string[] = [];
let tripwire: Tripwire;
/** Relative hostile strings resolve here: a local 404, never the network. */
const base = () => `${faultServer()}/hostile/`;

beforeAll(async () => {
  const dompurify = await corpusFile<unknown>(faultServer(), CORPUS_XSS.dompurify, SUITE);
  const naughty = await corpusFile<unknown>(faultServer(), CORPUS_XSS.naughty, SUITE);
  strings = hostileStrings(corpusStrings(dompurify, naughty));
  tripwire = installTripwire();
});

afterAll(() => {
  tripwire.dispose();
  cleanup();
});

/** Lets image errors, lazy loads and any queued handler run before the tripwire is read. */
const drain = () => new Promise((resolve) => setTimeout(resolve, 50));

function record(problems: string[], where: string, found: string[]): void {
  for (const problem of found) if (problems.length < 30) problems.push(`${where}: ${problem}`);
}

describe('hostile feed content', () => {
  it('puts every hostile string into every item field and no widget runs script or renders an unsafe URL', async () => {
    const feeds = itemFieldFeeds(strings, base());
    const problems: string[] = [];
    let renders = 0;
    for (const config of widgets) {
      const root = mount('');
      for (const { feed, ids } of feeds) {
        const element = createWidget(config, { first: ids[0]!, ids }, ids[0]);
        element.feed = feed;
        root.append(element);
        for (const id of ids) {
          showItem(element, config, id);
          await settle(element);
          renders++;
          record(problems, `${config.name} item ${id}`, audit(element));
          if (await lightbox(element, config, 'open')) {
            record(problems, `${config.name} item ${id} lightbox`, audit(element));
            await lightbox(element, config, 'close');
          }
        }
        await drain();
        record(problems, config.name, tripwire.problems());
        tripwire.reset();
        element.remove();
      }
      root.remove();
    }
    console.info(
      `[${SUITE}] ${strings.length} strings × ${ITEM_FIELD_NAMES.length} item fields, ` +
        `${widgets.length} widget configurations, ${renders} renders`,
    );
    expect(problems).toEqual([]);
  }, 600_000);

  it('puts every hostile string into every feed-level field (publisher, comment URLs, …)', async () => {
    const feeds = feedFieldFeeds(strings, base());
    const problems: string[] = [];
    for (const config of widgets) {
      const root = mount('');
      const element = createWidget(config, { first: feeds[0]!.ids[0]!, ids: feeds[0]!.ids });
      root.append(element);
      for (const { feed } of feeds) {
        element.feed = feed;
        await settle(element);
        record(problems, config.name, audit(element));
      }
      await drain();
      record(problems, config.name, tripwire.problems());
      tripwire.reset();
      root.remove();
    }
    console.info(
      `[${SUITE}] ${strings.length} strings × ${FEED_FIELD_NAMES.length} feed fields, ` +
        `${widgets.length} widget configurations, ${feeds.length * widgets.length} renders`,
    );
    expect(problems).toEqual([]);
  }, 600_000);

  it('shows markup from the feed as the characters it is, never as elements', async () => {
    const text = (field: string) => `${LITERAL} ${field}`;
    const photo = (field: string) => ({
      url: `${base()}x.svg`,
      width: 40,
      height: 30,
      alt: text(`${field} alt`),
      caption: text(`${field} caption`),
      credit_text: text(`${field} credit`),
      creator: text(`${field} creator`),
      copyright_notice: text(`${field} copyright`),
    });
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: text('feed title'),
      home_page_url: base(),
      items: ['a', 'b'].map((id) => ({
        id,
        url: `https://news.example/${id}`,
        title: text(`${id} title`),
        summary: text(`${id} summary`),
        tags: [text('tag')],
        authors: [{ name: text('author') }],
        _wire: {
          kicker: text('kicker'),
          section: text('section'),
          dateline: text('dateline'),
          image: photo('image'),
          gallery: [photo('gallery 1'), photo('gallery 2')],
          related: [
            id === 'a' ? 'b' : 'a',
            { id: 'r', url: 'https://news.example/r', title: text('related') },
          ],
          comments: { count: 2, status: 'open' },
        },
      })),
    };
    const problems: string[] = [];
    const root = mount('');
    for (const config of widgets) {
      const element = createWidget(config, { first: 'a', ids: ['a', 'b'] });
      element.feed = feed;
      root.append(element);
      await settle(element);
      const shown = deepText(element);
      const bold = [...deepElements(element)].filter(
        (el) => el.localName === 'b' || el.id === 'wire-literal',
      );
      if (bold.length) problems.push(`${config.name}: ${bold.length} <b> elements from feed text`);
      const literal = config.showsFeedText === false ? undefined : LITERAL;
      const userName = element.getAttribute('user-name');
      for (const expected of [literal, userName]) {
        if (expected && !shown.includes(expected))
          problems.push(
            `${config.name}: ${JSON.stringify(expected)} not shown as text in ${JSON.stringify(shown)}`,
          );
      }
      record(problems, config.name, audit(element));
    }
    await drain();
    record(problems, 'literal', tripwire.problems());
    tripwire.reset();
    root.remove();
    expect(problems).toEqual([]);
  });

  it('reads protocol-relative URLs as https on an https page base, never as anything else', async () => {
    const relative = '//evil.example/x';
    const photo = {
      url: `${relative}.svg`,
      permalink: relative,
      license: relative,
      credit_text: 'c',
      creator: 'c',
    };
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      home_page_url: 'https://news.example/',
      _wire: { comments: { login_url: relative, register_url: relative } },
      items: [
        {
          id: 'a',
          url: relative,
          title: 'Protocol-relative',
          image: `${relative}.svg`,
          authors: [{ name: 'n', url: relative, avatar: relative }],
          _wire: { image: photo, gallery: [photo], related: [{ id: 'r', url: relative, title: 'r' }] },
        },
      ],
    };
    const problems: string[] = [];
    let seen = 0;
    const root = mount('');
    for (const config of widgets) {
      const element = createWidget(config, { first: 'a', ids: ['a'] });
      element.feed = feed;
      root.append(element);
      await settle(element);
      for (const el of deepElements(element))
        for (const { name, value } of el.attributes) {
          if (!value.includes('evil.example')) continue;
          seen++;
          if (!value.startsWith('https://evil.example/')) problems.push(`${config.name}: ${name}=${value}`);
        }
    }
    root.remove();
    expect(problems).toEqual([]);
    if (widgets.length) expect(seen).toBeGreaterThan(0);
  });
});
