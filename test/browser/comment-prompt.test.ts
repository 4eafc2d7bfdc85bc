import { within } from '@testing-library/dom';
import { render as renderTemplate } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  changedPixels,
  cleanup,
  faultServer,
  mount,
  pixels,
  serverHits,
  shadowText,
  until,
} from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import type { AuthRequestDetail, CommentRequestDetail, FeedErrorDetail } from '../../src/shared/events.js';
import type { WireCommentPrompt } from '../../src/components/comment-prompt/comment-prompt.js';
import { setCountRefreshInterval } from '../../src/components/comment-prompt/live-counts.js';
import { configureCommentOrigins } from '../../src/components/comment-prompt/origins.js';
import meta, { Closed, Compact, ErrorState, Many } from '../../stories/comment-prompt.stories.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';

/** In the browser project the server root is the repository, so the sample feed lives under demo/public. */
const SAMPLE = '/demo/public/sample-feed.json';

const LOGIN = 'https://news.example/login';
const REGISTER = 'https://news.example/register?from=widget';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  setCountRefreshInterval(60_000);
  configureCommentOrigins([]);
});

function feedOf(
  items: [id: string, comments: Record<string, unknown>][],
  feedComments = {},
  language = 'en',
) {
  return rawFeed(
    items.map(([id, comments]) => rawItem(id, { _wire: { comments } })),
    {
      language,
      // The feed's own origins are its home page (news.example, where login lives) and the test server (where
      // the count endpoints live): both are ones the prompt may use.
      feed_url: `${faultServer()}/feed.json`,
      _wire: { comments: { login_url: LOGIN, register_url: REGISTER, ...feedComments } },
    },
  );
}

async function prompts(feed: WireCommentPrompt['feed'], markup: string): Promise<WireCommentPrompt[]> {
  const root = mount(markup);
  const elements = [...root.querySelectorAll<WireCommentPrompt>('wire-comment-prompt')];
  for (const element of elements) element.feed = feed;
  await Promise.all(elements.map((element) => element.updateComplete));
  return elements;
}

async function prompt(comments: Record<string, unknown>, attributes = '', language = 'en') {
  const [element] = await prompts(
    feedOf([['story', comments]], {}, language),
    `<wire-comment-prompt ${attributes}></wire-comment-prompt>`,
  );
  return element!;
}

type Args = Parameters<NonNullable<typeof meta.render>>[0];

/** Renders a story from stories/comment-prompt.stories.ts as the fixture (its own render, if it has one). */
async function renderStory(story: {
  args?: Partial<Args>;
  render?: typeof meta.render;
}): Promise<WireCommentPrompt[]> {
  const args = { ...meta.args, ...story.args } as Args;
  if (args.src === meta.args?.src) args.src = SAMPLE;
  const root = mount('');
  renderTemplate((story.render ?? meta.render)!(args, {} as never), root);
  const elements = [...root.querySelectorAll('wire-comment-prompt')];
  const settled = (element: Element) => element.matches(':state(ready), :state(error)');
  await until(() => elements.every(settled), 5000, 'the feed');
  await Promise.all(elements.map((element) => element.updateComplete));
  return elements;
}

/** Queries that see a prompt as a reader does: by role, name and text, inside its shadow root. */
const screen = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);
const link = (element: Element, name: string | RegExp) =>
  screen(element).getByRole('link', { name }) as HTMLAnchorElement;

