/** Small raw JSON Feeds written for the project's own tests (the real-world corpus lives in ../shared/corpus). */

export interface RawItem {
  id?: string | number;
  url?: string;
  title?: string;
  [key: string]: unknown;
}

export function rawFeed(items: RawItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test Wire',
    home_page_url: 'https://news.example/',
    language: 'en',
    items,
    ...extra,
  };
}

export function rawItem(id: string, extra: Record<string, unknown> = {}): RawItem {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Story ${id}`,
    summary: `Summary of ${id}`,
    date_published: '2023-09-15T09:00:00Z',
    ...extra,
  };
}

/** What the test server (test/server.mjs) answers at /feed and its other feed routes: three stories. */
export function serverFeed(): Record<string, unknown> {
  return rawFeed([rawItem('one'), rawItem('two'), rawItem('three')]);
}
