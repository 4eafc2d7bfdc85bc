import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { safeUrl } from '../../feed/url.js';
import { plural, t } from '../../i18n/i18n.js';
import { commentIcon } from '../../shared/icons.js';
import { eventLink, type EventLink, type LinkEvent } from '../../shared/link.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { commentPromptStyles } from './comment-prompt.styles.js';
import { watchCount } from './live-counts.js';

/**
 * @tagname wire-comment-prompt
 * @summary The comment count and an invitation to join the discussion, under a story or on a card, for any
 * comment system.
 *
 * @fires wire-login-request - The reader chose "log in". Cancelable: `preventDefault()` keeps the page where it is
 * (open your own sign-in dialog). `detail: { id, returnUrl }`.
 * @fires wire-register-request - The reader chose "register"; as above. `detail: { id, returnUrl }`.
 * @fires wire-comment-request - The reader chose the comment count, the badge or "Join the discussion".
 * Cancelable. `detail: { id, url }`.
 * @fires wire-feed-load - The feed loaded. `detail: { url, itemCount }`.
 * @fires wire-feed-error - The feed or the item could not be shown. `detail: { url, reason, status? }`.
 *
 * @csspart count - The comment count (a link to the comments).
 * @csspart icon - The speech-bubble icon.
 * @csspart message - The line under the count: the invitation, or "Comments are closed".
 * @csspart login - The "log in" link.
 * @csspart register - The "register" link.
 * @csspart join - The "Join the discussion" link.
 * @csspart user - "Signed in as …".
 * @csspart badge - The compact variant's count badge.
 *
 * @cssprop --wire-comment-icon-color - Colour of the speech bubble (default: the accent colour).
 * @cssprop --wire-comment-badge-background - Background of the compact badge (default: the surface colour).
 * @cssprop --wire-comment-badge-color - Text colour of the compact badge (default: the text colour).
 *
 * Nothing is drawn, and the element takes no space (custom state `:state(empty)`), while the feed loads, when it
 * fails, when the item has no `_wire.comments`, when its comments are `disabled`, and when the story is withheld, withdrawn,
 * expired or under embargo. A failed feed is still
 * `:state(error)` and fires `wire-feed-error`; the prompt draws no fallback line, as it sits beside a story whose
 * own widget already says it is unavailable.
 */
export class WireCommentPrompt extends WireFeedElement {
  static override styles = [...WireFeedElement.styles, commentPromptStyles];

  /** `full`: the count and an invitation; `compact`: a count badge for cards. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Set by the host page while the reader is signed in: the prompt then invites them to join the discussion. */
  @property({ type: Boolean, reflect: true, attribute: 'signed-in' }) signedIn = false;

  /** The signed-in reader's name, shown as "Signed in as …". */
  @property({ attribute: 'user-name' }) userName?: string;

  /** Where the login and register pages should send the reader back to; the current page when absent. */
  @property({ attribute: 'return-url' }) returnUrl?: string;

  /** The query parameter that carries the return URL on the login and register links. */
  @property({ attribute: 'return-param' }) returnParam = 'return_url';

  @state() private liveCount?: number;

