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

/** A queued render: `alone` when it must not share its task with any other job (see `queueRender`). */
interface Job {
  run: () => Promise<void> | undefined;
  alone: boolean;
}

/** The renders waiting, in order; undefined when none are. A job returns a promise when it reads in slices. */
let queue: Job[] | undefined;

/**
 * Runs the queue, which may grow meanwhile, to its end; the array iterator sees what is pushed while it runs. A slice
 * takes jobs while they fit in `SLICE_MS`, each job assumed to cost what the one before it did: a slice that started
 * a job near its end ran over by that job's whole length (on Lighthouse's phone, a card's cold first render joined to
 * the Intl formatters before it was a task of 124 ms). A first job always runs, however long it turns out.
 */
async function drain(jobs: Job[]): Promise<void> {
  let sliceStart = performance.now();
  // What the job before took, the next one's estimate: -Infinity before the first, Infinity after one alone.
  let last = -Infinity;
  for (const job of jobs) {
    if (last > -Infinity && (job.alone || performance.now() - sliceStart + last >= SLICE_MS)) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
    // A job that yields in its own slices (reading an inline feed) holds the queue: the jobs behind it need what it
    // reads. Its length includes its pauses, so the next job starts in a new task.
    const start = performance.now();
    const pending = job.run();
    if (pending) await pending;
    last = job.alone ? Infinity : performance.now() - start;
  }
  queue = undefined;
}

/** How a job starts: see `queueRender`. */
export interface QueueOptions {
  /** In a task of its own when the queue is empty, rather than in a microtask of the task that queued it. */
  ownTask?: boolean;
  /** In a task that runs no other job: work whose length the queue cannot foresee from the job before it. */
  alone?: boolean;
}

/**
 * Runs `render` in its turn; the promise settles as `render` returns or throws, or as the promise it returns settles
 * (the queue waits for that one before the next job). A queue that is empty starts in a microtask, after those in
 * which the other elements of the same change enqueue, so that their renders share one slice and a reader's click
 * is answered in the frame it belongs to; with `ownTask` (hydration, which the bundle's evaluation and the elements'
 * upgrades start, and `<wire-feed>`'s jobs ahead of it), it starts in a task of its own instead of lengthening that
 * one. An `alone` job (`<wire-feed>`'s Intl steps, whose point is to be tasks of their own) shares its task with no
 * other job.
 */
export function queueRender(
  render: () => unknown,
  { ownTask = false, alone = false }: QueueOptions = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const run = () => {
      try {
        const pending = render();
        if (pending instanceof Promise) return pending.then(() => resolve(), reject);
        resolve();
      } catch (error) {
        reject(error);
      }
      return undefined;
    };
    const job = { run, alone };
    if (queue) queue.push(job);
    else {
      const jobs = (queue = [job]);
      if (ownTask) void yieldToBrowser().then(() => drain(jobs));
      else queueMicrotask(() => void drain(jobs));
    }
  });
}
