import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToBrowser } from '../../src/shared/slices.js';

afterEach(() => vi.unstubAllGlobals());

describe('yieldToBrowser', () => {
  it('goes on where `scheduler` is a page element (a form named "scheduler" with a control named "yield")', async () => {
    vi.stubGlobal('scheduler', { yield: { tagName: 'INPUT' } });
    await expect(yieldToBrowser()).resolves.toBeUndefined();
  });

  it('goes on where reading `scheduler.yield` throws', async () => {
    vi.stubGlobal('scheduler', {
      get yield() {
        throw new Error('clobbered');
      },
    });
    await expect(yieldToBrowser()).resolves.toBeUndefined();
  });

  it('goes on where `scheduler.yield()` rejects', async () => {
    vi.stubGlobal('scheduler', { yield: () => Promise.reject(new DOMException('aborted', 'AbortError')) });
    await expect(yieldToBrowser()).resolves.toBeUndefined();
  });
});
