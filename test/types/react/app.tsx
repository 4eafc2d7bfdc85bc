// React 19 renders the elements as they are: the package's generated types declare every tag for JSX.
import type { FeedErrorDetail } from 'wire-widgets';
import 'wire-widgets/types/react.js';
import 'wire-widgets/define.js';

export function Story({ onError }: { onError: (detail: FeedErrorDetail) => void }) {
  return (
    <wire-feed src="/feed.json" onwire-feed-error={(event) => onError(event.detail)}>
      <wire-article-card
        item="story-1"
        layout="hero"
        heading-level={2}
        theme="dark"
        lang="ru"
        dir="ltr"
        className="lead"
        onwire-card-click={(event) => {
          const url: string = event.detail.url;
          if (url.startsWith('/')) event.preventDefault();
        }}
      />
      <wire-photo-gallery item="gallery" autoplay={5000} loop thumbnails="off" />
      <wire-related-story related-to="story-1" limit={4} />
      <wire-comment-prompt item="story-1" variant="compact" signed-in user-name="Ann" />
    </wire-feed>
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error layout takes one of its four values */}
      <wire-article-card layout="sideways" />
      {/* @ts-expect-error the detail of wire-card-click has no index */}
      <wire-article-card onwire-card-click={(event) => event.detail.index} />
      {/* @ts-expect-error limit is a number */}
      <wire-related-story limit={{}} />
      {/* @ts-expect-error no such element */}
      <wire-article-crad />
    </>
  );
}
