import { inject } from 'vitest';

/** The fault server started by global-setup.ts (see test/server.ts for its routes). */
export const faultServer = () => inject('faultServer');

export async function serverHits(path: string): Promise<number> {
  const response = await fetch(`${faultServer()}/__hits?path=${encodeURIComponent(path)}`);
  return ((await response.json()) as { hits: number }).hits;
}

/** Adds markup to a fresh container in the document and returns the container; removed by `cleanup()`. */
export function mount(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.className = 'test-mount';
  // Test-authored markup, never feed data.
  container.innerHTML = markup;
  document.body.append(container);
  return container;
}

export function cleanup(): void {
  for (const node of document.querySelectorAll('.test-mount')) node.remove();
}

/** Resolves with the next event of that name from `target` (or rejects after `ms`). */
export function nextEvent<T extends Event>(target: EventTarget, name: string, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${ms} ms`)), ms);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as T);
      },
      { once: true },
    );
  });
}

export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Text a reader sees in an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
