/**
 * A reader's Ctrl/Cmd/Shift-click (new tab, new window) belongs to the reader: a single-page app that cancels
 * the widgets' click events to route in place must not be able to swallow it.
 */
import { within } from '@testing-library/dom';
import { afterEach, expect, it } from 'vitest';
import { cleanup, mount } from './helpers.js';
import { rawFeed, rawItem } from '../fixtures.js';
import '../../src/components/article-card/article-card.define.js';
import '../../src/components/comment-prompt/comment-prompt.define.js';

afterEach(cleanup);

/** Clicks `link` with the given modifiers; reports whether the browser would still follow it (never lets it). */
function follows(link: HTMLElement, init: MouseEventInit = {}): boolean {
  let followed = false;
  const guard = (event: Event) => {
    followed = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', guard);
  link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, ...init }));
  document.removeEventListener('click', guard);
  return followed;
}

const feed = rawFeed([rawItem('story', { _wire: { comments: { count: 2, status: 'open' } } })], {
  _wire: {
    comments: { login_url: 'https://news.example/login', register_url: 'https://news.example/register' },
  },
});

it('lets an app route plain clicks but never a click meant for a new tab or window', async () => {
  const root = mount(`<wire-article-card></wire-article-card><wire-comment-prompt></wire-comment-prompt>`);
  const card = root.querySelector('wire-article-card')!;
  const prompt = root.querySelector('wire-comment-prompt')!;
  card.feed = feed;
  prompt.feed = feed;
  await card.updateComplete;
  await prompt.updateComplete;
  const cancelable: boolean[] = [];
  const route = (event: Event) => {
    cancelable.push(event.cancelable);
    event.preventDefault();
  };
  for (const name of [
    'wire-card-click',
    'wire-login-request',
    'wire-register-request',
    'wire-comment-request',
  ] as const)
    root.addEventListener(name, route);

  const screen = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);
  const links = [
    screen(card).getByRole('link', { name: 'Story story' }),
    screen(prompt).getByRole('link', { name: 'log in' }),
    screen(prompt).getByRole('link', { name: 'register' }),
    screen(prompt).getByRole('link', { name: '2 comments' }),
  ];
  for (const link of links) {
    expect(follows(link)).toBe(false);
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const)
      expect(follows(link, { [modifier]: true }), `${modifier} on ${link.textContent}`).toBe(true);
    // Browsers send a real middle click as auxclick; a click event for any other button than the first is no
    // plain click either.
    expect(follows(link, { button: 1 }), `middle button on ${link.textContent}`).toBe(true);
  }
  // Every click still reached the app's listener (analytics), only the plain ones as cancelable.
  expect(cancelable).toEqual(
    Array.from({ length: 4 }, () => [true, false, false, false, false, false]).flat(),
  );
});
