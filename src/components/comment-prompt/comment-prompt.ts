import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed, FeedItem } from '../../feed/types.js';
import { safeUrl } from '../../feed/url.js';
import { plural, t } from '../../i18n/i18n.js';
import { pageBase, pageLocation } from '../../shared/dom.js';
import { commentIcon, commentIconStyles } from '../../shared/icons.js';
import { eventLink, type EventLink, type LinkEvent } from '../../shared/link.js';
import { WireFeedElement } from '../../shared/wire-element.js';
import { commentPromptStyles } from './comment-prompt.styles.js';
import { commentOrigins, onOrigins } from './origins.js';

type LiveCounts = typeof import('./live-counts.js');
/** Fetched by the first prompt whose feed has a `count_url`: pages without live counts never download it. */
let liveCounts: Promise<LiveCounts> | undefined;
/** Once here, prompts start watching in the update that asks, so a known count shows in that very render. */
let loaded: LiveCounts | undefined;

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
 * @csspart icon - The speech-bubble icon: a box cut to shape, coloured by its `color`.
 * @csspart message - The line under the count: the invitation, or "Comments are closed".
 * @csspart login - The "log in" link.
 * @csspart register - The "register" link.
 * @csspart join - The "Join the discussion" link.
 * @csspart user - "Signed in as …".
 * @csspart badge - The compact variant's count badge.
 * @cssstate loading - The feed is loading.
 * @cssstate ready - The content is shown.
 * @cssstate error - The feed or item cannot be shown (a `wire-feed-error` says why).
 * @cssstate empty - Nothing is drawn and the element takes no space.
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
  static override styles = [...WireFeedElement.styles, commentIconStyles, commentPromptStyles];

  /** `full`: the count and an invitation; `compact`: a count badge for cards. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** Set by the host page while the reader is signed in: the prompt then invites them to join the discussion. */
  @property({ type: Boolean, reflect: true, attribute: 'signed-in' }) signedIn = false;

  /** The signed-in reader's name, shown as "Signed in as …". */
  @property({ attribute: 'user-name' }) userName?: string;

  /**
   * Where the login and register pages should send the reader back to; when absent, the current page's address
   * without its query or fragment (which may hold session tokens).
   */
  @property({ attribute: 'return-url' }) returnUrl?: string;

  /**
   * Origins besides the feed's own where login, register and count URLs may be, space-separated
   * (`https://id.news.example`). A URL anywhere else is not used: no link, no request.
   */
  @property({ attribute: 'allow-origins' }) allowOrigins?: string;

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
    const countUrl = feed && this.isConnected && !this.empty ? this.allowed(feed).countUrl : undefined;
    this.watch(countUrl, item?.id);
  }

  /** The feed's comment URLs that are on an origin the prompt may use (see `allowOrigins`). */
  private allowed(feed: Feed): { loginUrl?: string; registerUrl?: string; countUrl?: string } {
    const origins = commentOrigins(feed, this.data.view.url, this.allowOrigins);
    const { loginUrl, registerUrl, countUrl } = feed.comments ?? {};
    return {
      loginUrl: onOrigins(loginUrl, origins),
      registerUrl: onOrigins(registerUrl, origins),
      countUrl: onOrigins(countUrl, origins),
    };
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
    if (!countUrl || !id) return;
    const start = (module: LiveCounts) => {
      loaded = module;
      // Unless the prompt moved on meanwhile, or an earlier call for the same count got here first.
      if (this.watching === key && !this.unwatch)
        this.unwatch = module.watchCount(this, countUrl, id, (count) => (this.liveCount = count));
    };
    if (loaded) return start(loaded);
    liveCounts ??= import('./live-counts.js');
    // Live counts are an extra: if the chunk fails, the prompt keeps the count it shows and the next one retries.
    liveCounts.then(start, () => (liveCounts = undefined));
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

  /**
   * Where login and register send the reader back: `return-url`, else this page's origin and path (unknown on
   * the server).
   */
  private get returnTo(): string {
    if (isServer) return safeUrl(this.returnUrl) ?? '';
    return safeUrl(this.returnUrl, pageBase()) ?? pageLocation() ?? '';
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
      return html`<div class="compact" lang=${lang} dir=${this.direction}>
        ${this.link(url, { ...request, part: 'badge', label }, html`${commentIcon()}${number}`)}
      </div>`;
    }

    const join = this.link(url, { ...request, part: 'join' }, t(lang, 'joinDiscussion'));
    const { loginUrl, registerUrl } = this.allowed(feed);
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
