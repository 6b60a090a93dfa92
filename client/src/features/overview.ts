/**
 * The first screen: what the graph holds (GET /api/overview), drawn where the empty canvas is, so a
 * newcomer has something to click before knowing a single name. Every entity, post and month in
 * it leads into the canvas through the same actions the rest of the explorer uses. It shows
 * whenever the canvas is empty (main.ts hides #empty-state once nodes are on it).
 */
import './overview.css';
import type { OverviewEntity, OverviewResponse } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { typeIcon } from '../canvas/styles';
import { clear, formatDate, h, plural } from '../dom';
import { channelSummary } from './overview-format';
import { fillMonths } from './timeline';

export interface OverviewActions {
  /** Put the entity and its neighbourhood on the canvas, as a search pick does. */
  openEntity(key: string): void;
  /** Show the post with its mentions, as a post node does. */
  openPost(id: string): void;
  /** A bar of the timeline: narrow the canvas to that month ("YYYY-MM"). */
  pickMonth(month: string): void;
}

export { monthOfRange, monthRange } from './overview-format';

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

export class OverviewPanel {
  private readonly body = h('div', { class: 'overview', id: 'overview' });
  /** The "Start exploring" text index.html ships with: shown alone when the overview fails. */
  private readonly fallback: Node[];
  private pickedMonth: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: OverviewActions,
  ) {
    this.fallback = [...root.childNodes];
  }

  /** Fetches and draws the overview; on failure the plain guidance stays. Call again after an import. */
  async load(): Promise<void> {
    try {
      const overview = await api.overview();
      if (overview.posts === 0) return this.showFallback();
      this.render(overview);
    } catch (err) {
      this.showFallback();
      console.warn(`overview: ${messageOf(err)}`);
    }
  }

  /** Marks the month whose date filter is on (null: none). */
  markMonth(month: string | null): void {
    this.pickedMonth = month;
    for (const bar of this.body.querySelectorAll<HTMLButtonElement>('.overview-bar')) {
      bar.setAttribute('aria-pressed', String(bar.dataset.month === month));
    }
  }

  private showFallback(): void {
    this.root.classList.remove('has-overview');
    this.root.replaceChildren(...this.fallback);
  }

  private render(o: OverviewResponse): void {
    clear(this.body);
    this.body.append(
      h(
        'header',
        { class: 'overview-head' },
        h('h2', {}, 'What the graph holds'),
        h(
          'p',
          { class: 'muted' },
          'Click any entity, post or month to start from it, or search by name (press ',
          h('kbd', {}, '/'),
          ').',
        ),
      ),
      this.stats(o),
      this.types(o),
      this.timeline(o),
      h('div', { class: 'overview-columns' }, this.releasers(o), this.topEntities(o)),
      this.latestPosts(o),
    );
    this.root.classList.add('has-overview');
    this.root.replaceChildren(this.body);
    this.markMonth(this.pickedMonth);
  }

  private stats(o: OverviewResponse): HTMLElement {
    const tile = (value: string, label: string, detail?: string) =>
      h(
        'div',
        { class: 'overview-stat' },
        h('span', { class: 'overview-stat-value' }, value),
        h('span', { class: 'overview-stat-label' }, label),
        detail ? h('span', { class: 'overview-stat-detail', title: detail }, detail) : null,
      );
    const span =
      o.dates.first && o.dates.last
        ? `${formatDate(o.dates.first)} – ${formatDate(o.dates.last)}`
        : 'undated';
    return h(
      'div',
      { class: 'overview-stats' },
      tile(
        o.channels.count.toLocaleString('en'),
        o.channels.count === 1 ? 'channel' : 'channels',
        channelSummary(o.channels),
      ),
      tile(o.posts.toLocaleString('en'), o.posts === 1 ? 'post' : 'posts', span),
      tile(
        o.entities.count.toLocaleString('en'),
        o.entities.count === 1 ? 'entity' : 'entities',
        `of ${plural(Object.values(o.entities.byType).filter((n) => n > 0).length, 'type')}`,
      ),
    );
  }

  private types(o: OverviewResponse): HTMLElement {
    const types = Object.entries(o.entities.byType)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    return h(
      'ul',
      { class: 'overview-types', 'aria-label': 'Entities by type' },
      ...types.map(([type, n]) =>
        h(
          'li',
          {},
          typeIcon(type, 12),
          h('span', {}, type),
          h('span', { class: 'muted' }, n.toLocaleString('en')),
        ),
      ),
    );
  }

  /** Bars as buttons (not SVG shapes): each is focusable and clickable with a label that says what it does. */
  private timeline(o: OverviewResponse): HTMLElement {
    const months = fillMonths(o.months);
    const section = h(
      'section',
      { class: 'overview-card overview-timeline' },
      h('h3', {}, 'Posts per month'),
    );
    if (months.length === 0) {
      section.append(h('p', { class: 'muted' }, 'No dated posts.'));
      return section;
    }
    const max = Math.max(...months.map((m) => m.count), 1);
    const bars = h('div', { class: 'overview-bars', role: 'group', 'aria-label': 'Posts per month' });
    for (const m of months) {
      const label = `${monthLabel(m.month)}: ${plural(m.count, 'post')}. Set the date filter to this month.`;
      const bar = h('button', {
        type: 'button',
        class: 'overview-bar',
        'data-month': m.month,
        'aria-label': label,
        title: label,
        'aria-pressed': 'false',
      });
      const fill = h('span', { class: 'overview-bar-fill' });
      fill.style.height = m.count === 0 ? '0' : `${Math.max(4, (100 * m.count) / max)}%`;
      bar.append(fill);
      bar.addEventListener('click', () => this.actions.pickMonth(m.month));
      bars.append(bar);
    }
    section.append(
      bars,
      h(
        'div',
        { class: 'overview-axis muted' },
        h('span', {}, monthLabel(months[0].month)),
        h('span', {}, `peak ${plural(max, 'post')} a month`),
        h('span', {}, monthLabel(months[months.length - 1].month)),
      ),
    );
    return section;
  }

  private entityButton(e: OverviewEntity, extra?: string, className = 'overview-entity'): HTMLButtonElement {
    const button = h(
      'button',
      {
        type: 'button',
        class: className,
        'data-key': e.key,
        title: `${e.name} (${e.type}): show it on the canvas`,
      },
      typeIcon(e.type, 12),
      h('span', { class: 'overview-entity-name' }, e.name),
      extra ? h('span', { class: 'overview-entity-extra muted' }, extra) : null,
    );
    button.addEventListener('click', () => this.actions.openEntity(e.key));
    return button;
  }

  private releasers(o: OverviewResponse): HTMLElement {
    const { since, months } = o.releasers;
    const window =
      since !== null
        ? `Organisations by releases since ${monthLabel(since)} (${plural(months ?? 0, 'month')})`
        : 'Organisations by releases, all time (the latest months have few)';
    const section = h(
      'section',
      { class: 'overview-card overview-releasers' },
      h('h3', {}, 'Released lately'),
      h('p', { class: 'hint' }, o.dates.last ? window : 'No dated posts.'),
    );
    if (o.releasers.items.length === 0) {
      section.append(h('p', { class: 'muted' }, 'No releases stated in these months.'));
      return section;
    }
    const list = h('ol', { class: 'overview-list' });
    for (const org of o.releasers.items) {
      const things = h(
        'div',
        { class: 'overview-chips' },
        ...org.released.map((thing) => this.entityButton(thing, undefined, 'overview-chip')),
        org.releases > org.released.length
          ? h('span', { class: 'muted overview-more' }, `+${org.releases - org.released.length}`)
          : null,
      );
      list.append(h('li', {}, this.entityButton(org, plural(org.releases, 'release')), things));
    }
    section.append(list);
    return section;
  }

  private topEntities(o: OverviewResponse): HTMLElement {
    return h(
      'section',
      { class: 'overview-card overview-top' },
      h('h3', {}, 'Most mentioned'),
      h('p', { class: 'hint' }, 'Across all posts'),
      h(
        'ol',
        { class: 'overview-list' },
        ...o.topEntities.map((e) => h('li', {}, this.entityButton(e, e.mentionCount.toLocaleString('en')))),
      ),
    );
  }

  private latestPosts(o: OverviewResponse): HTMLElement {
    const list = h('ul', { class: 'overview-posts' });
    for (const post of o.latestPosts) {
      const open = h(
        'button',
        { type: 'button', class: 'link-button overview-post-title', 'data-post': post.id },
        post.title || post.id,
      );
      open.addEventListener('click', () => this.actions.openPost(post.id));
      list.append(
        h(
          'li',
          {},
          h('div', { class: 'overview-post-meta muted' }, `${formatDate(post.date)} · ${post.channelTitle}`),
          open,
          h(
            'div',
            { class: 'overview-chips' },
            ...post.entities.map((e) => this.entityButton(e, undefined, 'overview-chip')),
          ),
        ),
      );
    }
    return h('section', { class: 'overview-card overview-latest' }, h('h3', {}, 'Latest posts'), list);
  }
}
