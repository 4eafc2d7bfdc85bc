import type { Feed, FeedItem, ExternalStory } from '../../feed/types.js';

/**
 * The stories to show beside article `id`, best first: the ones its `_wire.related` names (in the publisher's
 * order, including stories from outside the feed), then feed items sharing the most of its tags (newest first on
 * a tie), then the most recent. Never the article itself, never one story twice (by id or by URL). Empty when the
 * feed has no such article.
 */
export function relatedStories(feed: Feed, id: string, limit = 3): (FeedItem | ExternalStory)[] {
  const article = feed.items.find((item) => item.id === id);
  const chosen: (FeedItem | ExternalStory)[] = [];
  if (!article) return chosen;
  const seen = new Set<string>();
  const add = (story: FeedItem | ExternalStory | undefined) => {
    if (!story || chosen.length >= limit || seen.has(story.id) || (story.url && seen.has(story.url))) return;
    chosen.push(story);
    seen.add(story.id);
    if (story.url) seen.add(story.url);
  };
  seen.add(article.id);
  if (article.url) seen.add(article.url);
  for (const entry of article.related)
    add(typeof entry === 'string' ? feed.items.find((item) => item.id === entry) : entry);
  const tags = new Set(article.tags.map((tag) => tag.toLowerCase()));
  const shared = (item: FeedItem) => item.tags.filter((tag) => tags.has(tag.toLowerCase())).length;
  const time = (item: FeedItem) => Date.parse(item.datePublished ?? '') || 0;
  feed.items
    .map((item) => ({ item, shared: shared(item), time: time(item) }))
    .sort((a, b) => b.shared - a.shared || b.time - a.time)
    .forEach(({ item }) => add(item));
  return chosen;
}
