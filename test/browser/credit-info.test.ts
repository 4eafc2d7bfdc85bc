import { within } from '@testing-library/dom';
import { render as renderTemplate } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { census } from '../hostile/instrument.js';
import { cleanup, mount, until } from './helpers.js';
import meta, { CreditLineOnly, Default, Russian, fullCredit } from '../../stories/credit-info.stories.js';
import type { WireCreditInfo } from '../../src/components/credit-info/credit-info.js';
import '../../src/components/credit-info/credit-info.define.js';

afterEach(cleanup);

/** Queries that see the element as a reader does: by role, name and text, inside its shadow root. */
const screen = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

/** Renders a story from stories/credit-info.stories.ts as the fixture, after a button to tab from. */
async function setup(story: { args?: Record<string, unknown> } = Default) {
  const root = mount('<p><button id="before">before</button></p>');
  const holder = root.appendChild(document.createElement('div'));
  renderTemplate(meta.render!({ ...meta.args, ...story.args }, {} as never), holder);
  const element = root.querySelector<WireCreditInfo>('wire-credit-info')!;
  await element.updateComplete;
  const button = screen(element).queryByRole('button');
  // The panel is closed (hidden from the accessibility tree) until it opens.
  const panel = element.shadowRoot!.querySelector<HTMLElement>('[popover]');
  return { root, element, button: button!, panel: panel! };
}

