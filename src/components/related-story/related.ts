import { rightsState } from '../../feed/rights.js';
import type { Feed, FeedItem, ExternalStory } from '../../feed/types.js';

/**
 * The stories to show beside article `id`, best first: the ones its `_wire.related` names (in the publisher's
 * order, including stories from outside the feed; one that is in the feed after all is read as the feed's item),
 * then feed items sharing the most of its tags (newest first on a tie), then the most recent. Never the article
 * itself, never one story twice (by id or by URL). Empty when the feed has no such article.
 *
 * Only stories a reader may see at `now` (the reader's clock): an embargoed one does not exist yet, and a
 * withheld or withdrawn one is not recommended (a notice in a reading list helps nobody). An expired one stays,
 * drawn as a link back to the original.
 */
export function relatedStories(
  feed: Feed,
  id: string,
  limit = 3,
  now = Date.now(),
): (FeedItem | ExternalStory)[] {
  const article = feed.items.find((item) => item.id === id);
  const chosen: (FeedItem | ExternalStory)[] = [];
  if (!article) return chosen;
  const seen = new Set<string>();
  const hidden = (story: FeedItem | ExternalStory) =>
    'rights' in story && !['usable', 'expired'].includes(rightsState(story, now));
  const add = (story: FeedItem | ExternalStory | undefined) => {
    if (!story || chosen.length >= limit || seen.has(story.id) || (story.url && seen.has(story.url))) return;
    if (hidden(story)) return;
    chosen.push(story);
    seen.add(story.id);
    if (story.url) seen.add(story.url);
  };
  seen.add(article.id);
  if (article.url) seen.add(article.url);
  // A story named by an object that is also in the feed (by id or URL) is the feed's item: its rights hold.
  for (const entry of article.related)
    add(
      typeof entry === 'string'
        ? feed.items.find((item) => item.id === entry)
        : (feed.items.find((item) => item.id === entry.id || (entry.url && item.url === entry.url)) ?? entry),
    );
  const tags = new Set(article.tags.map((tag) => tag.toLowerCase()));
  const shared = (item: FeedItem) => item.tags.filter((tag) => tags.has(tag.toLowerCase())).length;
  const time = (item: FeedItem) => Date.parse(item.datePublished ?? '') || 0;
  feed.items
    .map((item) => ({ item, shared: shared(item), time: time(item) }))
    .sort((a, b) => b.shared - a.shared || b.time - a.time)
    .forEach(({ item }) => add(item));
  return chosen;
}
