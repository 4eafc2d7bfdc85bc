#!/usr/bin/env node
// npm run demo:partner: regenerates the server-rendered parts of demo/partner.html with the CLI, as a partner's
// build step would (after `npm run build`). `npm start` has no build step, so the output is committed in the page
// between the markers below; `--stdout` prints the regenerated page instead of writing it, for the test that keeps
// the committed page from drifting (test/e2e/demo-partner.test.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE = fileURLToPath(new URL('partner.html', import.meta.url));
const ITEM = 'kim-jong-un-komsomolsk-on-amur';
/**
 * Where the publisher's feed lives. The demo serves the partner's page at 127.0.0.1 and the publisher at localhost
 * (the same Vite server, another origin), so the widget treats the page as a partner's, as on a real one.
 */
const BASE = 'http://localhost:5173/sample-feed.json';

function cli(...args) {
  return execFileSync(
    process.execPath,
    [
      'bin/wire-widgets.mjs',
      'render',
      'demo/public/sample-feed.json',
      '--widget',
      'story',
      '--item',
      ITEM,
      '--base',
      BASE,
      // The committed page is static: it shows the copy it was rendered with, and re-reads nothing.
      '--no-live',
      ...args,
    ],
    // Dates are written in the server's time zone: pinned, so the page is the same whoever regenerates it.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
  ).trimEnd();
}

/** `page` with the lines between `<!-- name:start … -->` and `<!-- name:end -->` replaced by `content`. */
function splice(page, name, content) {
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->)[\\s\\S]*?\\n([ \\t]*)(<!-- ${name}:end -->)`);
  if (!pattern.test(page)) throw new Error(`demo/partner.html has no ${name} markers`);
  // The content goes in as printed, unindented: a line break inside it may be text.
  return page.replace(pattern, (_, start, indent, end) => `${start}\n${content}\n${indent}${end}`);
}

const page = splice(
  splice(readFileSync(PAGE, 'utf8'), 'wire-widgets-head', cli('--head')),
  'wire-widgets-story',
  cli(),
);
if (process.argv.includes('--stdout')) process.stdout.write(page);
else writeFileSync(PAGE, page);
