/** Full text of one post in a dialog, mentions highlighted. Text goes in as text nodes only. */
import { api, messageOf } from '../api';
import { append, byId, clear, externalLink, formatDate, h, highlightRanges, highlightTerms } from '../dom';

export class PostViewer {
  private readonly dialog = byId<HTMLDialogElement>('post-dialog');

  constructor(private readonly onEntity: (key: string) => void) {
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
  }

  async open(id: string, terms: string[] = []): Promise<void> {
    clear(this.dialog);
    const closeButton = h(
      'button',
      { type: 'button', class: 'button icon-button dialog-close', 'aria-label': 'Close post' },
      '×',
    );
    closeButton.addEventListener('click', () => this.dialog.close());
    const body = h('div', { class: 'dialog-body' }, h('p', { class: 'muted' }, 'Loading post…'));
    this.dialog.append(
      h('header', { class: 'dialog-header' }, h('h2', { id: 'post-title' }, 'Post'), closeButton),
      body,
    );
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const post = await api.post(id);
      const title = this.dialog.querySelector('#post-title');
      if (title) title.textContent = post.title || id;
      const text = h('div', { class: 'post-text' });
      text.append(
        post.mentions.length
          ? highlightRanges(
              post.text,
              post.mentions.map((m) => ({ start: m.start, end: m.end, title: `${m.name} (${m.type})` })),
            )
          : highlightTerms(post.text, terms),
      );
      const mentionButtons = [...new Map(post.mentions.map((m) => [m.key, m])).values()].map((m) => {
        const button = h('button', { type: 'button', class: `chip type-${m.type}` }, m.name);
        button.addEventListener('click', () => {
          this.dialog.close();
          this.onEntity(m.key);
        });
        return button;
      });
      clear(body);
      append(
        body,
        h(
          'p',
          { class: 'post-meta' },
          formatDate(post.date),
          ' · ',
          post.channel,
          post.forwardedFrom ? ` · forwarded from ${post.forwardedFrom}` : '',
          ' · ',
          post.sourceUrl ? externalLink(post.sourceUrl, 'open source') : 'no public link',
        ),
        text,
        mentionButtons.length
          ? h('div', { class: 'chips', 'aria-label': 'Entities in this post' }, ...mentionButtons)
          : null,
        post.links.length
          ? h(
              'ul',
              { class: 'post-links', 'aria-label': 'Links in this post' },
              ...post.links.map((url) => h('li', {}, externalLink(url, url))),
            )
          : null,
      );
    } catch (err) {
      clear(body);
      body.append(
        h('p', { class: 'error-text', role: 'alert' }, `Could not load the post: ${messageOf(err)}`),
      );
    }
  }
}
