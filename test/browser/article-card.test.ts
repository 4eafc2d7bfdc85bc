import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { clearFeedCache, configureLoader } from '../../src/feed/loader.js';
import type { CardClickDetail, FeedErrorDetail } from '../../src/shared/events.js';
import { setTickInterval, timerStats } from '../../src/shared/time.js';
import { cleanup, faultServer, mount, nextEvent, shadowText, until } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import { linkPostFeed, longTextFeed, noTitleFeed, oneItemFeed } from '../../stories/article-card.stories.js';
import type { WireArticleCard } from '../../src/components/article-card/article-card.js';
import '../../src/components/article-card/article-card.define.js';

/** In the browser project the server root is the repository, so the sample feed lives under demo/public. */
const SAMPLE = '/demo/public/sample-feed.json';
const SEED = 'kim-jong-un-komsomolsk-on-amur';

beforeEach(() => configureLoader({ retries: 0 }));
afterEach(() => {
  cleanup();
  clearFeedCache();
});

async function render(attributes: string, feed?: unknown, width = 360): Promise<WireArticleCard> {
  const root = mount(
    `<div style="display: block; inline-size: ${width}px"><wire-article-card ${attributes}></wire-article-card></div>`,
  );
  const card = root.querySelector('wire-article-card')!;
  if (feed) card.feed = feed;
  await until(() => Boolean(card.shadowRoot?.querySelector('article, .fallback')), 5000, 'card rendered');
  await card.updateComplete;
  return card;
}

const part = (card: Element, name: string) =>
  card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const box = (element: Element) => element.getBoundingClientRect();

