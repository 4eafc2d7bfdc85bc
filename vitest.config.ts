import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './test/chromium.mjs';

// Every project, the browser it launches and the servers it starts read dates in UTC, wherever the suite runs (a
// shell's TZ included): the fixtures' dates are UTC instants, and the sample story's 06:03Z is September 15 only
// east of UTC-6. The tests written not to depend on the zone pass under any: WIRE_TEST_TZ=Asia/Tokyo checks them.
process.env.TZ = process.env.WIRE_TEST_TZ || 'UTC';

// A fresh object per project: two projects sharing one browser config fail with "browser (chromium) was
// already defined".
function browser() {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
    instances: [{ browser: 'chromium' as const, viewport: { width: 1024, height: 768 } }],
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          // Timeouts sized for a busy 2-core machine shared with other runs; the property tests run hundreds of
          // cases each.
          testTimeout: 120_000,
          // A poll that gives up after Vitest's default second fails on a busy machine for no reason.
          expect: { poll: { timeout: 30_000 } },
          hookTimeout: 120_000,
        },
      },
      {
        // Pre-bundled up front: a dependency discovered mid-run (floating-ui is imported lazily) makes Vite reload
        // the page under the running tests.
        optimizeDeps: {
          include: [
            '@floating-ui/dom',
            'lit',
            '@lit/context',
            '@lit/task',
            '@lit/react',
            'react',
            'react-dom',
            'react-dom/client',
            'fast-check',
          ],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          setupFiles: ['test/browser/setup.ts'],
          browser: browser(),
          testTimeout: 120_000,
          // A poll that gives up after Vitest's default second fails on a busy machine for no reason.
          expect: { poll: { timeout: 30_000 } },
          hookTimeout: 120_000,
        },
      },
      {
        // End-to-end pages served by our own server with real HTTP headers (CSP, Trusted Types), driven by
        // Playwright from Node: the built bundle exactly as a site builder loads it.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          // A poll that gives up after Vitest's default second fails on a busy machine for no reason.
          expect: { poll: { timeout: 30_000 } },
          hookTimeout: 300_000,
        },
      },
      {
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser(),
          setupFiles: ['test/storybook-setup.ts'],
          testTimeout: 120_000,
          // A poll that gives up after Vitest's default second fails on a busy machine for no reason.
          expect: { poll: { timeout: 30_000 } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
