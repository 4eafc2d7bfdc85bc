import type { renderWidget } from '../src/ssr/index.js';

export declare function pageHtml(options: { head?: string; body: string }): string;
export declare const ARTICLE_CSS: string;
export declare function articlePage(widgets: string[], head?: string): string;
export declare function plainTags(src: string): string[];
export declare function renderedTags(
  render: typeof renderWidget,
  feed: unknown,
  baseUrl: string,
): Promise<string[]>;