  private watching = '';
  private unwatch?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Live counts stop on disconnect; a prompt moved elsewhere in the page starts them again on its next update.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const { item, feed } = this.data.view;
    this.watch(this.isConnected && !this.empty ? feed?.comments?.countUrl : undefined, item?.id);
  }

  protected override get empty(): boolean {
    const { item, rights } = this.data.view;
    const status = item?.comments?.status;
    // No discussion under a story that is withheld, withdrawn or expired: it is no longer shown.
    return !status || status === 'disabled' || rights !== 'usable';
  }

  /** Follows the live count of one item from one endpoint, or none (no arguments). */
  private watch(countUrl?: string, id?: string): void {
    const key = countUrl && id ? `${countUrl} ${id}` : '';
    if (key === this.watching) return;
    this.unwatch?.();
    this.unwatch = undefined;
    this.liveCount = undefined;
    this.watching = key;
    if (countUrl && id) this.unwatch = watchCount(this, countUrl, id, (count) => (this.liveCount = count));
  }

  /** A link that fires its request event first, or the same content as plain text when there is nowhere to go. */
  private link<K extends LinkEvent>(
    href: string | undefined,
    link: Omit<EventLink<K>, 'href'>,
    content: unknown,
  ) {
    return href
      ? eventLink({ ...link, href }, content)
      : html`<span part=${link.part} role=${link.label ? 'img' : nothing} aria-label=${link.label ?? nothing}
          >${content}</span
        >`;
  }

  /** Where login and register send the reader back: `return-url`, else this page (unknown on the server). */
  private get returnTo(): string {
    if (isServer) return safeUrl(this.returnUrl) ?? '';
    return safeUrl(this.returnUrl, document.baseURI) ?? location.href;
  }

  override render() {
    return this.data.render({
      loading: () => nothing,
      ready: (item, feed, rights) => (rights === 'usable' ? this.prompt(item, feed) : nothing),
      // The story's own widget says it is unavailable; a second line here would only repeat it.
      error: () => nothing,
    });
  }

  private prompt(item: FeedItem, feed: Feed): TemplateResult | typeof nothing {
    const comments = item.comments;
    if (!comments || comments.status === 'disabled') return nothing;
    const lang = this.language;
    const open = comments.status === 'open';
    const count = this.liveCount ?? comments.count;
    let url = comments.url;
    if (!url && item.url) {
      const page = new URL(item.url);
      page.hash = 'comments';
      url = page.href;
    }
    const id = item.id;
    const request = { event: 'wire-comment-request', detail: { id, url: url ?? '' } } as const;
    const countText =
      count === undefined
        ? ''
        : count === 0 && open
          ? t(lang, 'firstComment')
          : plural(lang, 'commentCount', count);

    if (this.variant === 'compact') {
      const number =
        count === undefined || (count === 0 && open)
          ? nothing
          : html`<span>${new Intl.NumberFormat(lang, { notation: 'compact' }).format(count)}</span>`;
      const label = countText || t(lang, open ? 'joinDiscussion' : 'commentsClosed');
      return html`<div lang=${lang} dir=${this.direction}>
        ${this.link(url, { ...request, part: 'badge', label }, html`${commentIcon()}${number}`)}
      </div>`;
    }

    const join = this.link(url, { ...request, part: 'join' }, t(lang, 'joinDiscussion'));
    const { loginUrl, registerUrl } = feed.comments ?? {};
    let message: unknown = join;
    if (!open) message = t(lang, 'commentsClosed');
    else if (this.signedIn) {
      if (this.userName)
        message = html`${join} <span part="user">${t(lang, 'signedInAs', { name: this.userName })}</span>`;
    } else if (loginUrl || registerUrl) {
      const returnUrl = this.returnTo;
      const auth = (kind: 'login' | 'register', base: string | undefined) => {
        const text = t(lang, kind === 'login' ? 'logIn' : 'register');
        if (!base) return text;
        const href = new URL(base);
        href.searchParams.set(this.returnParam || 'return_url', returnUrl);
        return this.link(
          href.href,
          { part: kind, event: `wire-${kind}-request`, detail: { id, returnUrl } },
          text,
        );
      };
      // The translation decides where the two links go, so split it around its placeholders.
      message = t(lang, 'participate')
        .split(/(\{login\}|\{register\})/)
        .map((part) =>
          part === '{login}'
            ? auth('login', loginUrl)
            : part === '{register}'
              ? auth('register', registerUrl)
              : part,
        );
    }
    return html`<div class="prompt" lang=${lang} dir=${this.direction}>
      ${countText ? this.link(url, { ...request, part: 'count' }, html`${commentIcon()}<span>${countText}</span>`) : nothing}
      <p part="message">${message}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wire-comment-prompt': WireCommentPrompt;
  }
}
