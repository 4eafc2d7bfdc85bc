import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it } from 'vitest';
import { census } from '../hostile/instrument.js';
import { cleanup, mount, until } from './helpers.js';
import { fullCredit } from '../../stories/credit-info.stories.js';
import type { WireCreditInfo } from '../../src/components/credit-info/credit-info.js';
import '../../src/components/credit-info/credit-info.define.js';

afterEach(cleanup);

async function setup(lang = 'en') {
  const root = mount(
    `<p><button id="before">before</button></p><wire-credit-info lang="${lang}"></wire-credit-info>`,
  );
  const element = root.querySelector<WireCreditInfo>('wire-credit-info')!;
  element.photo = fullCredit;
  await element.updateComplete;
  const button = element.shadowRoot!.querySelector('button')!;
  const panel = element.shadowRoot!.querySelector<HTMLElement>('[popover]')!;
  return { root, element, button, panel };
}

describe('<wire-credit-info>', () => {
  it('opens from the keyboard, shows every credit field and closes on Escape with focus back on the button', async () => {
    const { element, button, panel } = await setup();
    (element.ownerDocument.getElementById('before') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Tab}');
    expect(element.shadowRoot!.activeElement).toBe(button);
    expect(button.getAttribute('aria-label')).toBe('Photo credit details');
    await userEvent.keyboard('{Enter}');
    expect(panel.matches(':popover-open')).toBe(true);
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const text = panel.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('© Sputnik');
    expect(text).toContain('Staff photographer');
    expect(text).toContain('© Sputnik 2023');
    const links = [...panel.querySelectorAll('a')].map((a) => a.href);
    expect(links).toEqual([fullCredit.license, fullCredit.acquireLicensePage]);
    // Tab moves into the panel (popovers follow their invoker in focus order).
    await userEvent.keyboard('{Tab}');
    expect(panel.contains(element.shadowRoot!.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(panel.matches(':popover-open')).toBe(false);
    expect(element.shadowRoot!.activeElement).toBe(button);
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).toBe('false');
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

  it('speaks the reader language', async () => {
    const { button } = await setup('ru');
    expect(button.getAttribute('aria-label')).toBe('Сведения об авторе фото');
  });

  it('renders nothing when there is nothing beyond the credit line', async () => {
    const root = mount('<wire-credit-info></wire-credit-info>');
    const element = root.querySelector<WireCreditInfo>('wire-credit-info')!;
    element.photo = {
      ...fullCredit,
      creator: '',
      copyrightNotice: '',
      license: undefined,
      acquireLicensePage: undefined,
    };
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('button')).toBeNull();
    expect(element.getBoundingClientRect().width).toBe(0);
  });
});

describe('<wire-credit-info> moved while open', () => {
  it('does not claim to be expanded after it is taken out of the page and put back', async () => {
    const { root, element, button, panel } = await setup();
    button.click();
    await until(() => button.getAttribute('aria-expanded') === 'true', 2000, 'the panel to open');
    element.remove();
    root.append(element);
    await element.updateComplete;
    expect(panel.matches(':popover-open')).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
