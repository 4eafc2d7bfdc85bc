/**
 * The string catalog. One object per language; `en` is complete, always present, and the fallback for any key
 * another language lacks. Plural strings are keyed by `Intl.PluralRules` category, so a language brings its own forms
 * (Russian needs one/few/many). `{name}` placeholders are filled by `t()`.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Strings {
  loading: string;
  unavailable: string;
  notFound: string;
  readStory: string;
  by: string;
  readingTime: Plural;
  credit: string;
  creditDetails: string;
  creator: string;
  copyright: string;
  license: string;
  acquireLicense: string;
  tags: string;
  related: string;
  imageUnavailable: string;
  // Gallery
  gallery: string;
  previousPhoto: string;
  nextPhoto: string;
  photoOf: string;
  counter: string;
  thumbnails: string;
  openLightbox: string;
  closeLightbox: string;
  photoCredits: string;
  hideCredits: string;
  share: string;
  linkCopied: string;
  play: string;
  pause: string;
  noCredit: string;
  // Comments
  commentCount: Plural;
  firstComment: string;
  participate: string;
  logIn: string;
  register: string;
  joinDiscussion: string;
  signedInAs: string;
  commentsClosed: string;
  // Syndication rights
  withheld: string;
  canceled: string;
  expired: string;
  readOriginal: string;
  correction: string;
  correctionDated: string;
  source: string;
  // <wire-story>
  storyPublished: string;
  storyUpdated: string;
  storyCorrection: string;
  storyOriginal: string;
  storyExpired: string;
  storyWithdrawn: string;
  storyEmbedLoad: string;
  storyEmbedOpen: string;
}

const en: Strings = {
  loading: 'Loading…',
  unavailable: 'This content is not available right now.',
  notFound: 'This story is no longer available.',
  readStory: 'Read the story',
  by: 'By {names}',
  readingTime: { one: '{n} min read', other: '{n} min read' },
  credit: 'Credit',
  creditDetails: 'Photo credit details',
  creator: 'Photographer',
  copyright: 'Copyright',
  license: 'License',
  acquireLicense: 'License this photo',
  tags: 'Tags',
  related: 'Related stories',
  imageUnavailable: 'Image unavailable',
  gallery: 'Photo gallery',
  previousPhoto: 'Previous photo',
  nextPhoto: 'Next photo',
  photoOf: 'Photo {index} of {total}',
  counter: '{index} / {total}',
  thumbnails: 'Choose a photo',
  openLightbox: 'View full screen',
  closeLightbox: 'Close full screen view',
  photoCredits: 'Photo credits',
  hideCredits: 'Hide photo credits',
  share: 'Copy link to this photo',
  linkCopied: 'Link copied',
  play: 'Play slideshow',
  pause: 'Pause slideshow',
  noCredit: 'Credit not given',
  commentCount: { one: '{n} comment', other: '{n} comments' },
  firstComment: 'Be the first to comment',
  participate: 'To participate in the discussion, {login} or {register}',
  logIn: 'log in',
  register: 'register',
  joinDiscussion: 'Join the discussion',
  signedInAs: 'Signed in as {name}',
  commentsClosed: 'Comments are closed',
  withheld: 'This story has been withheld.',
  canceled: 'This story has been withdrawn.',
  expired: 'This story is no longer available here.',
  readOriginal: 'Read it on the original site',
  correction: 'Correction:',
  correctionDated: 'Correction, {date}:',
  source: 'Source: {name}',
  // <wire-story>
  storyPublished: 'Published',
  storyUpdated: 'Updated',
  storyCorrection: 'Correction',
  storyOriginal: 'Originally published by {publisher}',
  storyExpired: 'This story is no longer available here.',
  storyWithdrawn: 'This story has been withdrawn by its publisher.',
  storyEmbedLoad: 'Load content from {host}',
  storyEmbedOpen: 'Open on {host}',
};

export const fallback: Strings = en;

/**
 * Catalogs other than English are separate chunks of the standalone bundle, fetched the first time a widget
 * renders in that language, so adding a language costs pages in other languages nothing. A `Partial<Strings>` is
 * enough: missing keys fall back to English.
 */
export const bundledCatalogs: Record<string, () => Promise<{ default: Partial<Strings> }>> = {
  ru: () => import('./locales/ru.js'),
};
