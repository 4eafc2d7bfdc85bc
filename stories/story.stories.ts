import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyStatesFeed } from '../test/fixtures.js';
import '../src/components/story/story.define.js';

interface Args {
  src?: string;
  /** A fixture feed's item (test/fixtures.ts `storyStatesFeed`), rendered instead of `src`. */
  fixture?: string;
  item?: string;
  theme?: 'light' | 'dark';
  headingLevel?: number;
  lang?: string;
  dir?: string;
  /** Text the reader must meet in the story once it is drawn. */
  shows?: string;
}

const story = (canvas: HTMLElement) => canvas.querySelector('wire-story')!;
const view = (canvas: HTMLElement) => within(story(canvas).shadowRoot as unknown as HTMLElement);

const meta: Meta<Args> = {
  title: 'Widgets/Story',
  component: 'wire-story',
  args: { src: '/sample-feed.json', item: 'kim-jong-un-komsomolsk-on-amur' },
  argTypes: {
    fixture: {
      control: 'select',
      options: [
        undefined,
        'story',
        'embargoed',
        'expired',
        'withheld',
        'canceled',
        'corrected',
        'partner-only',
        'embed',
      ],
    },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  /**
   * Waits until the reader's text is drawn (a story's body arrives after its first frame), so the accessibility
   * check that follows sees what a reader sees, not the skeleton.
   */
  play: async ({ canvasElement, args }) => {
    if (args.shows) await waitFor(() => expect(view(canvasElement).getByText(args.shows!)).toBeTruthy());
  },
  // The fixtures' pictures come from this Storybook, which serves demo/public.
  render: (args) =>
    html`<div dir=${ifDefined(args.dir)} lang=${ifDefined(args.lang)} style="max-inline-size: 720px">
      <wire-story
        src=${ifDefined(args.fixture ? undefined : args.src)}
        .feed=${args.fixture ? storyStatesFeed(Date.now(), `${location.origin}/`) : undefined}
        item=${ifDefined(args.fixture ?? args.item)}
        theme=${ifDefined(args.theme)}
        heading-level=${ifDefined(args.headingLevel)}
      ></wire-story>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The sample feed's seed story as a partner's page shows it: header, credited lead photo, body, link back. */
export const Default: Story = {
  args: { shows: 'Out on the factory airfield, Kim then watched a Su-35 fly a demonstration routine.' },
};

/** No feed yet: the skeleton the story shows while its feed is on the way. */
export const Loading: Story = { args: { src: undefined, item: undefined } };

export const LoadError: Story = {
  name: 'Error (feed unavailable)',
  args: { src: '/no-such-feed.json', shows: 'This content is not available right now.' },
};

/** Before its embargo the story does not exist: the same fallback as a story that is not in the feed. */
export const Embargoed: Story = {
  args: { fixture: 'embargoed', shows: 'This story is no longer available.' },
};

/** Past its expiry only a link back to the original remains: no text, no photo. */
export const Expired: Story = {
  args: { fixture: 'expired', shows: 'This story is no longer available here.' },
};

export const Withheld: Story = {
  args: { fixture: 'withheld', shows: 'This story has been withdrawn by its publisher.' },
};

/** A kill: the text and photo are gone everywhere, a notice in their place. */
export const Canceled: Story = {
  args: { fixture: 'canceled', shows: 'This story has been withdrawn by its publisher.' },
};

/** A dated correction above the photo, and the copyright holder in the footer. */
export const Corrected: Story = {
  args: { fixture: 'corrected', shows: 'An earlier version misnamed the shipyard.' },
};

/** The lead and body photos are licensed to the publisher's own site only: on this page both are left out. */
export const PartnerOnlyPhoto: Story = {
  name: 'Photo not for syndication',
  args: { fixture: 'partner-only', shows: 'A second paragraph, under a subheading.' },
};

/** Third-party content in the body waits behind a placeholder that requests nothing until the reader asks. */
export const EmbedPlaceholder: Story = {
  args: { fixture: 'embed', shows: 'Open on twitter.com' },
};

/** The reader asks for the embedded content: the placeholder becomes a sandboxed frame, focused. */
export const EmbedLoaded: Story = {
  name: 'Embed loaded on click',
  args: { fixture: 'embed' },
  play: async ({ canvasElement }) => {
    const button = await waitFor(() =>
      view(canvasElement).getByRole('button', { name: /Load content from/ }),
    );
    await userEvent.click(button);
    const frame = story(canvasElement).shadowRoot!.querySelector('iframe');
    await expect(frame?.getAttribute('sandbox')).toBe('allow-scripts allow-presentation allow-popups');
    await expect(frame?.src).toBe(`${location.origin}/images/rocket-launch.svg`);
  },
};