/** Clicks a link and reports whether its navigation went ahead, without ever letting the test page navigate. */
function click(link: HTMLElement): boolean {
  let navigated = false;
  const guard = (event: Event) => {
    navigated = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', guard);
  link.click();
  document.removeEventListener('click', guard);
  return navigated;
}

const unique = () => Math.random().toString(36).slice(2, 8);

/** The test page's address without query or fragment: the return URL a prompt may hand to a login page. */
const here = () => location.origin + location.pathname;

describe('<wire-comment-prompt>', () => {
  it('counts comments with the plural forms of English', async () => {
    const texts = [];
    for (const count of [0, 1, 5, 1234])
      texts.push(
        screen(await prompt({ count, status: 'open' }))
          .getAllByRole('link')[0]!
          .textContent!.trim(),
      );
    expect(texts).toEqual(['Be the first to comment', '1 comment', '5 comments', '1,234 comments']);
  });

  it('counts comments with the plural forms of Russian, from the feed language or a lang attribute', async () => {
    for (const [count, text] of [
      [1, '1 комментарий'],
      [3, '3 комментария'],
      [5, '5 комментариев'],
      [21, '21 комментарий'],
    ] as const)
      expect(link(await prompt({ count, status: 'open' }, '', 'ru'), text)).toBeTruthy();
    const element = await prompt({ count: 0, status: 'open' }, 'lang="ru"');
    expect(shadowText(element)).toBe(
      'Станьте первым, кто оставит комментарий Чтобы участвовать в дискуссии, авторизуйтесь или зарегистрируйтесь',
    );
  });

  it('shows the sample feed’s count and invitation (the Many story)', async () => {
    const [element] = await renderStory(Many);
    expect(screen(element!).getByText('12 comments')).toBeTruthy();
    expect(screen(element!).getByText(/To participate in the discussion/)).toBeTruthy();
  });

  it('links log in and register with a return URL to the current page, keeping their own query', async () => {
    const element = await prompt({ count: 2, status: 'open', url: 'https://news.example/story#talk' });
    expect(shadowText(element)).toBe('2 comments To participate in the discussion, log in or register');
    const login = new URL(link(element, 'log in').href);
    expect(login.origin + login.pathname).toBe(LOGIN);
    expect(login.searchParams.get('return_url')).toBe(here());
    const register = new URL(link(element, 'register').href);
    expect(register.searchParams.get('from')).toBe('widget');
    expect(register.searchParams.get('return_url')).toBe(here());
    expect(link(element, '2 comments').href).toBe('https://news.example/story#talk');
  });

  it('takes the return URL and its parameter name from attributes', async () => {
    const element = await prompt(
      { status: 'open' },
      'return-url="/world/story.html?page=2" return-param="redirect"',
    );
    const login = new URL(link(element, 'log in').href);
    expect(login.searchParams.get('redirect')).toBe(new URL('/world/story.html?page=2', location.href).href);
    expect(login.searchParams.has('return_url')).toBe(false);
    // No count in the feed: no count line rather than a made-up zero.
    expect(screen(element).queryByText(/comment/)).toBeNull();
  });

  it('links the count to the story page #comments when the feed gives no comments URL', async () => {
    const element = await prompt({ count: 4, status: 'open' });
    expect(link(element, '4 comments').href).toBe('https://news.example/story#comments');
  });

  it('fires cancelable login, register and comment requests', async () => {
    const element = await prompt({ count: 1, status: 'open' });
    const seen: [string, AuthRequestDetail | CommentRequestDetail][] = [];
    let cancel = false;
    for (const name of ['wire-login-request', 'wire-register-request', 'wire-comment-request'] as const)
      document.addEventListener(name, (event) => {
        seen.push([event.type, event.detail]);
        if (cancel) event.preventDefault();
      });
    const links = [link(element, 'log in'), link(element, 'register'), link(element, '1 comment')];
    expect(links.map(click)).toEqual([true, true, true]);
    cancel = true;
    expect(links.map(click)).toEqual([false, false, false]);
    const returnUrl = here();
    const comment = { id: 'story', url: 'https://news.example/story#comments' };
    expect(seen).toEqual([
      ['wire-login-request', { id: 'story', returnUrl }],
      ['wire-register-request', { id: 'story', returnUrl }],
      ['wire-comment-request', comment],
      ['wire-login-request', { id: 'story', returnUrl }],
      ['wire-register-request', { id: 'story', returnUrl }],
      ['wire-comment-request', comment],
    ]);
  });

  it('switches between signed out and signed in at run time', async () => {
    const element = await prompt({ count: 3, status: 'open' });
    element.setAttribute('signed-in', '');
    element.setAttribute('user-name', 'Anna Petrova');
    await element.updateComplete;
    expect(shadowText(element)).toBe('3 comments Join the discussion Signed in as Anna Petrova');
    expect(screen(element).queryByRole('link', { name: 'log in' })).toBeNull();
    const join = link(element, 'Join the discussion');
    expect(join.href).toBe('https://news.example/story#comments');
    let detail: CommentRequestDetail | undefined;
    element.addEventListener('wire-comment-request', (event) => {
      detail = event.detail;
      event.preventDefault();
    });
    expect(click(join)).toBe(false);
    expect(detail).toEqual({ id: 'story', url: 'https://news.example/story#comments' });
    element.signedIn = false;
    await element.updateComplete;
    expect(element.hasAttribute('signed-in')).toBe(false);
    expect(link(element, 'log in')).toBeTruthy();
  });

  it('says comments are closed and still shows the count, with no invitation', async () => {
    const [closed] = await renderStory(Closed);
    expect(shadowText(closed!)).toBe('27 comments Comments are closed');
    const signedIn = await prompt({ count: 27, status: 'closed' }, 'signed-in');
    expect(shadowText(signedIn)).toBe('27 comments Comments are closed');
    expect(shadowText(await prompt({ count: 0, status: 'closed' }))).toBe('0 comments Comments are closed');
  });

  it('takes no space when comments are disabled or absent', async () => {
    const disabled = await prompt({ status: 'disabled' });
    const [absent] = await prompts(
      rawFeed([rawItem('plain')]),
      '<wire-comment-prompt></wire-comment-prompt>',
    );
    for (const element of [disabled, absent!]) {
      const box = element.getBoundingClientRect();
      expect([box.width, box.height]).toEqual([0, 0]);
      expect(element.matches(':state(empty)')).toBe(true);
      expect(element.matches(':state(ready)')).toBe(true);
    }
    const open = await prompt({ count: 1, status: 'open' });
    expect(open.getBoundingClientRect().height).toBeGreaterThan(20);
    expect(open.matches(':state(empty)')).toBe(false);
  });

  it('draws a compact badge with the count as its accessible name', async () => {
    const badge = link(await prompt({ count: 5, status: 'open' }, 'variant="compact"'), '5 comments');
    expect(badge.textContent!.trim()).toBe('5');
    expect(badge.href).toBe('https://news.example/story#comments');
    const zero = link(
      await prompt({ count: 0, status: 'open' }, 'variant="compact" lang="ru"'),
      'Станьте первым, кто оставит комментарий',
    );
    expect(zero.textContent!.trim()).toBe('');
    const many = link(
      await prompt({ count: 21, status: 'closed' }, 'variant="compact" lang="ru"'),
      '21 комментарий',
    );
    expect(many.textContent!.trim()).toBe('21');
    const box = many.getBoundingClientRect();
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
  });

  it("sizes the compact badge's count with the widget's font size token", async () => {
    const sized = (element: Element) => getComputedStyle(link(element, '5 comments')).fontSize;
    expect(sized(await prompt({ count: 5, status: 'open' }, 'variant="compact"'))).toBe('14px');
    const larger = await prompt(
      { count: 5, status: 'open' },
      'variant="compact" style="--wire-font-size: 20px"',
    );
    expect(sized(larger)).toBe('17.5px');
  });

  it('draws the Compact story’s badges for three stories of the sample feed', async () => {
    const elements = await renderStory(Compact);
    expect(elements.map((element) => screen(element).getByRole('link').getAttribute('aria-label'))).toEqual([
      'Be the first to comment',
      '12 comments',
      '27 comments',
    ]);
  });
});

describe('<wire-comment-prompt> states', () => {
  it('matches :state(loading) and takes no space until its feed arrives, then :state(ready)', async () => {
    const root = mount('<wire-comment-prompt></wire-comment-prompt>');
    const element = root.querySelector('wire-comment-prompt')!;
    await element.updateComplete;
    expect(element.matches(':state(loading)')).toBe(true);
    expect(element.matches(':state(empty)')).toBe(true);
    expect(element.getBoundingClientRect().height).toBe(0);
    element.feed = feedOf([['story', { count: 2, status: 'open' }]]);
    await element.updateComplete;
    expect(element.matches(':state(ready)')).toBe(true);
    expect(element.matches(':state(loading)')).toBe(false);
    expect(element.matches(':state(empty)')).toBe(false);
    expect(screen(element).getByText('2 comments').checkVisibility()).toBe(true);
  });

  it('on a feed error matches :state(error), fires wire-feed-error and stays out of the way (no fallback line)', async () => {
    const root = mount(`<wire-comment-prompt src="${faultServer()}/status/404"></wire-comment-prompt>`);
    const element = root.querySelector('wire-comment-prompt')!;
    const error = await new Promise<CustomEvent<FeedErrorDetail>>((resolve) =>
      element.addEventListener('wire-feed-error', resolve, { once: true }),
    );
    expect(error.detail.reason).toBe('http');
    await element.updateComplete;
    expect(element.matches(':state(error)')).toBe(true);
    expect(element.matches(':state(empty)')).toBe(true);
    expect(shadowText(element)).toBe('');
    const box = element.getBoundingClientRect();
    expect([box.width, box.height]).toEqual([0, 0]);
    // The ErrorState story (a feed URL that does not exist) ends the same way.
    const [missing] = await renderStory(ErrorState);
    expect(missing!.matches(':state(error)')).toBe(true);
    expect(missing!.getBoundingClientRect().height).toBe(0);
  });
});

describe('<wire-comment-prompt> focus ring', () => {
  it('shows the whole focus ring around the compact badge', async () => {
    const root = mount(
      '<button id="before">before</button><wire-comment-prompt variant="compact"></wire-comment-prompt>',
    );
    const element = root.querySelector<WireCommentPrompt>('wire-comment-prompt')!;
    element.feed = feedOf([['story', { status: 'open', count: 5 }]]);
    await element.updateComplete;
    root.querySelector<HTMLElement>('#before')!.focus();
    const unfocused = await pixels(element);
    await userEvent.keyboard('{Tab}');
    expect(element.shadowRoot!.activeElement).toBe(link(element, '5 comments'));
    // A 2px ring all round changes about 4 × (width + height) pixels; clipped by the host's paint containment, it
    // kept only its sides (about 2 ×).
    const { width, height } = element.getBoundingClientRect();
    expect(changedPixels(unfocused, await pixels(element))).toBeGreaterThan(2.5 * (width + height));
  });
});

describe('live comment counts', () => {
  it('refreshes every prompt on the page with one request and one timer, ids sorted', async () => {
    const before = await serverHits('/counts');
    const setTimer = vi.spyOn(window, 'setInterval');
    const clearTimer = vi.spyOn(window, 'clearInterval');
    const tag = unique();
    const ids = ['c', 'a', 'b'].map((letter) => `${tag}-${letter}`);
    const feed = feedOf(
      ids.map((id) => [id, { count: 1, status: 'open' }]),
      { count_url: `${faultServer()}/counts` },
    );
    const elements = await prompts(
      feed,
      ids.map((id) => `<wire-comment-prompt item="${id}"></wire-comment-prompt>`).join('') +
        ids
          .map((id) => `<wire-comment-prompt item="${id}" variant="compact"></wire-comment-prompt>`)
          .join(''),
    );
    expect(shadowText(elements[0]!)).toContain('1 comment');
    // The server answers (index + 1) * 3 in the order of the ids it was sent: a=3, b=6, c=9.
    await until(() => shadowText(elements[0]!).startsWith('9 comments'), 5000, 'live counts');
    // One answer updates all six, but the render queue may draw the others in a later slice.
    await Promise.all(elements.map((element) => element.updateComplete));
    expect(elements.map((element) => shadowText(element).split(' ')[0])).toEqual([
      '9',
      '3',
      '6',
      '9',
      '3',
      '6',
    ]);
    expect(await serverHits('/counts')).toBe(before + 1);
    expect(setTimer).toHaveBeenCalledTimes(1);
    elements.slice(1).forEach((element) => element.remove());
    expect(clearTimer).not.toHaveBeenCalled();
    elements[0]!.remove();
    expect(clearTimer).toHaveBeenCalledWith(setTimer.mock.results[0]!.value);
  });

  it('refreshes at the interval and keeps the last count when a refresh fails, silently', async () => {
    setCountRefreshInterval(150);
    const path = `/counts-once/${unique()}`;
    const feed = feedOf([['only', { count: 1, status: 'open' }]], { count_url: `${faultServer()}${path}` });
    const errors: Event[] = [];
    document.addEventListener('wire-feed-error', (event) => errors.push(event));
    const [element] = await prompts(feed, '<wire-comment-prompt></wire-comment-prompt>');
    await until(() => shadowText(element!).startsWith('3 comments'), 5000, 'first count');
    while ((await serverHits(path)) < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadowText(element!)).toMatch(/^3 comments/);
    expect(errors).toEqual([]);
  });

  it('ignores values that are not whole non-negative numbers', async () => {
    const feed = feedOf(
      ['a', 'b', 'c', 'd', 'e'].map((id) => [id, { count: 1, status: 'open' }]),
      { count_url: `${faultServer()}/counts-odd` },
    );
    const elements = await prompts(
      feed,
      ['a', 'b', 'c', 'd', 'e']
        .map((id) => `<wire-comment-prompt item="${id}"></wire-comment-prompt>`)
        .join(''),
    );
    await until(() => shadowText(elements[3]!).startsWith('4 comments'), 5000, 'the good count');
    expect(elements.map((element) => shadowText(element).split(' ')[0])).toEqual(['1', '1', '1', '4', '1']);
  });

  it('asks nothing while the tab is hidden and catches up when it is shown', async () => {
    setCountRefreshInterval(100);
    // The library reads visibility from Document.prototype (a named element cannot clobber it there).
    const visibility = vi.spyOn(Document.prototype, 'visibilityState', 'get').mockReturnValue('hidden');
    const path = `/counts-once/${unique()}`;
    const feed = feedOf([['x', { count: 1, status: 'open' }]], { count_url: `${faultServer()}${path}` });
    const [element] = await prompts(feed, '<wire-comment-prompt></wire-comment-prompt>');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await serverHits(path)).toBe(0);
    expect(shadowText(element!)).toMatch(/^1 comment /);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => shadowText(element!).startsWith('3 comments'), 5000, 'count after showing the tab');
  });

  it('stops its timer when the last prompt leaves the page, and starts again when one comes back', async () => {
    setCountRefreshInterval(100);
    const path = `/counts-once/${unique()}`;
    const feed = feedOf([['y', { count: 1, status: 'open' }]], { count_url: `${faultServer()}${path}` });
    const [element] = await prompts(feed, '<wire-comment-prompt></wire-comment-prompt>');
    await until(() => shadowText(element!).startsWith('3 comments'), 5000, 'first count');
    cleanup();
    // A request already on its way when the prompt left may still land: count from after it, then check that no
    // new one follows while a running 100 ms timer would have asked several times.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const hits = await serverHits(path);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await serverHits(path)).toBe(hits);
    // Back on the page: the last count at once, and refreshes again.
    mount('').append(element!);
    await element!.updateComplete;
    expect(shadowText(element!)).toMatch(/^3 comments/);
    while ((await serverHits(path)) === hits) await new Promise((resolve) => setTimeout(resolve, 50));
  });
});