describe('<wire-credit-info>', () => {
  it('opens from the keyboard, shows every credit field and closes on Escape with focus back on the button', async () => {
    const { element, button, panel } = await setup();
    (element.ownerDocument.getElementById('before') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Tab}');
    expect(element.shadowRoot!.activeElement).toBe(
      screen(element).getByRole('button', { name: 'Photo credit details' }),
    );
    await userEvent.keyboard('{Enter}');
    expect(screen(element).getByRole('dialog', { name: 'Photo credit details' })).toBe(panel);
    await element.updateComplete;
    expect(screen(element).getByRole('button', { expanded: true })).toBe(button);
    const details = within(panel);
    for (const text of ['© Sputnik', 'Staff photographer', '© Sputnik 2023'])
      expect(details.getByText(text)).toBeTruthy();
    const links = details.getAllByRole('link').map((link) => (link as HTMLAnchorElement).href);
    expect(links).toEqual([fullCredit.license, fullCredit.acquireLicensePage]);
    // Tab moves into the panel (popovers follow their invoker in focus order).
    await userEvent.keyboard('{Tab}');
    expect(panel.contains(element.shadowRoot!.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(panel.matches(':popover-open')).toBe(false);
    expect(element.shadowRoot!.activeElement).toBe(button);
    await element.updateComplete;
    expect(screen(element).getByRole('button', { expanded: false })).toBe(button);
  });

  it('closes when Tab leaves the panel, leaving focus where it went', async () => {
    const { root, element, button, panel } = await setup();
    const after = root.appendChild(document.createElement('button'));
    after.textContent = 'after';
    button.focus();
    await userEvent.keyboard('{Enter}');
    // Into the panel, through its two links, then out of it.
    await userEvent.keyboard('{Tab}');
    expect(panel.contains(element.shadowRoot!.activeElement)).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(panel.matches(':popover-open')).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe(after);
    expect(panel.matches(':popover-open')).toBe(false);
    await element.updateComplete;
    expect(screen(element).getByRole('button', { expanded: false })).toBe(button);
  });

  it('stays open when a reader clicks its text inside a focusable region of the page', async () => {
    // As in every gallery (a focusable carousel) and on pages whose <main> takes focus for skip links.
    const root = mount('<main tabindex="-1"><div></div></main>');
    const shadow = root.querySelector('div')!.attachShadow({ mode: 'open' });
    renderTemplate(meta.render!({ ...meta.args, ...Default.args }, {} as never), shadow);
    const element = shadow.querySelector<WireCreditInfo>('wire-credit-info')!;
    await element.updateComplete;
    screen(element).getByRole('button', { name: 'Photo credit details' }).focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Tab}');
    const panel = element.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
    await userEvent.click(within(panel).getByText('Staff photographer'));
    expect(panel.matches(':popover-open')).toBe(true);
  });

  it('gives focus back to its button on Escape from inside the panel when it sits in a widget’s shadow root', async () => {
    // As in every card, gallery and story: the page's focus is then the widget, not the credit element.
    const root = mount('<div></div>');
    const shadow = root.firstElementChild!.attachShadow({ mode: 'open' });
    renderTemplate(meta.render!({ ...meta.args, ...Default.args }, {} as never), shadow);
    const element = shadow.querySelector<WireCreditInfo>('wire-credit-info')!;
    await element.updateComplete;
    const button = screen(element).getByRole('button', { name: 'Photo credit details' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Tab}');
    const panel = element.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
    expect(panel.contains(element.shadowRoot!.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(panel.matches(':popover-open')).toBe(false);
    await until(() => element.shadowRoot!.activeElement === button, undefined, 'focus back on the button');
    expect(document.activeElement).toBe(root.firstElementChild);
  });

  it('is positioned next to its button by floating-ui, and stops tracking when closed or removed', async () => {
    // floating-ui's autoUpdate follows the page's scroll with a listener on window while it tracks.
    const scrollListeners = () => census().listeners['window scroll|false'] ?? 0;
    const before = scrollListeners();
    const { element, button, panel } = await setup();
    button.click();
    await until(() => panel.style.top !== '', 3000, 'floating-ui placement');
    const buttonBox = button.getBoundingClientRect();
    const panelBox = panel.getBoundingClientRect();
    expect(panelBox.top).toBeGreaterThanOrEqual(buttonBox.bottom);
    expect(panelBox.top - buttonBox.bottom).toBeLessThan(20);
    expect(scrollListeners()).toBeGreaterThan(before);
    element.remove();
    expect(scrollListeners()).toBe(before);
  });

  it("writes its details in the widget's font size token", async () => {
    for (const [size, expected] of [
      ['', '14px'],
      ['20px', '17.5px'],
    ]) {
      const { element, button, panel } = await setup();
      element.style.setProperty('--wire-font-size', size);
      await userEvent.click(button);
      const heading = screen(element).getByRole('heading', { name: 'Photo credit details' });
      expect([getComputedStyle(panel).fontSize, getComputedStyle(heading).fontSize]).toEqual([
        expected,
        expected,
      ]);
      cleanup();
    }
  });

  it('builds its details only when opened, and never opens empty', async () => {
    const { element, panel } = await setup();
    // Closed, the panel is an empty shell: a page of cards does not build a panel per photo up front.
    expect(panel.childElementCount).toBe(0);
    element.show();
    // Checked in the same task as show(): the details are there before the panel is first drawn and placed.
    const details = within(panel);
    for (const text of ['© Sputnik', 'Staff photographer', '© Sputnik 2023'])
      expect(details.getByText(text)).toBeTruthy();
    expect(details.getAllByRole('link')).toHaveLength(2);
  });

  it('speaks the reader language', async () => {
    const { element } = await setup(Russian);
    expect(screen(element).getByRole('button', { name: 'Сведения об авторе фото' })).toBeTruthy();
  });

  it('renders nothing when there is nothing beyond the credit line', async () => {
    const { element } = await setup(CreditLineOnly);
    expect(screen(element).queryByRole('button')).toBeNull();
    expect(element.getBoundingClientRect().width).toBe(0);
  });
});

describe('<wire-credit-info> moved while open', () => {
  it('does not claim to be expanded after it is taken out of the page and put back', async () => {
    const { root, element, button, panel } = await setup();
    button.click();
    await until(
      () => screen(element).queryByRole('button', { expanded: true }) === button,
      2000,
      'the panel to open',
    );
    element.remove();
    root.append(element);
    await element.updateComplete;
    expect(panel.matches(':popover-open')).toBe(false);
    expect(screen(element).getByRole('button', { expanded: false })).toBe(button);
  });
});
