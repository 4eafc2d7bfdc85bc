/**
 * The files the README and the guides tell a reader to load from a CDN (`src="https://…/wire-widgets/…"`) exist in
 * the built package: a snippet naming a file the package does not have leaves its element empty, with only a 404 in
 * the console. Run after `npm run build` (as `npm test` does).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`)].filter((name) =>
  name.endsWith('.md'),
);
/** A script or stylesheet from the package on a CDN, as a snippet loads it; the path inside the package. */
const CDN_FILE = /(?:src|href)="https?:\/\/[^"]*\/wire-widgets(?:@[^/"]+)?\/([^"]+)"/g;

describe('CDN paths in the docs', () => {
  it.runIf(existsSync(join(ROOT, 'dist')) || process.env.CI)('name files the package has', () => {
    const paths = DOCS.flatMap((doc) =>
      [...readFileSync(join(ROOT, doc), 'utf8').matchAll(CDN_FILE)].map((match) => ({
        doc,
        path: match[1]!,
      })),
    );
    expect(paths.length).toBeGreaterThanOrEqual(5);
    // Under dist/, the one folder of the package a page loads from.
    expect(paths.filter(({ path }) => !path.startsWith('dist/') || !existsSync(join(ROOT, path)))).toEqual(
      [],
    );
  });
});
