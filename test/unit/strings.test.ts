import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCatalogs, fallback, type Strings } from '../../src/i18n/strings.js';

const SRC = resolve(import.meta.dirname, '../../src');
const I18N = join(SRC, 'i18n');
const LOCALES = join(I18N, 'locales');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Keys the shipped code asks for: every quoted word inside the arguments of a `t(…)` or `plural(…)` call, so
 * `t(lang, open ? 'hideCredits' : 'photoCredits')` counts both. The catalogs themselves are left out, or every key
 * would count as used by its own definition.
 */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  for (const file of sources(SRC)) {
    if (file === join(I18N, 'strings.ts') || file.startsWith(LOCALES)) continue;
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\b(?:t|plural)\(/g)) {
      let depth = 1;
      let end = call.index + call[0].length;
      for (; end < text.length && depth > 0; end++)
        depth += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
      const args = text.slice(call.index + call[0].length, end - 1);
      for (const word of args.matchAll(/'(\w+)'/g)) used.add(word[1]!);
    }
  }
  return used;
}

const englishKeys = Object.keys(fallback).sort();

describe('string catalog', () => {
  it('has no key that no element asks for', () => {
    const used = usedKeys();
    expect(englishKeys.filter((key) => !used.has(key))).toEqual([]);
  });

  const localeFiles = readdirSync(LOCALES).filter((name) => name.endsWith('.ts'));

  it('bundles every locale file, and only those', () => {
    expect(Object.keys(bundledCatalogs).sort()).toEqual(localeFiles.map((name) => name.slice(0, -3)).sort());
  });

  it.each(localeFiles)('%s has exactly the English keys, plural forms included', async (name) => {
    const { default: catalog } = (await import(/* @vite-ignore */ join(LOCALES, name))) as {
      default: Partial<Strings>;
    };
    expect(Object.keys(catalog).sort(), relative(SRC, join(LOCALES, name))).toEqual(englishKeys);
    // A plural entry must carry `other`, the form Intl.PluralRules falls back to in every language.
    for (const key of englishKeys)
      if (typeof fallback[key as keyof Strings] === 'object')
        expect(catalog[key as keyof Strings], `${name} ${key}`).toHaveProperty('other');
  });
});
