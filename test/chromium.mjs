/**
 * How every test and benchmark launches Chromium: the system browser (scripts/ensure-chromium.sh, npm's
 * `pretest`, finds or installs it), headless as root, with background networking off so it never calls outside
 * hosts, which this network refuses. Plain JavaScript so that the Node benchmark scripts can import it too.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** CHROME_PATH when set, else the first Chromium or Chrome on PATH, else Debian's path. */
export const chromiumPath =
  process.env.CHROME_PATH ||
  (process.env.PATH ?? '')
    .split(delimiter)
    .flatMap((dir) => NAMES.map((name) => join(dir, name)))
    .find((path) => existsSync(path)) ||
  '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