describe('<wire-article-card> content', () => {
  it('renders the seed story from the sample feed', async () => {
    const card = await render(`src="${SAMPLE}" item="${SEED}"`);
    expect(part(card, 'kicker')!.textContent).toBe('World');
    const heading = part(card, 'headline')!;
    expect(heading.getAttribute('role')).toBe('heading');
    expect(heading.getAttribute('aria-level')).toBe('3');
    const links = card.shadowRoot!.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]!.textContent).toBe(
      'Kim Jong Un Visits Russian Aircraft Factories in Komsomolsk-on-Amur - Photos',
    );
    expect(new URL(links[0]!.href).pathname).toBe('/world/20230915/kim-jong-un-komsomolsk-on-amur.html');
    expect(part(card, 'summary')!.textContent).toMatch(/^Guided by Deputy Prime Minister Denis Manturov/);
    expect(part(card, 'byline')!.textContent!.trim()).toBe('By Alex Sample');
    expect(part(card, 'byline')!.querySelector('img')!.alt).toBe('');
    const time = card.shadowRoot!.querySelector('time')!;
    expect(time.dateTime).toBe('2023-09-15T06:03:00.000Z');
    expect(time.textContent).toBe('September 15, 2023');
    expect(time.title).toMatch(/September 15, 2023.*\d:03/);
    expect(part(card, 'reading-time')!.textContent).toBe('1 min read');
    expect(part(card, 'comments')!.textContent).toContain('0 comments');
    expect([...card.shadowRoot!.querySelectorAll('[part="tag"]')].map((tag) => tag.textContent)).toEqual([
      'North Korea',
      'Russia',
      'Kim Jong Un',
      'Aviation',
      'Russian Far East',
    ]);
    const image = part(card, 'image') as HTMLImageElement;
    expect(image.getAttribute('srcset')!.split(', ')).toHaveLength(3);
    expect(image.getAttribute('sizes')).toBe('auto, 100vw');
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['1280', '720']);
    expect(image.loading).toBe('lazy');
    expect(image.alt).toMatch(/^Illustration: a grey fighter jet/);
    expect(part(card, 'credit')!.textContent).toBe('© Sputnik');
    expect(part(card, 'caption')!.textContent).toContain(
      "Kim Jong Un's visit to Russia's Komsomolsk-on-Amur",
    );
  });

  it('shows the comment count only when the feed has one and comments are not disabled', async () => {
    const card = await render(`src="${SAMPLE}" item="putin-kim-talks"`);
    expect(part(card, 'comments')!.textContent).toContain('12 comments');
    const disabled = await render(`src="${SAMPLE}" item="eastern-economic-forum-opens"`);
    expect(part(disabled, 'comments')).toBeNull();
    const none = await render(`src="${SAMPLE}" item="japan-h2a-slim-launch"`);
    expect(part(none, 'comments')).toBeNull();
  });

  it('speaks Russian: dates, reading time and plural forms', async () => {
    const card = await render(`src="${SAMPLE}" item="pacific-fleet-sea-of-japan" lang="ru"`);
    expect(card.shadowRoot!.querySelector('time')!.textContent).toBe('14 сентября 2023 г.');
    expect(part(card, 'comments')!.textContent).toContain('27 комментариев');
    const long = await render('lang="ru"', longTextFeed);
    expect(part(long, 'reading-time')!.textContent).toBe('10 мин чтения');
  });

  it('hero loads its photo eagerly; compact keeps only kicker, headline, date and thumbnail', async () => {
    const hero = await render(`src="${SAMPLE}" item="${SEED}" layout="hero"`, undefined, 900);
    const image = part(hero, 'image') as HTMLImageElement;
    expect(image.loading).toBe('eager');
    expect(image.getAttribute('fetchpriority')).toBe('high');
    expect(image.getAttribute('sizes')).toBe('100vw');
    const compact = await render(`src="${SAMPLE}" item="${SEED}" layout="compact"`);
    for (const name of ['summary', 'byline', 'tags', 'reading-time'])
      expect(part(compact, name), name).toBeNull();
    expect(part(compact, 'headline')).not.toBeNull();
    expect(part(compact, 'credit')!.textContent).toBe('© Sputnik');
    expect(box(part(compact, 'figure')!).width).toBeLessThanOrEqual(128);
  });

  it('horizontal puts the photo beside the text when the card is wide, and above it when narrow', async () => {
    const wide = await render(`src="${SAMPLE}" item="${SEED}" layout="horizontal"`, undefined, 800);
    expect(box(part(wide, 'figure')!).right).toBeLessThanOrEqual(box(part(wide, 'headline')!).left);
    // The viewport is 1024px wide either way: only the card's own width differs.
    const narrow = await render(`src="${SAMPLE}" item="${SEED}" layout="horizontal"`, undefined, 400);
    expect(box(part(narrow, 'figure')!).bottom).toBeLessThanOrEqual(box(part(narrow, 'kicker')!).top);
    const rtl = await render(`src="${SAMPLE}" item="${SEED}" layout="horizontal" dir="rtl"`, undefined, 800);
    expect(box(part(rtl, 'figure')!).left).toBeGreaterThanOrEqual(box(part(rtl, 'headline')!).right);
  });

  it('honours heading-level, and falls back to 3 for a level ARIA does not have', async () => {
    const two = await render(`src="${SAMPLE}" item="${SEED}" heading-level="2"`);
    expect(part(two, 'headline')!.getAttribute('aria-level')).toBe('2');
    const nine = await render(`src="${SAMPLE}" item="${SEED}" heading-level="9"`);
    expect(part(nine, 'headline')!.getAttribute('aria-level')).toBe('3');
  });

  it('links a link post to its own page unless link-target="external"', async () => {
    const own = await render('', linkPostFeed);
    expect(own.shadowRoot!.querySelector('a')!.href).toBe('https://news.example/story');
    const external = await render('link-target="external"', linkPostFeed);
    expect(external.shadowRoot!.querySelector('a')!.href).toBe('https://space.example/slim-mission-plan');
    // With no page of its own, the page it is about is the story.
    const onlyExternal = await render(
      '',
      oneItemFeed({ url: undefined, external_url: 'https://space.example/x' }),
    );
    expect(onlyExternal.shadowRoot!.querySelector('a')!.href).toBe('https://space.example/x');
  });
});

