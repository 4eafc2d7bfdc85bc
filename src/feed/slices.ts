/**
 * How long work the page is waiting for (the widgets' renders, reading a feed) runs before it gives the thread
 * back: a quarter of the 50 ms that makes a task long, as Lighthouse's mobile run slows the CPU four times and a
 * mid-range phone is about that much slower than a laptop.
 */
export const SLICE_MS = 12;

/**
 * Gives the browser the thread (input, paint), then continues: `scheduler.yield()`, which resumes ahead of other
 * tasks, else a new task.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}
