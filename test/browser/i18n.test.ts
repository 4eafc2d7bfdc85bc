import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, inShadow, mount } from './helpers.js';
import {
  CatalogController,
  list,
  plural,
  registerCatalog,
  resolveDirection,
  resolveLanguage,
  t,
} from '../../src/i18n/i18n.js';

class SaysLoading extends LitElement {
  constructor() {
    super();
    new CatalogController(this);
  }
  override render() {
    return html`<p>${t(resolveLanguage(this), 'loading')}</p>`;
  }
}
customElements.define('says-loading', SaysLoading);

afterEach(cleanup);

describe('string catalogs', () => {
  it('loads a language on first use, shows English meanwhile, then re-renders in it', async () => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    registerCatalog('eo', async () => {
      await arrived;
      return { default: { loading: 'Ŝargante…' } };
    });
    const root = mount('<says-loading lang="eo"></says-loading>');
    const element = root.querySelector<SaysLoading>('says-loading')!;
    await element.updateComplete;
    const view = inShadow(element);
    expect(view.getByText('Loading…')).toBeTruthy();
    release();
    await view.findByText('Ŝargante…', {}, { timeout: 10_000 });
    expect(view.queryByText('Loading…')).toBeNull();
    // Keys the catalog lacks fall back to English.
    expect(t('eo', 'readStory')).toBe('Read the story');
  });

  it('ships Russian as its own chunk with correct plural forms', async () => {
    expect([1, 3, 5, 21, 0].map((n) => plural('ru', 'commentCount', n))).toEqual([
      '1 комментарий',
      '3 комментария',
      '5 комментариев',
      '21 комментарий',
      '0 комментариев',
    ]);
    expect(plural('ru-RU', 'commentCount', 2)).toBe('2 комментария');
  });

  it('takes the language from the element, then ancestors across shadow roots, then the feed, then the page', () => {
    const root = mount('<div lang="ru"><span id="inner"></span></div><span id="outer"></span>');
    expect(resolveLanguage(root.querySelector('#inner')!)).toBe('ru');
    expect(resolveLanguage(root.querySelector('#outer')!, 'de')).toBe('de');
    const host = document.createElement('div');
    host.lang = 'fr';
    const shadow = host.attachShadow({ mode: 'open' });
    const deep = document.createElement('span');
    shadow.append(deep);
    root.append(host);
    expect(resolveLanguage(deep)).toBe('fr');
  });
});

describe('direction and lists', () => {
  it('lays out right to left for an RTL language or dir inside the page, whatever the page root says', () => {
    const html = document.documentElement;
    const saved = [html.getAttribute('lang'), html.getAttribute('dir')];
    html.setAttribute('lang', 'en');
    html.setAttribute('dir', 'ltr');
    try {
      const root = mount('<span id="plain"></span><div dir="rtl"><span id="inside"></span></div>');
      const plain = root.querySelector('#plain')!;
      expect(resolveDirection(plain, 'ar')).toBe('rtl');
      expect(resolveDirection(plain, 'en')).toBe('ltr');
      expect(resolveDirection(root.querySelector('#inside')!, 'en')).toBe('rtl');
      html.setAttribute('dir', 'rtl');
      html.setAttribute('lang', 'he');
      // The page's dir decides for a widget in the page's language, not for an English feed on a Hebrew page.
      expect(resolveDirection(plain, 'he')).toBe('rtl');
      expect(resolveDirection(plain, 'en')).toBe('ltr');
    } finally {
      for (const [name, value] of [
        ['lang', saved[0]],
        ['dir', saved[1]],
      ] as const) {
        if (value === null) html.removeAttribute(name);
        else html.setAttribute(name, value);
      }
    }
  });

  it('joins names in the language of the strings around them', () => {
    expect(list('de', ['Anna', 'Ben'])).toBe('Anna and Ben');
    expect(list('ru', ['Анна', 'Борис'])).toBe('Анна и Борис');
  });
});
