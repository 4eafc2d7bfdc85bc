/**
 * One queue for the renders that can wait: when a feed arrives, every widget on the page re-renders in the same
 * microtask checkpoint, and a page with a gallery and a dozen cards made that one long task, the Total Blocking
 * Time Lighthouse reports and the delay a reader's tap meets. Queued renders run in order, in slices of at most
 * `SLICE_MS`, and the queue yields to the browser between slices (`scheduler.yield()`, which keeps the queue ahead
 * of other tasks, else a new task).
 *
 * Not queued: a widget's first render into an empty shadow root (the skeleton, or a card whose feed was given as a
 * property), which must be in the first frame that shows the element, lest the element be drawn at zero height,
 * unless the page's wire-widgets.css holds its box until it has drawn; and `<wire-feed>`'s first render, which
 * queues the reading of its inline copy ahead of the widgets' hydrations.
 */
import { SLICE_MS, yieldToBrowser } from './slices.js';

/** The renders waiting, in order; undefined when none are. A job returns a promise when it reads in slices. */
let queue: (() => Promise<void> | undefined)[] | undefined;

/** Runs the queue, which may grow meanwhile, to its end; the array iterator sees what is pushed while it runs. */
async function drain(jobs: (() => Promise<void> | undefined)[]): Promise<void> {
  let sliceStart = performance.now();
  for (const job of jobs) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
    // A job that yields in its own slices (reading an inline feed) holds the queue: the jobs behind it need what it
    // reads. Its last slice counts towards this one, so the next job starts in a new task.
    const pending = job();
    if (pending) await pending;
  }
  queue = undefined;
}

/**
 * Runs `render` in its turn; the promise settles as `render` returns or throws, or as the promise it returns settles
 * (the queue waits for that one before the next job). A queue that is empty starts in a microtask, after those in
 * which the other elements of the same change enqueue, so that their renders share one slice and a reader's click
 * is answered in the frame it belongs to; with `ownTask` (hydration, which the bundle's evaluation and the elements'
 * upgrades start, and `<wire-feed>`'s jobs ahead of it), it starts in a task of its own instead of lengthening that
 * one.
 */
export function queueRender(render: () => unknown, ownTask = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const job = () => {
      try {
        const pending = render();
        if (pending instanceof Promise) return pending.then(() => resolve(), reject);
        resolve();
      } catch (error) {
        reject(error);
      }
      return undefined;
    };
    if (queue) queue.push(job);
    else {
      const jobs = (queue = [job]);
      if (ownTask) void yieldToBrowser().then(() => drain(jobs));
      else queueMicrotask(() => void drain(jobs));
    }
  });
}