describe('<wire-article-card> states', () => {
  it('shows a skeleton with aria-busy, shaped like the card, while the feed loads', async () => {
    const root = mount(
      `<div style="inline-size: 360px"><wire-article-card src="${faultServer()}/hang"></wire-article-card></div>`,
    );
    const card = root.querySelector('wire-article-card')!;
    await card.updateComplete;
    const skeleton = part(card, 'skeleton')!;
    expect(skeleton.getAttribute('aria-busy')).toBe('true');
    expect(shadowText(card)).toBe('Loading…');
    const frame = skeleton.querySelector('.frame')!;
    expect(box(frame).width).toBe(360);
    expect(box(frame).height).toBeCloseTo(360 * (9 / 16), 0);
    expect(box(frame).top).toBeLessThan(box(skeleton.querySelector('.bar')!).top);
  });

  it('shows a quiet fallback when the feed fails, and never throws into the page', async () => {
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    window.addEventListener('error', onError);
    const root = mount(`<wire-article-card src="${faultServer()}/status/404"></wire-article-card>`);
    const card = root.querySelector('wire-article-card')!;
    const error = await nextEvent<CustomEvent<FeedErrorDetail>>(card, 'wire-feed-error');
    expect(error.detail.reason).toBe('http');
    await card.updateComplete;
    expect(shadowText(card)).toBe('This content is not available right now.');
    expect(card.shadowRoot!.querySelector('a')).toBeNull();
    window.removeEventListener('error', onError);
    expect(uncaught).toEqual([]);
  });

  it('says the story is gone, with a link to the publisher, when the item is not in the feed', async () => {
    const card = await render('item="gone"', rawFeed([rawItem('one')]));
    expect(part(card, 'fallback')!.textContent).toContain('This story is no longer available.');
    expect(card.shadowRoot!.querySelector('a')!.href).toBe('https://news.example/');
  });

  it('renders a story without a picture as text only', async () => {
    const card = await render(
      `src="${SAMPLE}" item="eastern-economic-forum-opens" layout="horizontal"`,
      undefined,
      800,
    );
    expect(part(card, 'figure')).toBeNull();
    expect(box(part(card, 'headline')!).width).toBeGreaterThan(700);
  });

  it('leads with the standfirst when a story has no title, without repeating it', async () => {
    const card = await render('', noTitleFeed);
    expect(card.shadowRoot!.querySelector('a')!.textContent).toBe(
      'A story published with no headline: the card leads with its standfirst instead.',
    );
    expect(part(card, 'summary')).toBeNull();
  });

  it('clamps a very long headline and standfirst, and wraps unbroken words inside the card', async () => {
    const card = await render('', longTextFeed, 320);
    const headline = part(card, 'headline')!;
    const lineHeight = parseFloat(getComputedStyle(headline).lineHeight);
    expect(headline.clientHeight).toBeLessThanOrEqual(Math.ceil(lineHeight * 4));
    expect(headline.scrollHeight).toBeGreaterThan(headline.clientHeight);
    const summary = part(card, 'summary')!;
    expect(summary.scrollWidth).toBeLessThanOrEqual(summary.clientWidth);
    expect(box(card).width).toBe(320);
  });

  it('re-renders a relative time from the one shared timer, which stops when the last card leaves', async () => {
    setTickInterval(50);
    try {
      // 88 s old reads "1 minute ago"; from 90.5 s on, rounding makes it "2 minutes ago".
      const published = new Date(Date.now() - 88_000).toISOString();
      const feed = rawFeed([rawItem('recent', { date_published: published })]);
      const cards = await Promise.all([render('', feed), render('', feed), render('', feed)]);
      const time = cards[0]!.shadowRoot!.querySelector('time')!;
      expect(time.textContent).toBe('1 minute ago');
      expect(time.title).toMatch(/\d{4}/);
      expect(timerStats()).toEqual({ subscribers: 3, running: true });
      await until(() => time.textContent === '2 minutes ago', 6000, 'relative time to tick');
      cleanup();
      expect(timerStats()).toEqual({ subscribers: 0, running: false });
    } finally {
      setTickInterval(30_000);
    }
  });

  it('shows an absolute date for a story older than a week', async () => {
    const card = await render('', rawFeed([rawItem('old', { date_published: '2020-02-29T12:00:00Z' })]));
    expect(card.shadowRoot!.querySelector('time')!.textContent).toBe('February 29, 2020');
  });
});