describe('links that leak nothing', () => {
  /** A feed whose comment URLs are all on `host`, loaded from nowhere (a property) with news.example as home. */
  const foreignFeed = (host: string, count_url?: string) =>
    rawFeed([rawItem('story', { _wire: { comments: { count: 1, status: 'open' } } })], {
      _wire: { comments: { login_url: `${host}/login`, register_url: `${host}/register`, count_url } },
    });

  it('gives the login page the page address without its query or fragment, where session tokens travel', async () => {
    const original = location.href;
    history.replaceState(history.state, '', `${location.pathname}?session=s3cr3t&code=42#access_token=t0k3n`);
    try {
      const element = await prompt({ count: 2, status: 'open' });
      let detail: AuthRequestDetail | undefined;
      element.addEventListener('wire-login-request', (event) => {
        detail = event.detail;
        event.preventDefault();
      });
      const login = link(element, 'log in');
      click(login);
      const returnUrl = new URL(login.href).searchParams.get('return_url');
      expect(returnUrl).toBe(here());
      expect(detail?.returnUrl).toBe(here());
      expect(login.href).not.toMatch(/s3cr3t|t0k3n|code/);
      expect(link(element, 'register').href).not.toMatch(/s3cr3t|t0k3n|code/);
    } finally {
      history.replaceState(history.state, '', original);
    }
  });

  it('shows no log-in or register link, and fires no request event, for a host that is not the feed’s own', async () => {
    const root = mount('<wire-comment-prompt></wire-comment-prompt>');
    const element = root.querySelector<WireCommentPrompt>('wire-comment-prompt')!;
    element.feed = foreignFeed('https://accounts.evil.example');
    await element.updateComplete;
    const requests: Event[] = [];
    for (const name of ['wire-login-request', 'wire-register-request'] as const)
      document.addEventListener(name, (event) => requests.push(event));
    expect(screen(element).queryByRole('link', { name: /log in/i })).toBeNull();
    expect(screen(element).queryByRole('link', { name: /register/i })).toBeNull();
    expect(screen(element).queryByText(/log in|register/i)).toBeNull();
    // The reader is still invited, to the comments on the story's own page.
    const join = link(element, 'Join the discussion');
    expect(join.href).toBe('https://news.example/story#comments');
    for (const anchor of screen(element).getAllByRole('link')) click(anchor);
    expect(requests).toEqual([]);
    expect(element.shadowRoot!.innerHTML).not.toContain('evil.example');
  });

  it('links to another host once the page allows it, by attribute or for the whole page', async () => {
    const feed = foreignFeed('https://id.example');
    const [byAttribute, other] = await prompts(
      feed,
      '<wire-comment-prompt allow-origins="https://elsewhere.example https://id.example"></wire-comment-prompt>' +
        '<wire-comment-prompt></wire-comment-prompt>',
    );
    expect(new URL(link(byAttribute!, 'log in').href).origin).toBe('https://id.example');
    expect(screen(other!).queryByRole('link', { name: /log in/i })).toBeNull();
    configureCommentOrigins(['https://id.example/any/path']);
    other!.requestUpdate();
    await other!.updateComplete;
    expect(new URL(link(other!, 'register').href).origin).toBe('https://id.example');
  });

  it('asks a count endpoint on another host nothing, until the page allows that host', async () => {
    const path = `/counts-once/${unique()}`;
    const [element] = await prompts(
      foreignFeed('https://news.example', `${faultServer()}${path}`),
      '<wire-comment-prompt></wire-comment-prompt>',
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await serverHits(path)).toBe(0);
    expect(shadowText(element!)).toMatch(/^1 comment /);
    element!.setAttribute('allow-origins', faultServer());
    await until(() => shadowText(element!).startsWith('3 comments'), 5000, 'the allowed count');
    expect(await serverHits(path)).toBe(1);
  });

  it('asks for many ids in several requests whose URLs stay under 2,000 characters', async () => {
    const tag = unique();
    const ids = Array.from({ length: 150 }, (_, i) => `${tag}-story-${String(i).padStart(3, '0')}`);
    const fetches = vi.spyOn(window, 'fetch');
    const elements = await prompts(
      feedOf(
        ids.map((id) => [id, { count: 1, status: 'open' }]),
        { count_url: `${faultServer()}/counts` },
      ),
      ids.map((id) => `<wire-comment-prompt item="${id}" variant="compact"></wire-comment-prompt>`).join(''),
    );
    // The server answers (index + 1) * 3 within each request: every badge leaves the feed's 1 for a multiple of 3.
    const live = (element: Element) => Number(screen(element).getByRole('link').textContent) % 3 === 0;
    await until(() => elements.every(live), 10_000, 'every live count');
    const urls = fetches.mock.calls
      .map(([input]) => String(input))
      .filter((url) => url.startsWith(`${faultServer()}/counts?`));
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) expect(url.length).toBeLessThan(2000);
    const asked = urls.flatMap((url) => new URL(url).searchParams.get('ids')!.split(','));
    expect(asked.sort()).toEqual(ids);
  });
});
