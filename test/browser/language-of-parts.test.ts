/**
 * A partner's page in one language, the publisher's feed in another: a screen reader reads each piece of text in the
 * language of the nearest `lang`, so the story's own text must say it is English while the widget's words follow
 * the page (WCAG 3.1.2, language of parts).
 */
import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { clearFeedCache } from '../../src/feed/loader.js';
import { cleanup, mount, until } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import '../../src/components/feed/feed.define.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/related-story/related-story.define.js';
import '../../src/components/photo-gallery/photo-gallery.define.js';
import '../../src/components/story/story.define.js';

/** The sample feed, in English (`"language": "en"`); in the browser project it is served from demo/public. */
const SAMPLE = '/demo/public/sample-feed.json';
const SEED = 'kim-jong-un-komsomolsk-on-amur';

afterEach(() => {
  cleanup();
  clearFeedCache();
});

const WIDGETS = `<wire-feed src="${SAMPLE}">
  <wire-article-card item="${SEED}"></wire-article-card>
  <wire-related-story related-to="${SEED}" limit="2"></wire-related-story>
  <wire-photo-gallery item="${SEED}"></wire-photo-gallery>
  <wire-story item="${SEED}"></wire-story>
</wire-feed>`;

/** The page's widgets once each has drawn the story. */
async function drawn(markup: string) {
  const root = mount(markup);
  const widgets = [...root.querySelectorAll('wire-feed > [item], wire-feed > [related-to]')];
  await until(
    () =>
      widgets.every((widget) => widget.shadowRoot?.querySelector('[role="heading"], figure, section[part]')),
    undefined,
    'every widget drawn',
  );
  return widgets;
}

/** The language a reader's screen reader takes for `node`: its nearest `lang`, inside the widget. */
const languageOf = (node: Element) => node.closest('[lang]')?.getAttribute('lang');

