/**
 * The article page the layout-shift suite and the Lighthouse benchmark load: a title, text, and the four widgets
 * between paragraphs (so any widget that grows moves text), on the bundled sample feed's seed story. Plain
 * JavaScript so that the Node benchmark scripts can import it too.
 */

/** A whole HTML document around `body`. */
export function pageHtml({ head = '', body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>wire-widgets e2e</title>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/** The page's own stylesheet, served at /article.css. */
export const ARTICLE_CSS = `
body { margin: 0; font: 18px/1.55 Georgia, serif; color: #222; }
main { max-width: 680px; margin: 0 auto; padding: 16px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 12px; }
p { margin: 0 0 16px; }
main :is(wire-photo-gallery, wire-article-card, wire-related-story, wire-comment-prompt) { margin-block: 24px; }
`;

const TEXT =
  'The delegation spent the morning on the factory floor, where engineers walked them along the assembly line ' +
  'and answered questions about the airframes waiting for their engines.';

/** The seed story and a second one of the sample feed (demo/public/sample-feed.json). */
const SEED = 'kim-jong-un-komsomolsk-on-amur';
const SECOND = 'putin-kim-talks';

/** The page, with `widgets` (gallery, hero card, card, related list, comment prompt) between its paragraphs. */
export function articlePage(widgets, head = '') {
  const [gallery, hero, card, related, prompt] = widgets;
  return pageHtml({
    head: `<link rel="stylesheet" href="/article.css">${head}`,
    body: `<main>
<h1>Kim Jong Un tours the aircraft plants of Komsomolsk-on-Amur</h1>
<p>${TEXT}</p>
${gallery}
<p>${TEXT}</p>
${hero}
<p>${TEXT}</p>
${card}
<p>${TEXT}</p>
${related}
${prompt}
<p>${TEXT}</p>
</main>`,
  });
}

/** The README's plain tags inside one `<wire-feed>`, in the order `articlePage` takes them. */
export function plainTags(src) {
  return [
    `<wire-feed src="${src}"><wire-photo-gallery item="${SEED}"></wire-photo-gallery>`,
    `<wire-article-card item="${SEED}" layout="hero" heading-level="2"></wire-article-card>`,
    `<wire-article-card item="${SECOND}"></wire-article-card>`,
    `<wire-related-story related-to="${SEED}" limit="3"></wire-related-story>`,
    `<wire-comment-prompt item="${SEED}" return-url="https://news.example/a"></wire-comment-prompt></wire-feed>`,
  ];
}

/** The same widgets as server-rendered snippets, by `renderWidget` (from src/ssr or dist/ssr), in the same order. */
export function renderedTags(renderWidget, feed, baseUrl) {
  const render = (widget, item, attributes = {}) => renderWidget(feed, { widget, item, attributes, baseUrl });
  return Promise.all([
    render('photo-gallery', SEED),
    render('article-card', SEED, { layout: 'hero', 'heading-level': '2' }),
    render('article-card', SECOND),
    render('related-story', SEED, { 'related-to': SEED, limit: '3' }),
    render('comment-prompt', SEED, { 'return-url': 'https://news.example/a' }),
  ]);
}
