/**
 * How long work the page is waiting for (the widgets' renders, reading a feed) runs before it gives the thread
 * back: a quarter of the 50 ms that makes a task long, as Lighthouse's mobile run slows the CPU four times and a
 * mid-range phone is about that much slower than a laptop.
 */
export const SLICE_MS = 12;

/**
 * Resolves in a new task: the page can paint and handle input between two long steps. A message posted to itself
 * rather than a timer, because a chain of zero-delay timers is held to 4 ms a link after the fifth, and to one a
 * second in a background tab: where the browser has no `scheduler.yield()` (Safari), a queue of renders or a feed
 * read in slices would idle that long between slices. A timer where a page broke `MessageChannel`.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    try {
      const { port1, port2 } = new MessageChannel();
      // Closed once used, so that it keeps nothing alive (a Node process).
      port1.onmessage = () => resolve(port1.close());
      port2.postMessage(0);
    } catch {
      setTimeout(resolve);
    }
  });

/**
 * Gives the browser the thread (input, paint), then continues: `scheduler.yield()`, which resumes ahead of other
 * tasks, else a new task. Never throws or rejects: `scheduler.yield()` takes on the abort signal of the task it was
 * called from, so a host that set a feed inside `scheduler.postTask(…, { signal })` and aborted it would reject it,
 * and the widgets would stop drawing.
 */
export function yieldToBrowser(): Promise<void> {
  // Where the browser has no `scheduler`, the global of that name can be a page's element (`<form id="scheduler">`).
  try {
    const scheduler = (globalThis as { scheduler?: { yield?: unknown } }).scheduler;
    if (typeof scheduler?.yield === 'function')
      return (scheduler.yield as () => Promise<void>).call(scheduler).catch(nextTask);
  } catch {
    // Fall through to a plain task.
  }
  return nextTask();
}
