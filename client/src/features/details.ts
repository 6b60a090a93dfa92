/**
 * Right-hand panel: what is known about the selected node (type, aliases, properties, a timeline,
 * the posts mentioning it with the sentence highlighted) or edge (the posts stating it, each with
 * its sentence, a page at a time).
 */
import type { EdgeData, EntityDetails, PostRef } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { styleFor, typeIcon } from '../canvas/styles';
import { append, clear, externalLink, formatDate, h, highlightTerms, plural } from '../dom';
import { renderEntityChannels } from './entity-channels';
import { renderPostList } from './post-list';
import { POSTS_PAGE_SIZE, evidencePage, type PostsPage } from './post-pages';
import { renderTimeline, type TimelineView } from './timeline';

export interface DetailsActions {
  expand(key: string): void;
  remove(key: string): void;
  removeLeaves(key: string): void;
  pathFrom(key: string, name: string): void;
  openPost(id: string, terms: string[], sentences: string[]): void;
  select(key: string): void;
  nameOf(key: string): string;
}

function section(title: string, ...content: (Node | null)[]): HTMLElement {
  return h('section', { class: 'details-section' }, h('h3', {}, title), ...content);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export class DetailsPanel {
  /** Guards against a slow answer for an old selection overwriting a newer one. */
  private generation = 0;
  /** Key of the entity or id of the edge shown, or null. */
  shown: string | null = null;
  /** True while `shown` is an entity whose details loaded: selecting it again keeps the panel. */
  private entityReady = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: DetailsActions,
  ) {
    this.showEmpty();
  }

  showEmpty(): void {
    this.generation += 1;
    this.shown = null;
    this.entityReady = false;
    clear(this.root);
    this.root.append(
      h(
        'div',
        { class: 'details-empty' },
        h('h2', {}, 'Details'),
        h(
          'p',
          {},
          'Click a node to see what the channels say about it, or an edge to see the sentence that states it.',
        ),
        h(
          'p',
          { class: 'muted' },
          'Double-click a node to expand its neighbourhood. Drag on the background with Shift (or Ctrl) held for box selection.',
        ),
      ),
    );
  }

  /** The graph changed under the panel (a channel delete): reads the shown entity again. */
  reload(): void {
    const key = this.shown;
    if (key && this.entityReady) {
      this.entityReady = false;
      void this.showEntity(key);
    } else if (key) this.showEmpty();
  }

  async showEntity(key: string): Promise<void> {
    // Clicking the node already shown must not throw away the pages of posts the reader loaded.
    if (key === this.shown && this.entityReady) return;
    const generation = ++this.generation;
    this.shown = key;
    this.entityReady = false;
    clear(this.root);
    this.root.append(h('p', { class: 'muted loading' }, 'Loading details…'));
    let details: EntityDetails;
    try {
      details = await api.entity(key, { page: 1, pageSize: POSTS_PAGE_SIZE });
    } catch (err) {
      if (generation !== this.generation) return;
      clear(this.root);
      this.root.append(
        h('p', { class: 'error-text', role: 'alert' }, `Could not load “${key}”: ${messageOf(err)}`),
      );
      return;
    }
    if (generation !== this.generation) return;
    this.entityReady = true;
    clear(this.root);
    const terms = [details.name, ...details.aliases];
    // The posts listed so far, for the timeline's shading (the timeline may arrive before or after).
    let listed: { dates: (string | null)[]; partial: boolean } = { dates: [], partial: false };
    let timelineView: TimelineView | null = null;
    const timelineSlot = h(
      'div',
      { class: 'timeline-slot' },
      h('p', { class: 'muted' }, 'Loading timeline…'),
    );

    append(
      this.root,
      h(
        'header',
        { class: 'details-header' },
        h(
          'div',
          { class: 'details-type', style: `color:${styleFor(details.type).color}` },
          typeIcon(details.type, 14),
          details.type,
        ),
        h('h2', { id: 'details-title' }, details.name),
        details.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', details.aliases.join(', ')) : null,
      ),
      this.entityActions(details),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Mentions'),
        h('dd', {}, details.mentionCount.toLocaleString('en')),
        h('dt', {}, 'Posts'),
        h('dd', {}, details.posts.total.toLocaleString('en')),
        h('dt', {}, 'First seen'),
        h('dd', {}, formatDate(details.firstSeen)),
        h('dt', {}, 'Last seen'),
        h('dd', {}, formatDate(details.lastSeen)),
        ...Object.entries(details.properties)
          .filter(
            ([name]) =>
              ![
                'name',
                'key',
                'type',
                'aliases',
                'mentionCount',
                'postCount',
                'firstSeen',
                'lastSeen',
              ].includes(name),
          )
          .flatMap(([name, value]) => [
            h('dt', {}, name),
            h('dd', {}, name === 'url' ? externalLink(String(value), String(value)) : formatValue(value)),
          ]),
      ),
      Object.keys(details.degree).length
        ? section(
            'Relationships',
            h(
              'ul',
              { class: 'degree-list' },
              ...Object.entries(details.degree)
                .sort((a, b) => b[1] - a[1])
                .map(([type, n]) => h('li', {}, h('span', { class: 'rel-type' }, type), ' ', String(n))),
            ),
          )
        : null,
      details.channels.length ? section('Channels', renderEntityChannels(details.channels)) : null,
      section('Mentions over time', timelineSlot),
      renderPostList({
        first: details.posts,
        fetchPage: async (page, pageSize) => (await api.entity(key, { page, pageSize })).posts,
        renderItem: (post) => this.postItem(post, terms),
        isCurrent: () => generation === this.generation,
        onListed: (posts, total) => {
          listed = { dates: posts.map((post) => post.date), partial: posts.length < total };
          timelineView?.markListed(listed.dates, listed.partial);
        },
      }),
    );

    try {
      const timeline = await api.timeline(key);
      if (generation !== this.generation) return;
      clear(timelineSlot);
      timelineView = renderTimeline(timeline);
      timelineView.markListed(listed.dates, listed.partial);
      timelineSlot.append(timelineView.element);
    } catch (err) {
      if (generation !== this.generation) return;
      clear(timelineSlot);
      timelineSlot.append(h('p', { class: 'error-text' }, `Timeline unavailable: ${messageOf(err)}`));
    }
  }

  private entityActions(details: EntityDetails): HTMLElement {
    const button = (label: string, title: string, run: () => void) => {
      const b = h('button', { type: 'button', class: 'button small', title }, label);
      b.addEventListener('click', run);
      return b;
    };
    return h(
      'div',
      { class: 'details-actions', role: 'group', 'aria-label': 'Node actions' },
      button('Expand', 'Add its neighbours to the canvas (or double-click the node)', () =>
        this.actions.expand(details.key),
      ),
      button('Path from here', 'Use as the start of a path search', () =>
        this.actions.pathFrom(details.key, details.name),
      ),
      button('Remove leaves', 'Remove the neighbours that connect only to this node', () =>
        this.actions.removeLeaves(details.key),
      ),
      button('Remove', 'Remove this node from the canvas', () => this.actions.remove(details.key)),
    );
  }

  private postItem(post: PostRef, terms: string[]): HTMLElement {
    const open = h('button', { type: 'button', class: 'link-button post-title' }, post.title || post.id);
    const sentences = (post.sentences ?? []).slice(0, 3);
    open.addEventListener('click', () => this.actions.openPost(post.id, terms, sentences));
    return h(
      'li',
      { class: 'post-item' },
      h(
        'div',
        { class: 'post-meta' },
        formatDate(post.date),
        post.sourceUrl ? ' · ' : '',
        post.sourceUrl ? externalLink(post.sourceUrl, 'source') : null,
      ),
      open,
      ...sentences.map((sentence) => {
        const quote = h('blockquote', { class: 'evidence' });
        quote.append(highlightTerms(sentence, terms));
        return quote;
      }),
    );
  }

  async showEdge(edge: EdgeData): Promise<void> {
    const generation = ++this.generation;
    this.shown = edge.id;
    this.entityReady = false;
    clear(this.root);
    const fromName = this.actions.nameOf(edge.source);
    const toName = this.actions.nameOf(edge.target);
    const terms = [fromName, toName];
    const evidenceSlot = h('div', { class: 'evidence-slot' });
    const nodeLink = (key: string, name: string) => {
      const b = h('button', { type: 'button', class: 'link-button' }, name);
      b.addEventListener('click', () => this.actions.select(key));
      return b;
    };
    this.root.append(
      h(
        'header',
        { class: 'details-header' },
        h('div', { class: 'details-type' }, 'Relationship'),
        h(
          'h2',
          { id: 'details-title', class: 'edge-title' },
          nodeLink(edge.source, fromName),
          h('span', { class: 'rel-type' }, ` ${edge.type} → `),
          nodeLink(edge.target, toName),
        ),
        h(
          'p',
          { class: 'muted' },
          edge.type === 'CO_MENTIONED'
            ? `Mentioned together in ${plural(edge.count ?? edge.posts.length, 'post')}`
            : `Stated in ${plural(edge.count ?? edge.posts.length, 'post')}`,
          edge.firstDate ? `, first on ${formatDate(edge.firstDate)}` : '',
          '.',
        ),
      ),
      evidenceSlot,
    );
    // A co-mention (drawn by a query's result) is no stated relation: /api/relations has no posts
    // for it; the saved query "Posts that mention both" lists them.
    if (edge.type === 'CO_MENTIONED') {
      evidenceSlot.append(
        h(
          'p',
          { class: 'muted' },
          'Mentioned in the same posts; the saved query “Posts that mention both” lists them.',
        ),
      );
      return;
    }
    await this.loadEdgeEvidence(edge, terms, evidenceSlot, generation);
  }

  /**
   * The posts stating the edge, from GET /api/relations: the edge data carries one sentence at
   * most (neighbourhoods stay small), so the first page is fetched at once and "Show more" appends
   * the next ones, as for an entity's posts. A failure says why, with a button to try again.
   */
  private async loadEdgeEvidence(
    edge: EdgeData,
    terms: string[],
    slot: HTMLElement,
    generation: number,
  ): Promise<void> {
    const isCurrent = () => generation === this.generation;
    const fetchPage = async (page: number, pageSize: number) =>
      evidencePage(await api.relationEvidence(edge, { page, pageSize }));
    clear(slot);
    slot.append(h('p', { class: 'muted loading', role: 'status' }, 'Loading the posts that state it…'));
    let first: PostsPage;
    try {
      first = await fetchPage(1, POSTS_PAGE_SIZE);
    } catch (err) {
      if (!isCurrent()) return;
      const retry = h('button', { type: 'button', class: 'button small' }, 'Try again');
      retry.addEventListener('click', () => void this.loadEdgeEvidence(edge, terms, slot, generation));
      clear(slot);
      slot.append(
        h('p', { class: 'error-text', role: 'alert' }, `Could not load the evidence: ${messageOf(err)}`),
        retry,
      );
      return;
    }
    if (!isCurrent()) return;
    clear(slot);
    if (first.total === 0) {
      slot.append(
        h(
          'p',
          { class: 'muted', role: 'status' },
          'No post states it any more: the graph changed since this edge was drawn. Expand one of its ends again to refresh it.',
        ),
      );
      return;
    }
    slot.append(
      renderPostList({
        first,
        fetchPage,
        renderItem: (post) => this.postItem(post, terms),
        isCurrent,
      }),
    );
  }
}
