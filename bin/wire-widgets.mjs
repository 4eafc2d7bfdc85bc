#!/usr/bin/env node
// wire-widgets render <feed> --widget <name> [--item <id>] [--attr <name>=<value> …] [--base <url>]
//                    [--live <url> | --no-live]
// wire-widgets render <feed> --widget story [--item <id>] --head [--index]
//
// Prints one widget as a self-contained HTML snippet on stdout (see docs/server-rendering.md). On bad input it
// prints nothing on stdout and one line on stderr, and exits 1, so a build step can use the output as it is.
// Otherwise stderr lists what the feed reader dropped or repaired in the feed, and what the snippet goes without
// (relative URLs without --base, a live feed), one line each: the snippet is still printed, and the exit is 0.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { renderStoryHead, renderWidget, WIDGETS } from '../dist/ssr/index.js';

const USAGE = `usage: wire-widgets render <feed file or http(s) URL> --widget <${WIDGETS.join('|')}> [--item <id>] [--attr <name>=<value> ...] [--base <url>] [--live <url> | --no-live] [--head [--index]]`;

const HELP = `${USAGE}

Prints one widget as a self-contained HTML snippet (docs/server-rendering.md) on stdout.

  <feed>                  a JSON Feed file, or its http(s) URL
  --widget <name>         the widget to render
  --item <id>             the story it shows (default: the feed's first that is out of embargo)
  --attr <name>=<value>   an attribute of the element (repeatable), e.g. --attr layout=hero
  --base <url>            where a feed file is published: its relative URLs resolve against it, and are
                          dropped without it
  --live <url>            the live feed the snippet re-reads in the browser, to apply a kill, an embargo or an
                          expiry issued later (default: the feed's URL, else its feed_url)
  --no-live               no live feed
  --head                  with --widget story: the partner page's <head> lines instead (robots meta, JSON-LD)
  --index                 with --head: leave the robots meta out
  -h, --help              this text

Bad input: nothing on stdout, one line on stderr, exit 1. Otherwise stderr lists what the feed reader dropped
or repaired, with hints, and the exit is 0.`;

/** The loader's own cap on a feed body: a file is held to the same limit as a download. */
const MAX_BYTES = 5_000_000;

class UsageError extends Error {}

async function readFeedFile(path) {
  let size;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new UsageError(`cannot read ${path}: no such file`);
  }
  if (size > MAX_BYTES) throw new UsageError(`cannot read ${path}: larger than ${MAX_BYTES} bytes`);
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${error.message}`);
  }
}

/** Lines for stderr after a printed snippet: what the feed reader dropped, and what the snippet goes without. */
const notes = [];
const onWarning = (message) => notes.push(`warning: ${message}`);

function httpUrl(value) {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      widget: { type: 'string' },
      item: { type: 'string' },
      attr: { type: 'string', multiple: true },
      base: { type: 'string' },
      head: { type: 'boolean' },
      index: { type: 'boolean' },
      live: { type: 'string' },
      'no-live': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return HELP;
  const [command, source, ...rest] = positionals;
  if (command !== 'render' || !source || rest.length || !values.widget) throw new UsageError(USAGE);
  const attributes = {};
  for (const pair of values.attr ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--attr wants <name>=<value>, got ${JSON.stringify(pair)}`);
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (values.base !== undefined && !httpUrl(values.base))
    throw new UsageError(`--base wants an http(s) URL, got ${JSON.stringify(values.base)}`);
  // Anything that looks like a URL goes to the loader, which refuses every scheme but http(s).
  const feed = /^[a-z][a-z\d+.-]*:/i.test(source) ? source : await readFeedFile(source);
  const output = await render(feed, values, attributes);
  if (!values.base && notes.some((note) => note.includes('not an absolute URL')))
    notes.push(
      'hint: relative URLs are dropped without --base: pass --base <url>, where the feed file is published',
    );
  return output;
}

async function render(feed, values, attributes) {
  // The partner page's <head> lines for the story, printed instead of the widget: they go elsewhere in the page.
  if (values.head) {
    if (values.widget !== 'story') throw new UsageError('--head is for --widget story');
    return renderStoryHead(feed, { item: values.item, index: values.index, baseUrl: values.base, onWarning });
  }
  if (values.index) throw new UsageError('--index goes with --head');
  if (values.live !== undefined && values['no-live'])
    throw new UsageError('--live and --no-live exclude each other');
  const snippet = await renderWidget(feed, {
    widget: values.widget,
    item: values.item,
    attributes,
    baseUrl: values.base,
    live: values['no-live'] ? false : values.live,
    onWarning,
  });
  // The live feed is the src renderWidget writes on the snippet's <wire-feed>, when it has one.
  if (!values['no-live'] && !/^<wire-feed\s[^>]*\bsrc=/.test(snippet))
    notes.push(
      'hint: the snippet has no live feed, as the feed names no usable http(s) feed_url: a kill, expiry or ' +
        'embargo issued later will not reach it. ' +
        'Pass --live <url>, where the feed is published, or --no-live to render without one',
    );
  return snippet;
}

try {
  const html = await main(process.argv.slice(2));
  for (const note of notes) process.stderr.write(`wire-widgets: ${note}\n`);
  process.stdout.write(`${html}\n`, () => process.exit(0));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`wire-widgets: ${message.split('\n')[0]}\n`, () => process.exit(1));
}
