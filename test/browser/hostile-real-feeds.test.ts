/**
 * Suite 3 of the hardening issue: every real-world feed in ../shared/corpus/feeds, loaded over HTTP through the
 * fault server, rendered by every listed widget on every item. No uncaught error, entities decoded, every URL
 * absolute http(s) (relative ones resolved), and the two broken files end in the fallback with the right reason.
 */
import '../../src/define.js';
import { clearFeedCache } from '../../src/feed/loader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audit,
  corpusFile,
  createWidget,
  deepText,
  definedWidgets,
  installTripwire,
  settle,
  showItem,
  watchOutcome,
  type Tripwire,
} from '../hostile/dom.js';
import { cleanup, faultServer, inShadow, mount, until } from './helpers.js';
import { normalizeFeed } from '../../src/feed/normalize.js';

const SUITE = 'hostile-real-feeds';
const widgets = definedWidgets(SUITE);
const BROKEN: Record<string, string> = {
  'Ranchero-Software_RSParser__allthis-partial.json': 'parse',
  'Ranchero-Software_RSParser__ScriptingNews.json': 'invalid',
};
let files: string[] = [];
let tripwire: Tripwire;

beforeAll(async () => {
  clearFeedCache();
  const listing = await corpusFile<string[]>(faultServer(), 'feeds/', SUITE);
  files = (listing ?? []).filter((name) => name.endsWith('.json'));
  tripwire = installTripwire();
});

afterAll(() => {
  tripwire.dispose();
  cleanup();
  clearFeedCache();
});

/** A character reference left in text a reader sees: the entity was not decoded. */
const ENTITY = /&(?:#\d+|#x[\da-f]+|amp|lt|gt|quot|apos|nbsp|rsquo|lsquo|rdquo|ldquo|hellip|mdash|ndash);/i;

describe('real feeds from ../shared/corpus/feeds', () => {
  it('renders every item of every real feed in every widget', async () => {
    const good = files.filter((file) => !(file in BROKEN));
    if (!good.length) console.warn(`[${SUITE}] no corpus feeds found; skipped`);
    const problems: string[] = [];
    let renders = 0;
    for (const file of good) {
      const src = `${faultServer()}/corpus/feeds/${file}`;
      // The ids as the widgets will see them, from the same normaliser and the same base URL.
      const raw: unknown = await (await fetch(src)).json();
      const items = normalizeFeed(raw, src).feed?.items ?? [];
      const ids = items.map((item) => item.id);
      if (!ids.length) problems.push(`${file}: no items`);
      for (const config of widgets) {
        const root = mount('');
        const element = createWidget(config, { first: ids[0]!, ids }, ids[0]);
        const outcome = watchOutcome(element);
        element.src = src;
        root.append(element);
        await until(() => outcome.last() !== undefined, 10_000, `${config.name} on ${file}`);
        if (outcome.last()?.type !== 'load')
          problems.push(`${config.name} ${file}: ${JSON.stringify(outcome.last())}`);
        for (const id of ids) {
          showItem(element, config, id);
          await settle(element);
          renders++;
          const where = `${config.name} ${file} item ${id}`;
          for (const problem of audit(element)) problems.push(`${where}: ${problem}`);
          const shown = deepText(element);
          const title = items.find((item) => item.id === id)?.title;
          // The card's headline is the item's title, decoded once by the normaliser.
          if (config.tag === 'wire-article-card' && title && !shown.includes(title))
            problems.push(`${where}: title ${JSON.stringify(title)} not shown`);
          const entity = ENTITY.exec(shown);
          if (entity)
            problems.push(`${where}: undecoded ${entity[0]} in ${JSON.stringify(shown.slice(0, 200))}`);
          if (outcome.last()?.type !== 'load') problems.push(`${where}: ${JSON.stringify(outcome.last())}`);
        }
        root.remove();
      }
    }
    console.info(
      `[${SUITE}] ${good.length} feeds × ${widgets.length} widget configurations, ${renders} item renders`,
    );
    expect(problems.slice(0, 30)).toEqual([]);
    expect(tripwire.problems()).toEqual([]);
  }, 600_000);

  it('decodes entities in titles: what the reader sees is the character', async () => {
    const file = 'Ranchero-Software_RSParser__pxlnv.json';
    if (!files.includes(file)) return console.warn(`[${SUITE}] ${file} not in the corpus; skipped`);
    const src = `${faultServer()}/corpus/feeds/${file}`;
    const raw = (await (await fetch(src)).json()) as { items: { id: string; title?: string }[] };
    const entry = raw.items.find((item) => item.title?.includes('&#8216;'))!;
    const decoded = entry.title!.replace(/&#8216;/g, '\u2018').replace(/&#8217;/g, '\u2019');
    const cards = widgets.filter((config) => config.tag === 'wire-article-card');
    for (const config of cards) {
      const root = mount('');
      const element = createWidget(config, { first: entry.id, ids: [entry.id] }, entry.id);
      const outcome = watchOutcome(element);
      element.src = src;
      root.append(element);
      await until(() => outcome.last() !== undefined, 10_000, 'load');
      await settle(element);
      // The reader sees the curly quotes in the card's headline, not the entity.
      expect(inShadow(element).getByRole('heading', { name: decoded })).toBeTruthy();
      root.remove();
    }
  });

  it('resolves relative and protocol-relative URLs to absolute https/http URLs', async () => {
    const file = 'feed-rs_feed-rs__jsonfeed_elastic_1.1.json';
    if (!files.includes(file)) return console.warn(`[${SUITE}] ${file} not in the corpus; skipped`);
    const src = `${faultServer()}/corpus/feeds/${file}`;
    const cards = widgets.filter((config) => config.tag === 'wire-article-card' && !config.attributes);
    for (const config of cards) {
      const root = mount('');
      const element = createWidget(config, { first: '', ids: [] });
      const outcome = watchOutcome(element);
      element.src = src;
      root.append(element);
      await until(() => outcome.last() !== undefined, 10_000, 'load');
      await settle(element);
      // The feed's author avatars are `//images.ctfassets.net/…`: resolved against the feed's https home page.
      const avatars = [...element.shadowRoot!.querySelectorAll('img')].map(
        (img) => img.getAttribute('src') ?? '',
      );
      const ctf = avatars.filter((value) => value.includes('ctfassets'));
      expect(ctf.length, 'avatars shown').toBeGreaterThan(0);
      for (const value of ctf) expect(value).toMatch(/^https:\/\/images\.ctfassets\.net\//);
      expect(audit(element)).toEqual([]);
      root.remove();
    }
  });

  it('shows the fallback for the two broken files: truncated JSON (parse) and RSS as JSON (invalid)', async () => {
    for (const [file, reason] of Object.entries(BROKEN)) {
      if (!files.includes(file)) {
        console.warn(`[${SUITE}] ${file} not in the corpus; skipped`);
        continue;
      }
      for (const config of widgets) {
        const root = mount('');
        const element = createWidget(config, { first: 'x', ids: ['x'] });
        const outcome = watchOutcome(element);
        element.src = `${faultServer()}/corpus/feeds/${file}`;
        root.append(element);
        await until(() => outcome.last() !== undefined, 10_000, `${config.name} on ${file}`);
        await settle(element);
        expect(outcome.last(), `${config.name} ${file}`).toMatchObject({ type: 'error', reason });
        if (config.fallback !== 'none') expect(deepText(element), config.name).not.toBe('');
        root.remove();
      }
    }
    expect(tripwire.problems()).toEqual([]);
  });
});