/** Records whether a link click would navigate, then stops it so the test page stays. */
function watchNavigation(): { prevented: boolean[]; stop: () => void } {
  const prevented: boolean[] = [];
  const onClick = (event: MouseEvent) => {
    if (!event.composedPath().some((node) => node instanceof HTMLAnchorElement)) return;
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };
  window.addEventListener('click', onClick);
  return { prevented, stop: () => window.removeEventListener('click', onClick) };
}

describe('<wire-article-card> interaction', () => {
  it('fires wire-card-click for a click anywhere on the card, and navigates unless it is cancelled', async () => {
    const card = await render(`src="${SAMPLE}" item="${SEED}"`);
    const clicks: CardClickDetail[] = [];
    card.addEventListener('wire-card-click', (event) => clicks.push(event.detail));
    const navigation = watchNavigation();
    try {
      // The summary and the tags are not links, but the stretched link covers them.
      await userEvent.click(part(card, 'summary')!, { force: true });
      await userEvent.click(part(card, 'tags')!, { force: true });
      expect(clicks).toHaveLength(2);
      expect(clicks[0]).toEqual({
        id: SEED,
        url: `${location.origin}/world/20230915/kim-jong-un-komsomolsk-on-amur.html`,
      });
      expect(navigation.prevented).toEqual([false, false]);

      const cancel = (event: Event) => event.preventDefault();
      card.addEventListener('wire-card-click', cancel);
      await userEvent.click(card.shadowRoot!.querySelector('a')!);
      expect(clicks).toHaveLength(3);
      expect(navigation.prevented).toEqual([false, false, true]);
      card.removeEventListener('wire-card-click', cancel);
    } finally {
      navigation.stop();
    }
  });

  it('is one keyboard stop for the story, then the credit button, whose popover opens and closes by keyboard', async () => {
    const root = mount('<button id="before">before</button>');
    const card = await render(`src="${SAMPLE}" item="${SEED}"`);
    const clicks: CardClickDetail[] = [];
    card.addEventListener('wire-card-click', (event) => {
      clicks.push(event.detail);
      event.preventDefault();
    });
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await userEvent.keyboard('{Tab}');
    const link = card.shadowRoot!.querySelector('a')!;
    expect(card.shadowRoot!.activeElement).toBe(link);
    expect(getComputedStyle(link, '::after').outlineStyle).toBe('solid');
    await userEvent.keyboard('{Enter}');
    expect(clicks.map((detail) => detail.id)).toEqual([SEED]);

    await userEvent.keyboard('{Tab}');
    const info = card.shadowRoot!.querySelector('wire-credit-info')!;
    const button = info.shadowRoot!.querySelector('button')!;
    expect(info.shadowRoot!.activeElement).toBe(button);
    await userEvent.keyboard('{Enter}');
    const panel = info.shadowRoot!.querySelector('[popover]')!;
    expect(panel.matches(':popover-open')).toBe(true);
    expect(panel.textContent).toContain('Sputnik photo service');
    await userEvent.keyboard('{Escape}');
    expect(panel.matches(':popover-open')).toBe(false);
    expect(info.shadowRoot!.activeElement).toBe(button);
    expect(clicks).toHaveLength(1);
  });

  it('keeps the credit button above the stretched link for the mouse', async () => {
    const card = await render(`src="${SAMPLE}" item="${SEED}"`);
    const info = card.shadowRoot!.querySelector('wire-credit-info')!;
    const button = info.shadowRoot!.querySelector('button')!;
    const { x, y, width, height } = box(button);
    expect(card.shadowRoot!.elementFromPoint(x + width / 2, y + height / 2)).toBe(info);
    const clicks: unknown[] = [];
    card.addEventListener('wire-card-click', (event) => clicks.push(event));
    const navigation = watchNavigation();
    try {
      await userEvent.click(button);
    } finally {
      navigation.stop();
    }
    expect(info.shadowRoot!.querySelector('[popover]')!.matches(':popover-open')).toBe(true);
    expect(clicks).toEqual([]);
  });
});

