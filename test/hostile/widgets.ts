/**
 * The one list the hardening suites (test/browser/hostile-*.test.ts and test/e2e/*) iterate over: every
 * feed-driven widget, and the configurations worth rendering each in. A new widget is covered by every suite as
 * soon as it is added here; a listed tag that is not defined yet is skipped with a console message, so the
 * suites pass while the widget is being built and cover it the moment it lands.
 *
 * Plain data, no DOM: the e2e suites import it in Node to write their test pages.
 */

/** Ids of the items in the feed a configuration is rendered on, for attributes that name an item. */
export interface FeedIds {
  first: string;
  ids: string[];
}

export interface WidgetConfig {
  tag: string;
  /** Shown in test names and skip messages. */
  name: string;
  /** Attributes besides the feed; `item` is set by the suites that walk items. */
  attributes?: (ids: FeedIds) => Record<string, string>;
  /**
   * `item` when the widget shows the item named by its `item` attribute, `related-to` when it names the item
   * through `related-to` instead (the suites that walk items set the right one).
   */
  itemAttribute?: 'item' | 'related-to';
  /**
   * What the reader sees when the feed cannot be shown: `text` (the "not available" line) or `none` (the widget
   * renders nothing, as the comment prompt does: no prompt is better than a broken one).
   */
  fallback?: 'text' | 'none';
  /** False when the widget shows no feed text at all (only counts and links), for the "text stays text" checks. */
  showsFeedText?: boolean;
  /** Public methods that open and close a full-screen view, for the suites that open it. */
  lightbox?: { open: string; close: string };
}

export const WIDGET_TAGS = [
  'wire-article-card',
  'wire-related-story',
  'wire-photo-gallery',
  'wire-comment-prompt',
  'wire-story',
] as const;

export const WIDGETS: WidgetConfig[] = [
  { tag: 'wire-article-card', name: 'article-card' },
  { tag: 'wire-article-card', name: 'article-card horizontal', attributes: () => ({ layout: 'horizontal' }) },
  { tag: 'wire-article-card', name: 'article-card compact', attributes: () => ({ layout: 'compact' }) },
  { tag: 'wire-article-card', name: 'article-card hero', attributes: () => ({ layout: 'hero' }) },
  { tag: 'wire-related-story', name: 'related-story' },
  {
    tag: 'wire-related-story',
    name: 'related-story related-to',
    attributes: ({ first }) => ({ 'related-to': first }),
    itemAttribute: 'related-to',
  },
  {
    tag: 'wire-photo-gallery',
    name: 'photo-gallery',
    lightbox: { open: 'openLightbox', close: 'closeLightbox' },
  },
  { tag: 'wire-comment-prompt', name: 'comment-prompt', fallback: 'none', showsFeedText: false },
  {
    tag: 'wire-comment-prompt',
    name: 'comment-prompt compact',
    attributes: () => ({ variant: 'compact' }),
    fallback: 'none',
    showsFeedText: false,
  },
  {
    tag: 'wire-comment-prompt',
    name: 'comment-prompt signed-in',
    fallback: 'none',
    showsFeedText: false,
    // The user name comes from the host page, not the feed, but it is still text a page may fill from user data.
    attributes: () => ({ 'signed-in': '', 'user-name': '<img src=x onerror="window.__pwned=1">' }),
  },
  // The whole story, its feed HTML body included (sanitised): the widget with the most feed text on the page.
  { tag: 'wire-story', name: 'story' },
];

/** Attributes of `config` for a feed, with the item (by its id) that it should show. */
export function attributesFor(config: WidgetConfig, ids: FeedIds, item?: string): Record<string, string> {
  const attributes = { ...config.attributes?.(ids) };
  if (item !== undefined) attributes[config.itemAttribute ?? 'item'] = item;
  return attributes;
}

/** One line for a configuration whose element is not defined, so a skipped widget is visible in the log. */
export function skipMessage(config: WidgetConfig, suite: string): string {
  return `[${suite}] skipped ${config.name}: <${config.tag}> is not defined after importing src/define.ts`;
}
