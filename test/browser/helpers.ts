import { configure, within } from '@testing-library/dom';
import { inject } from 'vitest';
import { page } from 'vitest/browser';

// findBy… and waitFor give up after 1 s by default; on a busy 2-core machine a widget can take longer to load.
configure({ asyncUtilTimeout: 10_000 });

/** The test server started by global-setup.ts (see test/server.mjs for its routes). */
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

/**
 * The shortest any wait here gives up after, whatever a test asks: on a busy two-core machine a render that
 * takes 20 ms alone can take seconds. A wait costs time only when the test is failing anyway, and no test
 * asserts how long anything took.
 */
const PATIENCE = 30_000;

/** Resolves with the next event of that name from `target` (or rejects after `ms`, at least `PATIENCE`). */
export function nextEvent<T extends Event>(target: EventTarget, name: string, ms = PATIENCE): Promise<T> {
  ms = Math.max(ms, PATIENCE);
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

/** Resolves once `check()` holds, polling; fails after `ms` (at least `PATIENCE`) naming `what`. */
export async function until(check: () => boolean, ms = PATIENCE, what = 'condition'): Promise<void> {
  ms = Math.max(ms, PATIENCE);
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Testing Library's queries bound to an element's shadow root, where widgets render. The queries walk any
 * ParentNode; their types only say HTMLElement.
 */
export function inShadow(element: Element) {
  return within(element.shadowRoot! as unknown as HTMLElement);
}

/** Text a reader sees in an element's shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An element's screenshot as RGBA pixels (for checks such as "a focus ring appeared all round"). */
export async function pixels(element: Element): Promise<Uint8ClampedArray> {
  return (await screenshot(element)).data;
}

/** An element's screenshot, with its size in device pixels (for checks of where something is drawn). */
export async function screenshot(element: Element): Promise<ImageData> {
  const image = new Image();
  image.src = `data:image/png;base64,${await page.screenshot({ element, save: false })}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height);
}

/**
 * Pixels that changed clearly between two captures of `frame`, by where they lie against `target`'s box: up to
 * `outside` CSS px outside its edge, from 1 to `inside` px inside it, and of those inside, the ones in its corners
 * (for checks such as "the focus ring is drawn round the widget, not on its own edge"). The first pixel inside is
 * left out: the test page may be drawn scaled, and that pixel then blends in what lies just outside.
 */
export function changedAround(
  a: ImageData,
  b: ImageData,
  frame: Element,
  target: Element,
  { outside = 4, inside = 3 } = {},
): { outside: number; inside: number; corners: number } {
  const [from, box] = [frame.getBoundingClientRect(), target.getBoundingClientRect()];
  const scale = a.width / from.width;
  const counts = { outside: 0, inside: 0, corners: 0 };
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!))) <= 48) continue;
      const [px, py] = [from.left + (x + 0.5) / scale, from.top + (y + 0.5) / scale];
      const [dx, dy] = [Math.max(box.left - px, px - box.right), Math.max(box.top - py, py - box.bottom)];
      const beyond = Math.max(dx, dy);
      if (beyond > 0 && beyond <= outside) counts.outside++;
      else if (beyond <= -1 && beyond > -inside) {
        counts.inside++;
        if (dx > -inside && dy > -inside) counts.corners++;
      }
    }
  return counts;
}

/** Pixels that changed clearly between two same-size captures (not anti-aliasing noise). */
export function changedPixels(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4)
    if (Math.max(...[0, 1, 2].map((c) => Math.abs(a[i + c]! - b[i + c]!))) > 48) count++;
  return count;
}
