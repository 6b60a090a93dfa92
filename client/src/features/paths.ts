/** "How are X and Y connected": shortest paths on the canvas, each hop citing its post. */
import type { PathHop, PathsResponse, SearchHit } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { clear, externalLink, formatDate, h, highlightTerms, plural } from '../dom';
import { EntityPicker } from './entity-picker';
import { hopEdge, isCoMentionHop, pathColour, pathGroups } from './path-groups';
import { evidenceNote } from './post-pages';

export interface PathActions {
  /** Puts the path elements on the canvas and highlights them, each path in its colour. */
  show(response: PathsResponse): void;
  /** Highlights these element ids, group i in path i's colour (empty groups: paths not shown). */
  highlight(groups: string[][]): void;
  openPost(id: string, terms: string[], sentences: string[]): void;
  select(key: string): void;
  changed(): void;
}

export class PathsPanel {
  private readonly fromPicker: EntityPicker;
  private readonly toPicker: EntityPicker;
  private readonly maxInput = h('input', { type: 'number', id: 'path-max', min: 1, max: 6, value: 4 });
  private readonly results = h('div', { class: 'path-results', 'aria-live': 'polite' });
  /** Keys of the last search, for the URL. */
  current: { from: string; to: string } | null = null;

  constructor(
    root: HTMLElement,
    private readonly actions: PathActions,
  ) {
    this.fromPicker = new EntityPicker({
      label: 'From',
      placeholder: 'e.g. Meta',
      keepValue: true,
      id: 'path-from',
      onPick: () => undefined,
    });
    this.toPicker = new EntityPicker({
      label: 'To',
      placeholder: 'e.g. LLaMA',
      keepValue: true,
      id: 'path-to',
      onPick: () => undefined,
    });
    const form = h('form', { class: 'stack', 'aria-label': 'Find paths' });
    const submit = h('button', { type: 'submit', class: 'button primary' }, 'Find connections');
    form.append(
      this.fromPicker.root,
      this.toPicker.root,
      h(
        'div',
        { class: 'inline-field' },
        h('label', { for: 'path-max', class: 'field-label' }, 'Longest path (hops)'),
        this.maxInput,
      ),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    root.append(h('h2', { class: 'panel-title' }, 'How are they connected?'), form, this.results);
  }

  /** Resolves what each field names (a pick, an exact name or alias, or the top hit), then finds. */
  private async submit(): Promise<void> {
    const fromText = this.fromPicker.input.value.trim();
    const toText = this.toPicker.input.value.trim();
    if (!fromText || !toText) {
      this.message('Choose both ends first: type a name and pick it from the list.', true);
      return;
    }
    this.message('Looking up the entities…');
    const [from, to] = await Promise.all([this.fromPicker.resolve(), this.toPicker.resolve()]);
    const missing = [!from && fromText, !to && toText].filter(Boolean);
    if (!from || !to) {
      this.message(`No entity is called ${missing.map((t) => `“${t}”`).join(' or ')}.`, true);
      return;
    }
    await this.find(from.key, to.key);
  }

  setFrom(hit: SearchHit): void {
    this.fromPicker.setValue(hit);
  }

  private message(text: string, error = false): void {
    clear(this.results);
    this.results.append(
      h('p', { class: error ? 'error-text' : 'muted', role: error ? 'alert' : null }, text),
    );
  }

  async find(from: string, to: string, nameFrom?: string, nameTo?: string): Promise<void> {
    if (nameFrom && !this.fromPicker.input.value) this.fromPicker.setValue(null, nameFrom);
    if (nameTo && !this.toPicker.input.value) this.toPicker.setValue(null, nameTo);
    this.message('Searching for paths…');
    const max = Number(this.maxInput.value) || 4;
    let response: PathsResponse;
    try {
      response = await api.paths(from, to, max);
    } catch (err) {
      this.message(messageOf(err), true);
      return;
    }
    this.current = { from, to };
    this.actions.changed();
    if (response.paths.length === 0) {
      this.message(
        response.searchedHops < max
          ? `No connection within ${plural(response.searchedHops, 'hop')}; ${searchedNote(response.searchedHops)}`
          : `No connection within ${plural(max, 'hop')}. Try a longer limit.`,
      );
      this.actions.show(response);
      return;
    }
    this.actions.show(response);
    this.render(response, max);
  }

  private render(response: PathsResponse, max: number): void {
    clear(this.results);
    this.results.append(h('p', { class: 'muted' }, pathsSummary(response.paths.map((p) => p.length))));
    if (response.searchedHops < max)
      this.results.append(h('p', { class: 'hint' }, searchedNote(response.searchedHops)));
    const list = h('ol', { class: 'path-list' });
    const groups = pathGroups(response);
    const aloneButtons: HTMLButtonElement[] = [];
    // "Show alone" highlights one path (in its colour); pressed again, every path is shown.
    const showAlone = (index: number | null) => {
      this.actions.highlight(index === null ? groups : groups.map((g, i) => (i === index ? g : [])));
      aloneButtons.forEach((b, i) => {
        b.setAttribute('aria-pressed', String(i === index));
        b.textContent = i === index ? 'Show all paths' : 'Show alone';
      });
    };
    response.paths.forEach((path, index) => {
      const names = new Map(path.nodes.map((n) => [n.id, n.label]));
      const hops = h('ol', { class: 'hop-list' });
      for (const hop of path.hops) hops.append(this.hopItem(response, hop, names));
      const alone = h(
        'button',
        { type: 'button', class: 'link-button path-alone', 'aria-pressed': 'false' },
        'Show alone',
      );
      alone.addEventListener('click', () =>
        showAlone(alone.getAttribute('aria-pressed') === 'true' ? null : index),
      );
      aloneButtons.push(alone);
      const item = h(
        'li',
        { class: 'path', 'data-path': index, 'aria-label': `Path ${index + 1}` },
        h(
          'div',
          { class: 'path-header' },
          h('span', { class: 'path-swatch', 'aria-hidden': 'true' }),
          h('span', { class: 'path-number' }, `Path ${index + 1}`),
          h('span', { class: 'muted' }, ` · ${plural(path.length, 'hop')}`),
          alone,
        ),
        hops,
      );
      // The same colour as the path's ring and edges on the canvas (CSSOM, so CSP allows it).
      item.style.setProperty('--path-colour', pathColour(index));
      list.append(item);
    });
    this.results.append(list);
  }

  private hopItem(response: PathsResponse, hop: PathHop, names: Map<string, string>): HTMLElement {
    const fromName = names.get(hop.from) ?? hop.from;
    const toName = names.get(hop.to) ?? hop.to;
    const nodeButton = (key: string, name: string) => {
      const b = h('button', { type: 'button', class: 'link-button' }, name);
      b.addEventListener('click', () => this.actions.select(key));
      return b;
    };
    const arrow = hop.forward ? ` —${hop.type}→ ` : ` ←${hop.type}— `;
    const evidence = hop.evidence.map((e) => {
      const open = h('button', { type: 'button', class: 'link-button' }, e.title || e.post);
      open.addEventListener('click', () => this.actions.openPost(e.post, [fromName, toName], [e.sentence]));
      const quote = h('blockquote', { class: 'evidence' });
      quote.append(highlightTerms(e.sentence, [fromName, toName]));
      return h(
        'div',
        { class: 'citation' },
        quote,
        h(
          'div',
          { class: 'post-meta' },
          formatDate(e.date),
          ' · ',
          open,
          e.sourceUrl ? ' · ' : '',
          e.sourceUrl ? externalLink(e.sourceUrl, 'source') : null,
        ),
      );
    });
    const stated = hopEdge(response, hop)?.count;
    return h(
      'li',
      { class: 'hop' },
      h(
        'div',
        { class: 'hop-line' },
        nodeButton(hop.from, fromName),
        h('span', { class: 'rel-type' }, arrow),
        nodeButton(hop.to, toName),
      ),
      isCoMentionHop(hop)
        ? h(
            'p',
            { class: 'hint co-mention-note' },
            'No relationship between these two is stated: they are mentioned in the same posts.',
          )
        : null,
      ...(evidence.length
        ? this.citations(evidence, typeof stated === 'number' ? stated : evidence.length)
        : [h('p', { class: 'muted' }, 'No evidence sentence stored.')]),
    );
  }

  /**
   * The first citations of a hop, a button that reveals the others the server sent (in place,
   * focus on the first revealed), and a note when the hop is stated in more posts than were sent.
   */
  private citations(all: HTMLElement[], stated: number): HTMLElement[] {
    const note = evidenceNote(all.length, stated);
    const out: HTMLElement[] = all.slice(0, CITATIONS_SHOWN);
    const rest = all.slice(CITATIONS_SHOWN);
    if (rest.length) {
      const hidden = h('div', { class: 'more-citations', hidden: true }, ...rest);
      const more = h(
        'button',
        { type: 'button', class: 'link-button show-citations' },
        `Show ${plural(rest.length, 'more citation')}`,
      );
      more.addEventListener('click', () => {
        hidden.hidden = false;
        more.remove();
        rest[0].querySelector<HTMLElement>('button, a')?.focus();
      });
      out.push(more, hidden);
    }
    if (note) out.push(h('p', { class: 'hint' }, note));
    return out;
  }
}

/** Why fewer hops than asked were searched (PathsResponse.searchedHops). */
function searchedNote(searched: number): string {
  return `the graph around these two is too large to look for paths longer than ${plural(searched, 'hop')}.`;
}

/** Citations shown per hop before "Show more". */
const CITATIONS_SHOWN = 2;

/**
 * "3 shortest paths (2 hops)." when all are as short as possible; "3 paths (2–4 hops), shortest
 * first." when longer alternatives follow the shortest ones.
 */
export function pathsSummary(lengths: number[]): string {
  const shortest = Math.min(...lengths);
  const longest = Math.max(...lengths);
  if (shortest === longest) return `${plural(lengths.length, 'shortest path')} (${plural(shortest, 'hop')}).`;
  return `${plural(lengths.length, 'path')} (${shortest}–${longest} hops), shortest first.`;
}