describe('<wire-article-card> on a real page', () => {
  it('does not shift the layout when a late picture arrives', async () => {
    const start = performance.now();
    const shifts: number[] = [];
    const observer = new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries())
        if (entry.startTime >= start) shifts.push((entry as PerformanceEntry & { value: number }).value);
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    const slow = (name: string) => `${faultServer()}/slow-image.svg?delay=400&${name}`;
    const feed = rawFeed([
      rawItem('sized', {
        image: slow('sized'),
        _wire: { image: { width: 1280, height: 720, credit_text: '© Test' } },
      }),
      // No size in the feed: the frame keeps the 16:9 fallback box.
      rawItem('unsized', { image: slow('unsized'), _wire: { image: { credit_text: '© Test' } } }),
    ]);
    const root = mount(`<div style="inline-size: 360px">
      <wire-article-card item="sized"></wire-article-card>
      <wire-article-card item="unsized"></wire-article-card>
      <p>Text below the cards</p>
    </div>`);
    const cards = [...root.querySelectorAll('wire-article-card')];
    cards.forEach((card) => (card.feed = feed));
    await Promise.all(cards.map((card) => card.updateComplete));
    const images = cards.map((card) => part(card, 'image') as HTMLImageElement);
    const before = images.map((image) => box(image).height);
    expect(images.every((image) => !image.complete)).toBe(true);
    await until(() => images.every((image) => image.complete && image.naturalWidth > 0), 5000, 'images');
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(images.map((image) => box(image).height)).toEqual(before);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);

    // The measurement is live: a picture with no reserved box does shift the text below it.
    const control = mount(
      `<div style="inline-size: 360px"><img src="${slow('control')}" /><p>Shifted</p></div>`,
    );
    const image = control.querySelector('img')!;
    await until(() => image.complete && image.naturalWidth > 0, 5000, 'control image');
    await until(() => shifts.length > 0, 2000, 'a layout shift from the control');
    observer.disconnect();
  });

  it('looks the same under a hostile host stylesheet', async () => {
    const measure = async () => {
      const card = await render(`src="${SAMPLE}" item="${SEED}"`);
      const root = card.shadowRoot!;
      const headline = part(card, 'headline')!;
      const style = getComputedStyle(headline);
      const parts = ['card', 'headline', 'summary', 'figure', 'image', 'credit', 'meta', 'tags'].map(
        (name) => {
          const { width, height } = box(part(card, name)!);
          return [name, Math.round(width), Math.round(height)];
        },
      );
      const result = {
        parts,
        font: [style.fontSize, style.fontFamily, style.lineHeight, style.fontWeight, style.letterSpacing],
        color: getComputedStyle(root.querySelector('.wrap')!).backgroundColor,
        imageShown: getComputedStyle(part(card, 'image')!).display,
      };
      cleanup();
      return result;
    };
    const clean = await measure();
    const hostile = document.createElement('style');
    hostile.textContent = `* { all: unset } html { font-size: 62.5% } img { display: none !important }
      body { letter-spacing: 3px; line-height: 3; font-family: serif; color: red; text-transform: uppercase }`;
    document.head.append(hostile);
    try {
      expect(await measure()).toEqual(clean);
    } finally {
      hostile.remove();
    }
    expect(clean.imageShown).toBe('block');
  });
});
