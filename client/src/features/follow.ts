/**
 * "Follow a channel": a dialog to follow a public channel by @name, with the followed channels,
 * their last fetch, last error and the progress of a fetch under way (polling /api/follows while
 * the dialog is open and a fetch is queued or running), and Refresh / Unfollow per channel.
 */
import type { FollowList, FollowStatus } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { byId, clear, h, plural } from '../dom';
import { notify } from '../notify';

const POLL_MS = 1500;
const STATE_LABELS: Record<FollowStatus['state'], string> = {
  idle: '',
  queued: 'waiting for its turn…',
  fetching: 'fetching pages…',
  writing: 'writing to the graph…',
};

export class FollowPanel {
  private readonly dialog = byId<HTMLDialogElement>('follow-dialog');
  private readonly list = h('ul', { class: 'follow-list', id: 'follow-list', 'aria-live': 'polite' });
  private readonly input = h('input', {
    type: 'text',
    id: 'follow-channel',
    placeholder: '@channel or https://t.me/channel',
    'aria-label': 'Channel to follow',
    autocomplete: 'off',
  });
  private readonly error = h('p', { class: 'error-text', role: 'alert', id: 'follow-error', hidden: true });
  private poll: ReturnType<typeof setTimeout> | null = null;
  private wasBusy = false;
  /** lastFetchAt per channel as last shown, to tell a fetch that wrote from one that failed. */
  private fetchedAt = new Map<string, string | null>();

  constructor(private readonly onFetched: () => void) {
    byId('follow-button').addEventListener('click', () => this.open());
    this.dialog.addEventListener('close', () => this.stopPolling());
  }

  open(): void {
    clear(this.dialog);
    const close = h(
      'button',
      { type: 'button', class: 'button icon-button dialog-close', 'aria-label': 'Close' },
      '×',
    );
    close.addEventListener('click', () => this.dialog.close());
    const form = h(
      'form',
      { class: 'follow-form' },
      this.input,
      h('button', { type: 'submit', class: 'button primary', id: 'follow-submit' }, 'Follow'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.follow(this.input.value);
    });
    this.dialog.append(
      h('header', { class: 'dialog-header' }, h('h2', { id: 'follow-title' }, 'Follow a channel'), close),
      h(
        'div',
        { class: 'dialog-body' },
        h(
          'p',
          { class: 'muted' },
          'Public channels only: posts are read from their web preview at t.me/s/<channel>.',
        ),
        form,
        this.error,
        this.list,
      ),
    );
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    void this.refreshList();
  }

  private async follow(channel: string): Promise<void> {
    this.error.hidden = true;
    if (channel.trim() === '') return;
    try {
      await api.follow(channel.trim());
      this.input.value = '';
    } catch (err) {
      this.showError(messageOf(err));
    }
    await this.refreshList();
  }

  private async refreshList(): Promise<void> {
    this.stopPolling();
    let body: FollowList;
    try {
      body = await api.follows();
    } catch (err) {
      this.showError(messageOf(err));
      return;
    }
    this.render(body);
    const busy = body.follows.some((f) => f.state !== 'idle');
    // A fetch just ended and succeeded: the graph may have new posts and entities.
    const succeeded = body.follows.some(
      (f) => f.lastFetchAt !== null && f.lastFetchAt !== (this.fetchedAt.get(f.channel) ?? null),
    );
    if (this.wasBusy && !busy && succeeded) this.onFetched();
    this.wasBusy = busy;
    this.fetchedAt = new Map(body.follows.map((f) => [f.channel, f.lastFetchAt]));
    if (busy && this.dialog.open) this.poll = setTimeout(() => void this.refreshList(), POLL_MS);
  }

  private render({ follows, intervalMin }: FollowList): void {
    clear(this.list);
    if (follows.length === 0) {
      this.list.append(h('li', { class: 'muted' }, 'No channel is followed yet.'));
    }
    for (const follow of follows) this.list.append(this.row(follow));
    this.list.append(
      h(
        'li',
        { class: 'muted follow-schedule' },
        intervalMin > 0
          ? `Followed channels are refreshed every ${plural(intervalMin, 'minute', 'minutes')}.`
          : 'No refresh schedule (set FOLLOW_INTERVAL_MIN on the server); use Refresh.',
      ),
    );
  }

  private row(follow: FollowStatus): HTMLElement {
    const refresh = h(
      'button',
      { type: 'button', class: 'button', disabled: follow.state !== 'idle' },
      'Refresh',
    );
    refresh.addEventListener('click', () => void this.act(() => api.refreshFollow(follow.channel)));
    const unfollow = h('button', { type: 'button', class: 'button' }, 'Unfollow');
    unfollow.addEventListener(
      'click',
      () =>
        void this.act(async () => {
          await api.unfollow(follow.channel);
          notify(`@${follow.channel} is no longer followed; its posts stay in the graph.`, 'success');
        }),
    );
    const state =
      follow.state === 'idle'
        ? follow.lastFetchAt
          ? `last fetched ${new Date(follow.lastFetchAt).toLocaleString()} (${plural(follow.lastPosts ?? 0, 'post', 'posts')})`
          : follow.lastError
            ? 'no successful fetch yet'
            : 'not fetched yet'
        : `${STATE_LABELS[follow.state]} ${follow.progress ? `${plural(follow.progress.pages, 'page', 'pages')}, ${plural(follow.progress.posts, 'post', 'posts')}` : ''}`;
    return h(
      'li',
      { class: 'follow-row', 'data-channel': follow.channel },
      h('strong', {}, `@${follow.channel}`),
      h('span', { class: 'muted follow-state' }, state),
      follow.lastError ? h('span', { class: 'error-text follow-last-error' }, follow.lastError) : '',
      h('span', { class: 'follow-actions' }, refresh, unfollow),
    );
  }

  private async act(action: () => Promise<unknown>): Promise<void> {
    this.error.hidden = true;
    try {
      await action();
    } catch (err) {
      this.showError(messageOf(err));
    }
    await this.refreshList();
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }

  private stopPolling(): void {
    if (this.poll) clearTimeout(this.poll);
    this.poll = null;
  }
}
