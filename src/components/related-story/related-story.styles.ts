import { css } from 'lit';

export const relatedStoryStyles = css`
  .heading {
    margin-block-end: 12px;
    font-size: 1.125em;
    font-weight: 700;
  }

  ul,
  .skeletons {
    display: grid;
    gap: 16px;
    padding: 0;
    list-style: none;
  }

  /* In a wide column the list becomes rows of up to three stacked teasers, which share the row's width. */
  @container (min-width: 720px) {
    ul,
    .skeletons {
      grid-template-columns: repeat(auto-fill, minmax(calc((100% - 32px) / 3), 1fr));
    }

    :is(ul, .skeletons) .compact.has-image {
      grid-template-columns: minmax(0, 1fr);
    }

    :is(ul, .skeletons) .compact .frame {
      aspect-ratio: 16 / 9;
    }
  }
`;
