/**
 * The "Channels" tab: the imported channels (title, posts, date span, last import) with a Delete
 * button each. Delete first asks the server what would go (DELETE ?dryRun=1: posts, and the
 * entities only that channel mentions) and says so in a confirmation dialog; only "Delete
 * channel" there writes. The delete needs the access token like every change (Settings, ⚙).
 */
import type { ChannelDeletion, ChannelSummary } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { byId, clear, formatDate, h, plural } from '../dom';
import { notify } from '../notify';

export interface ChannelsCallbacks {
  /** A channel was deleted: the canvas may show entities that are gone. */
  deleted: (deletion: ChannelDeletion) => void;
}

export class ChannelsPanel {
  private readonly list = h('ul', { class: 'channel-list', id: 'channel-list', 'aria-live': 'polite' });
  private readonly error = h('p', { class: 'error-text', role: 'alert', id: 'channels-error', hidden: true });
  private readonly dialog = byId<HTMLDialogElement>('channel-delete-dialog');
  private loaded = false;

  constructor(
    root: HTMLElement,
    private readonly callbacks: ChannelsCallbacks,
  ) {
    root.append(
      h('p', { class: 'hint' }, 'Channels in the graph. Deleting one undoes its import.'),
      this.error,
      this.list,
    );
  }

  /** Loads the list the first time the tab opens; `refresh` reloads it (after an import). */
  async load(): Promise<void> {
    if (!this.loaded) await this.refresh();
  }

  async refresh(): Promise<void> {
    this.error.hidden = true;
    try {
      const { channels } = await api.channels();
      this.loaded = true;
      this.render(channels);
    } catch (err) {
      this.showError(messageOf(err));
    }
  }

  private render(channels: ChannelSummary[]): void {
    clear(this.list);
    if (channels.length === 0) {
      this.list.append(h('li', { class: 'muted' }, 'No channel imported yet.'));
      return;
    }
    for (const channel of channels) this.list.append(this.row(channel));
  }

  private row(channel: ChannelSummary): HTMLElement {
    const remove = h(
      'button',
      { type: 'button', class: 'button small', 'aria-label': `Delete channel ${channel.title}` },
      'Delete…',
    );
    remove.addEventListener('click', () => void this.confirm(channel));
    const span =
      channel.firstPost || channel.lastPost
        ? `${formatDate(channel.firstPost)} – ${formatDate(channel.lastPost)}`
        : 'undated';
    return h(
      'li',
      { class: 'channel-row', 'data-channel': channel.key },
      h('strong', { class: 'channel-title' }, channel.title),
      h('span', { class: 'muted' }, channel.username ? `@${channel.username}` : channel.key),
      h('span', { class: 'channel-facts' }, `${plural(channel.posts, 'post')} · ${span}`),
      h(
        'span',
        { class: 'muted channel-imported' },
        channel.importedAt
          ? `imported ${new Date(channel.importedAt).toLocaleString()}`
          : 'import time unknown',
      ),
      h('span', { class: 'channel-actions' }, remove),
    );
  }

  /** Asks the server what would go, then shows it in the dialog; nothing is written until confirmed. */
  private async confirm(channel: ChannelSummary): Promise<void> {
    this.error.hidden = true;
    let preview: ChannelDeletion;
    try {
      preview = await api.deleteChannel(channel.key, true);
    } catch (err) {
      this.showError(messageOf(err));
      return;
    }
    clear(this.dialog);
    const cancel = h('button', { type: 'button', class: 'button', id: 'channel-delete-cancel' }, 'Cancel');
    cancel.addEventListener('click', () => this.dialog.close());
    const confirm = h(
      'button',
      { type: 'button', class: 'button danger', id: 'channel-delete-confirm' },
      'Delete channel',
    );
    confirm.addEventListener('click', () => void this.remove(channel, confirm));
    this.dialog.append(
      h(
        'header',
        { class: 'dialog-header' },
        h('h2', { id: 'channel-delete-title' }, `Delete ${channel.title}?`),
      ),
      h(
        'div',
        { class: 'dialog-body' },
        h('p', { id: 'channel-delete-summary' }, describe(preview)),
        h(
          'p',
          { class: 'muted' },
          preview.keptEntities > 0
            ? `${plural(preview.keptEntities, 'entity', 'entities')} other channels mention too will stay, with their other posts.`
            : 'No entity of this channel is mentioned by another channel.',
        ),
        h('p', { class: 'muted' }, 'This cannot be undone except by importing the channel again.'),
        h('div', { class: 'dialog-actions' }, cancel, confirm),
      ),
    );
    if (!this.dialog.open) this.dialog.showModal();
    cancel.focus();
  }

  private async remove(channel: ChannelSummary, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    try {
      const deletion = await api.deleteChannel(channel.key, false);
      this.dialog.close();
      notify(`Deleted ${channel.title}: ${describe(deletion, true)}`, 'success');
      this.callbacks.deleted(deletion);
    } catch (err) {
      this.dialog.close();
      this.showError(messageOf(err));
    } finally {
      button.disabled = false;
    }
    await this.refresh();
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
  }
}

/** "12 posts, 30 relations and 5 entities only this channel mentions will be deleted." */
export function describe(d: ChannelDeletion, done = false): string {
  const what = `${plural(d.posts, 'post')}, ${plural(d.relations, 'relation')} and ${plural(d.entities, 'entity', 'entities')} only this channel mentions`;
  return done ? `${what} are gone.` : `${what} will be deleted.`;
}
