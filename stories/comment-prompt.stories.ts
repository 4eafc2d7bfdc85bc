import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { WireCommentPrompt } from '../src/components/comment-prompt/comment-prompt.js';
import '../src/components/comment-prompt/comment-prompt.define.js';
import { commentsFeed } from '../test/fixtures.js';

interface Args {
  src?: string;
  feed?: unknown;
  item?: string;
  variant?: 'full' | 'compact';
  signedIn?: boolean;
  userName?: string;
  theme?: 'light' | 'dark';
  lang?: string;
  dir?: string;
  allowOrigins?: string;
}

const prompt = (args: Args, item = args.item) =>
  html`<wire-comment-prompt
    src=${ifDefined(args.feed ? undefined : args.src)}
    .feed=${args.feed}
    item=${ifDefined(item)}
    variant=${ifDefined(args.variant)}
    ?signed-in=${args.signedIn}
    user-name=${ifDefined(args.userName)}
    theme=${ifDefined(args.theme)}
    allow-origins=${ifDefined(args.allowOrigins)}
  ></wire-comment-prompt>`;

const meta: Meta<Args> = {
  title: 'Widgets/Comment prompt',
  component: 'wire-comment-prompt',
  // The sample feed is served by the page's own server but signs readers in on news.example: the host allows it.
  args: {
    src: '/sample-feed.json',
    item: 'kim-jong-un-komsomolsk-on-amur',
    allowOrigins: 'https://news.example',
  },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => html`<div dir=${ifDefined(args.dir)} lang=${ifDefined(args.lang)}>${prompt(args)}</div>`,
};
export default meta;

type Story = StoryObj<Args>;

const prompts = (canvas: HTMLElement) => [
  ...canvas.querySelectorAll<WireCommentPrompt>('wire-comment-prompt'),
];
const text = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shows = (canvas: HTMLElement, expected: string[]) =>
  waitFor(() => expect(prompts(canvas).map((element) => text(element))).toEqual(expected));

/** The seed story: no comments yet, reader signed out. */
export const Zero: Story = {
  play: ({ canvasElement }) =>
    shows(canvasElement, ['Be the first to comment To participate in the discussion, log in or register']),
};

export const One: Story = {
  args: { feed: commentsFeed([1]), item: 'story-1' },
  play: ({ canvasElement }) =>
    shows(canvasElement, ['1 comment To participate in the discussion, log in or register']),
};

export const Many: Story = {
  args: { item: 'putin-kim-talks' },
  play: ({ canvasElement }) =>
    shows(canvasElement, ['12 comments To participate in the discussion, log in or register']),
};

export const RussianPlurals: Story = {
  name: 'Russian plurals (1, 3, 5, 21)',
  args: { feed: commentsFeed([1, 3, 5, 21], 'ru') },
  render: (args) => html`${[1, 3, 5, 21].map((count) => html`<p>${prompt(args, `story-${count}`)}</p>`)}`,
  play: ({ canvasElement }) =>
    shows(
      canvasElement,
      ['1 комментарий', '3 комментария', '5 комментариев', '21 комментарий'].map(
        (count) => `${count} Чтобы участвовать в дискуссии, авторизуйтесь или зарегистрируйтесь`,
      ),
    ),
};

export const SignedOut: Story = {
  args: { item: 'vostochny-cosmodrome-explainer' },
  play: ({ canvasElement }) =>
    shows(canvasElement, ['3 comments To participate in the discussion, log in or register']),
};

/** A reader follows "log in": a host with its own sign-in dialog cancels the request and the page stays put. */
export const LoginRequest: Story = {
  name: 'Log in (host handles the request)',
  args: { item: 'vostochny-cosmodrome-explainer' },
  play: async ({ canvasElement }) => {
    const [element] = prompts(canvasElement);
    await shows(canvasElement, ['3 comments To participate in the discussion, log in or register']);
    let returnUrl = '';
    element!.addEventListener('wire-login-request', (event) => {
      returnUrl = event.detail.returnUrl;
      event.preventDefault();
    });
    element!.shadowRoot!.querySelector<HTMLAnchorElement>('[part=login]')!.click();
    // The page's address without query or fragment: tokens in either never reach the login page.
    await expect(returnUrl).toBe(location.origin + location.pathname);
  },
};

export const SignedIn: Story = {
  args: { signedIn: true, userName: 'Anna Petrova' },
  play: ({ canvasElement }) =>
    shows(canvasElement, ['Be the first to comment Join the discussion Signed in as Anna Petrova']),
};

export const Closed: Story = {
  args: { item: 'pacific-fleet-sea-of-japan' },
  play: ({ canvasElement }) => shows(canvasElement, ['27 comments Comments are closed']),
};

export const Disabled: Story = {
  name: 'Empty (comments disabled: renders nothing)',
  args: { item: 'eastern-economic-forum-opens' },
  play: async ({ canvasElement }) => {
    const [element] = prompts(canvasElement);
    await waitFor(() => expect(element!.matches(':state(empty)')).toBe(true));
    const box = element!.getBoundingClientRect();
    await expect([box.width, box.height]).toEqual([0, 0]);
  },
};

export const Compact: Story = {
  name: 'Compact (badges for cards)',
  args: { variant: 'compact' },
  render: (args) =>
    html`${['kim-jong-un-komsomolsk-on-amur', 'putin-kim-talks', 'pacific-fleet-sea-of-japan'].map(
      (item) => html`${prompt(args, item)} `,
    )}`,
  play: async ({ canvasElement }) => {
    const badges = () =>
      prompts(canvasElement).map((element) => element.shadowRoot!.querySelector('[part=badge]'));
    await waitFor(() => expect(badges().every(Boolean)).toBe(true));
    await expect(badges().map((badge) => badge!.getAttribute('aria-label'))).toEqual([
      'Be the first to comment',
      '12 comments',
      '27 comments',
    ]);
  },
};

/** A failed feed: `:state(error)` for the page to style, but no fallback line beside the story's own. */
export const ErrorState: Story = {
  name: 'Error (missing feed: renders nothing)',
  args: { src: '/missing-feed.json' },
  play: async ({ canvasElement }) => {
    const [element] = prompts(canvasElement);
    await waitFor(() => expect(element!.matches(':state(error)')).toBe(true));
    await expect(element!.matches(':state(empty)')).toBe(true);
    await expect(element!.getBoundingClientRect().height).toBe(0);
  },
};

export const RightToLeft: Story = {
  name: 'RTL',
  args: { dir: 'rtl', item: 'putin-kim-talks' },
};

export const Dark: Story = { args: { theme: 'dark', item: 'putin-kim-talks' } };

export const DarkCompact: Story = { args: { theme: 'dark', variant: 'compact', item: 'putin-kim-talks' } };

/** No feed yet: nothing is drawn and nothing shifts when the count arrives. */
export const Loading: Story = {
  name: 'Loading (renders nothing)',
  args: { src: undefined, item: undefined },
  play: async ({ canvasElement }) => {
    const [element] = prompts(canvasElement);
    await expect(element!.matches(':state(loading)')).toBe(true);
    await expect(element!.getBoundingClientRect().height).toBe(0);
  },
};

export const NotFound: Story = {
  name: 'Not found (renders nothing)',
  args: { item: 'no-such-story' },
  play: async ({ canvasElement }) => {
    const [element] = prompts(canvasElement);
    await waitFor(() => expect(element!.matches(':state(error)')).toBe(true));
    await expect(element!.getBoundingClientRect().height).toBe(0);
  },
};
