/**
 * Full text of one post in a dialog: mentions marked, the evidence sentence the user came from
 * highlighted and scrolled to, and its t.me permalink when known. Text goes in as text nodes only.
 */
import type { PostDetails } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { append, byId, clear, externalLink, formatDate, h } from '../dom';
import { cutAtSpan, findSentence, splitByRanges, splitByTerms, type SpanPart } from '../highlight';

export class PostViewer {
  private readonly dialog = byId<HTMLDialogElement>('post-dialog');

  constructor(private readonly onEntity: (key: string) => void) {
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) this.dialog.close();
    });
  }

  /** `sentences`: the evidence the user came from; the first found in the text is highlighted. */
  async open(id: string, terms: string[] = [], sentences: string[] = []): Promise<void> {
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
      const sentence = postText(text, post, terms, sentences);
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
          post.channelTitle || post.channel,
          post.forwardedFrom ? ` · forwarded from ${post.forwardedFrom}` : '',
          ' · ',
          post.permalink
            ? permalink(post.permalink)
            : post.sourceUrl
              ? externalLink(post.sourceUrl, 'open source')
              : 'no public link',
        ),
        sentence ? h('p', { class: 'hint' }, 'Highlighted: the sentence you came from.') : null,
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
      sentence?.scrollIntoView({ block: 'center' });
    } catch (err) {
      clear(body);
      body.append(
        h('p', { class: 'error-text', role: 'alert' }, `Could not load the post: ${messageOf(err)}`),
      );
    }
  }
}

/**
 * Fills `target` with the post text, mentions (or, without offsets, the terms) marked, and the
 * first evidence sentence found in it wrapped in one element, which is returned (null if none).
 */
function postText(
  target: HTMLElement,
  post: PostDetails,
  terms: string[],
  sentences: string[],
): HTMLElement | null {
  const parts = post.mentions.length
    ? splitByRanges(
        post.text,
        post.mentions.map((m) => ({ start: m.start, end: m.end, title: `${m.name} (${m.type})` })),
      )
    : splitByTerms(post.text, terms);
  const span = sentences.map((s) => findSentence(post.text, s)).find((found) => found !== null) ?? null;
  const cut: SpanPart[] = span
    ? cutAtSpan(parts, span.start, span.end)
    : parts.map((part) => ({ ...part, inSpan: false }));
  let sentence: HTMLElement | null = null;
  for (const part of cut) {
    const node = part.marked
      ? h('mark', { title: part.title }, part.text)
      : document.createTextNode(part.text);
    if (!part.inSpan) {
      target.append(node);
      continue;
    }
    if (!sentence) {
      sentence = h('span', { class: 'evidence-sentence' });
      target.append(sentence);
    }
    sentence.append(node);
  }
  return sentence;
}

function permalink(url: string): HTMLElement {
  const link = externalLink(url, 'Open in Telegram');
  link.classList.add('permalink');
  return link;
}
