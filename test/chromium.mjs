/**
 * How every test and benchmark launches Chromium: the system browser (scripts/ensure-chromium.sh finds or
 * installs it), headless as root, with background networking off so it never calls outside hosts, which this
 * network refuses. Plain JavaScript so that the Node benchmark scripts can import it too.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
