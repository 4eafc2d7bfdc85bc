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

  it('without `scheduler.yield()`, gives the thread back by a message, which no browser holds back as a timer', async () => {
    vi.stubGlobal('scheduler', undefined);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      // Twenty in a row: a chain of timers is held to 4 ms a link after the fifth.
      for (let i = 0; i < 20; i++) await yieldToBrowser();
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });

  it('falls back on a timer where the page broke `MessageChannel`', async () => {
    vi.stubGlobal('scheduler', undefined);
    vi.stubGlobal('MessageChannel', () => {
      throw new TypeError('clobbered');
    });
    await expect(yieldToBrowser()).resolves.toBeUndefined();
  });
});
