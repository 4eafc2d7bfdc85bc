import { describe, expect, it } from 'vitest';
import { formatterSteps, list, plural, registerCatalog } from '../../src/i18n/i18n.js';

describe('formatterSteps', () => {
  it('builds the number, plural and list formatters a card uses, so a count and a byline later build none', () => {
    // A language of its own: no other test has cached its formatters.
    registerCatalog('fi', {});
    const originals = {
      NumberFormat: Intl.NumberFormat,
      PluralRules: Intl.PluralRules,
      ListFormat: Intl.ListFormat,
    };
    const built: string[] = [];
    for (const [name, Original] of Object.entries(originals))
      Object.assign(Intl, {
        [name]: new Proxy(Original, {
          construct(target, args) {
            built.push(name);
            return Reflect.construct(target, args) as object;
          },
        }),
      });
    try {
      for (const step of formatterSteps) step('fi-FI');
      expect(built.sort()).toEqual(['ListFormat', 'NumberFormat', 'PluralRules']);
      // Finnish digit grouping: the prepared number format, not a new one.
      expect(plural('fi', 'commentCount', 1234)).toMatch(/^1\s234\b/);
      expect(list('fi', ['Anna', 'Pekka'])).toBe('Anna ja Pekka');
      expect(built).toHaveLength(3);
    } finally {
      Object.assign(Intl, originals);
    }
  });
});

describe('plural', () => {
  it('writes counts in the strings of a language registered again, not in those it wrote before', () => {
    // A language no other test registers.
    registerCatalog('sv', { commentCount: { one: '{n} note', other: '{n} notes' } });
    expect([1, 2].map((n) => plural('sv', 'commentCount', n))).toEqual(['1 note', '2 notes']);
    registerCatalog('sv', { commentCount: { one: '{n} reply', other: '{n} replies' } });
    expect([1, 2].map((n) => plural('sv', 'commentCount', n))).toEqual(['1 reply', '2 replies']);
  });
});
