// React 18 users: the wrappers of wire-widgets/react, checked against the built package and React 18's types.
import type { FeedErrorDetail, Photo } from 'wire-widgets';
import {
  WireArticleCard,
  WireCommentPrompt,
  WireFeed,
  WirePhotoGallery,
  WireRelatedStory,
  WireStory,
} from 'wire-widgets/react';

// The global JSX namespace exists only in React 18's types (19 removed it): this line stops compiling if the paths in
// tsconfig.json ever hand this test React 19's types instead.
export const empty: JSX.Element = <WireFeed />;

export function Story({
  onError,
  onPhoto,
}: {
  onError: (detail: FeedErrorDetail) => void;
  onPhoto: (photo: Photo) => void;
}) {
  return (
    <WireFeed src="/feed.json" onWireFeedError={(event) => onError(event.detail)}>
      <WireArticleCard
        item="story-1"
        layout="hero"
        headingLevel={2}
        className="lead"
        onWireCardClick={(event) => {
          const url: string = event.detail.url;
          if (url.startsWith('/')) event.preventDefault();
        }}
        onWireFeedLoad={(event) => event.detail.itemCount.toFixed()}
      />
      <WirePhotoGallery
        item="gallery"
        autoplay={5000}
        loop
        onWirePhotoChange={(event) => onPhoto(event.detail.photo)}
        onWireLightboxOpen={(event) => event.detail.index.toFixed()}
      />
      <WireRelatedStory relatedTo="story-1" limit={4} onWireCardClick={(event) => event.detail.id.trim()} />
      <WireCommentPrompt
        item="story-1"
        onWireLoginRequest={(event) => event.detail.returnUrl.trim()}
        onWireCommentRequest={(event) => event.detail.url.trim()}
      />
    </WireFeed>
  );
}

/** A partner's story page: the full story under the publisher's rights, its refusal reported with a reason. */
export function Partner({ onError }: { onError: (detail: FeedErrorDetail) => void }) {
  return (
    <WireStory
      src="/feed.json"
      item="story-1"
      headingLevel={1}
      onWireFeedError={(event) => onError(event.detail)}
    />
  );
}

export function Mistakes() {
  return (
    <>
      {/* @ts-expect-error the detail of wire-card-click has no index */}
      <WireArticleCard onWireCardClick={(event) => event.detail.index} />
      {/* @ts-expect-error a photo change carries the index as a number */}
      <WirePhotoGallery onWirePhotoChange={(event) => event.detail.index.trim()} />
      {/* @ts-expect-error the article card fires no photo events */}
      <WireArticleCard onWirePhotoChange={() => undefined} />
      {/* @ts-expect-error layout takes one of its values */}
      <WireArticleCard layout="sideways" />
      {/* @ts-expect-error limit is a number */}
      <WireRelatedStory limit="four" />
      {/* @ts-expect-error a story is not a card: it fires no card clicks */}
      <WireStory onWireCardClick={() => undefined} />
    </>
  );
}