describe('a feed in another language than the page', () => {
  it("marks the story's text as the feed's language and leaves the widget's words in the page's", async () => {
    const [card, related, gallery, story] = await drawn(`<div lang="ru">${WIDGETS}</div>`);
    const shadow = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

    // The card: headline, section, standfirst, tags and the photo's alt text and caption are English.
    const headline = shadow(card!).getByRole('heading');
    expect(languageOf(headline)).toBe('en');
    for (const part of ['kicker', 'summary', 'tag', 'image', 'caption']) {
      const element = card!.shadowRoot!.querySelector(`[part~="${part}"]`)!;
      const text = part === 'caption' ? element.querySelector('.caption-text')! : element;
      expect(languageOf(text), part).toBe('en');
    }
    // Its date and the list of tags' name are the widget's own words: Russian.
    expect(languageOf(card!.shadowRoot!.querySelector('time')!)).toBe('ru');
    expect(languageOf(shadow(card!).getByRole('list'))).toBe('ru');

    // The related list: each headline English, the list's heading Russian.
    const headings = shadow(related!).getAllByRole('heading');
    expect(headings.map(languageOf)).toEqual(['ru', 'en', 'en']);

    // The gallery: its captions English, the carousel and its controls Russian.
    const caption = gallery!.shadowRoot!.querySelector('.caption-text')!;
    expect(languageOf(caption)).toBe('en');
    expect(languageOf(gallery!.shadowRoot!.querySelector('section')!)).toBe('ru');

    // The story: headline and body English, "originally published by" Russian.
    await until(() => Boolean(story!.shadowRoot!.querySelector('[part="body"] p')), undefined, 'story body');
    expect(languageOf(shadow(story!).getByRole('heading'))).toBe('en');
    expect(languageOf(story!.shadowRoot!.querySelector('[part="body"] p')!)).toBe('en');
    expect(languageOf(story!.shadowRoot!.querySelector('footer')!)).toBe('ru');
  });

  it("marks the gallery's list of credits and the credit panel's values, not their labels", async () => {
    const [card, , gallery] = await drawn(`<div lang="ru">${WIDGETS}</div>`);
    gallery!.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!.click();
    await until(
      () => Boolean(gallery!.shadowRoot!.querySelector('[part="credits"] li')),
      undefined,
      'credits',
    );
    const credits = gallery!.shadowRoot!.querySelector('[part="credits"]')!;
    const credit = within(credits as HTMLElement).getAllByText('© Sputnik')[0]!;
    expect(languageOf(credit)).toBe('en');
    expect(languageOf(credits)).toBe('ru');

    card!.shadowRoot!.querySelector<HTMLButtonElement>('button.info-button')!.click();
    const panel = () => card!.shadowRoot!.querySelector('wire-credit-info')?.shadowRoot?.querySelector('dl');
    await until(() => Boolean(panel()), undefined, 'the credit panel');
    const values = [...panel()!.querySelectorAll('dd')];
    expect(values.length).toBeGreaterThan(1);
    // Every value but the licence, whose host name is no language, is the feed's; every label the page's.
    for (const value of values.filter((dd) => !dd.querySelector('a'))) expect(languageOf(value)).toBe('en');
    // The labels take the element's own language, which the card gave it.
    for (const label of panel()!.querySelectorAll('dt')) expect(languageOf(label)).toBeUndefined();
    expect(card!.shadowRoot!.querySelector('wire-credit-info')!.lang).toBe('ru');
  });

  it("marks a correction's and a copyright line's text, not their labels", async () => {
    const feed = rawFeed([
      rawItem('fixed', {
        _wire: {
          correction: { text: 'An earlier version misstated the date.' },
          rights: { copyright_notice: '© Test Wire 2023' },
        },
      }),
    ]);
    const [card] = await drawn(
      `<div lang="ru"><wire-feed><script type="application/feed+json">${JSON.stringify(feed)}</script>` +
        '<wire-article-card item="fixed"></wire-article-card></wire-feed></div>',
    );
    const shadow = within(card!.shadowRoot as unknown as HTMLElement);
    expect(languageOf(shadow.getByText('An earlier version misstated the date.'))).toBe('en');
    expect(languageOf(card!.shadowRoot!.querySelector('.correction strong')!)).toBe('ru');
    expect(languageOf(shadow.getByText('© Test Wire 2023'))).toBe('en');
  });

  it("writes the feed's text in its language's direction, and the widget's words in the page's", async () => {
    const item = rawItem('one', { title: 'هل زار المصنع؟', summary: 'نعم، أمس.' });
    const arabic = rawFeed([item], { language: 'ar' });
    const english = rawFeed([rawItem('one', { title: 'Did he visit the plant?' })], { language: 'en' });
    const card = (feed: object) =>
      `<wire-feed><script type="application/feed+json">${JSON.stringify(feed)}</script>` +
      '<wire-article-card item="one"></wire-article-card></wire-feed>';
    const [onEnglish] = await drawn(`<div lang="en">${card(arabic)}</div>`);
    const direction = (card: Element, selector: string) =>
      getComputedStyle(card.shadowRoot!.querySelector(selector)!).direction;
    expect(direction(onEnglish!, '[part="headline"]')).toBe('rtl');
    expect(direction(onEnglish!, '[part="summary"]')).toBe('rtl');
    expect(direction(onEnglish!, 'time')).toBe('ltr');
    cleanup();
    const [onArabic] = await drawn(`<div lang="ar" dir="rtl">${card(english)}</div>`);
    expect(direction(onArabic!, '[part="headline"]')).toBe('ltr');
    expect(direction(onArabic!, 'time')).toBe('rtl');
  });

  it("leaves the widget's own parts in the widget's direction, where the page sets one", async () => {
    const [card] = await drawn(`<div lang="en" dir="rtl">${WIDGETS}</div>`);
    card!.shadowRoot!.querySelector<HTMLButtonElement>('button.info-button')!.click();
    await until(() => Boolean(card!.shadowRoot!.querySelector('wire-credit-info')), undefined, 'the control');
    // The credit control says the widget's language, English: it stays right to left with the card around it.
    expect(getComputedStyle(card!.shadowRoot!.querySelector('wire-credit-info')!).direction).toBe('rtl');
  });

  it('takes two names of one language as one: a feed in "iw" on a page in "he"', async () => {
    const feed = rawFeed([rawItem('one')], { language: 'iw' });
    const [card] = await drawn(
      `<div lang="he"><wire-feed><script type="application/feed+json">${JSON.stringify(feed)}</script>` +
        '<wire-article-card item="one"></wire-article-card></wire-feed></div>',
    );
    expect(card!.shadowRoot!.querySelectorAll('[lang]')).toHaveLength(1);
  });

  it('adds no language anywhere when the page speaks the feed’s', async () => {
    const widgets = await drawn(`<div lang="en">${WIDGETS}</div>`);
    for (const widget of widgets)
      expect(
        [...widget.shadowRoot!.querySelectorAll('[lang]')].map((element) => element.getAttribute('lang')),
        widget.localName,
      ).toEqual(['en']);
  });
});
