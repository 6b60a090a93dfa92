/** "How are X and Y connected": shortest paths on the canvas, each hop citing its post. */
import type { EdgeData, PathHop, PathsResponse, SearchHit } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { clear, externalLink, formatDate, h, highlightTerms, plural } from '../dom';
import { EntityPicker } from './entity-picker';
import { evidenceNote } from './post-pages';

export interface PathActions {
  /** Puts the path elements on the canvas and highlights them. */
  show(response: PathsResponse): void;
  openPost(id: string, terms: string[]): void;
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
      this.message(`No connection within ${plural(max, 'hop')}. Try a longer limit.`);
      this.actions.show(response);
      return;
    }
    this.actions.show(response);
    this.render(response);
  }

  private render(response: PathsResponse): void {
    clear(this.results);
    this.results.append(h('p', { class: 'muted' }, pathsSummary(response.paths.map((p) => p.length))));
    const list = h('ol', { class: 'path-list' });
    response.paths.forEach((path) => {
      const names = new Map(path.nodes.map((n) => [n.id, n.label]));
      const hops = h('ol', { class: 'hop-list' });
      for (const hop of path.hops) {
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
          open.addEventListener('click', () => this.actions.openPost(e.post, [fromName, toName]));
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
        hops.append(
          h(
            'li',
            { class: 'hop' },
            h(
              'div',
              { class: 'hop-line' },
              nodeButton(hop.from, fromName),
              h('span', { class: 'rel-type' }, arrow),
              nodeButton(hop.to, toName),
            ),
            ...(evidence.length
              ? this.citations(evidence, statedCount(response, hop) ?? evidence.length)
              : [h('p', { class: 'muted' }, 'No evidence sentence stored.')]),
          ),
        );
      }
      list.append(h('li', { class: 'path' }, hops));
    });
    this.results.append(list);
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

/** Citations shown per hop before "Show more". */
const CITATIONS_SHOWN = 2;

/** How many posts state the hop's relationship, from the path's edge on the canvas elements. */
function statedCount(response: PathsResponse, hop: PathHop): number | null {
  for (const element of response.elements) {
    if (element.group !== 'edges') continue;
    const edge = element.data as EdgeData;
    const sameEnds =
      (edge.source === hop.from && edge.target === hop.to) ||
      (edge.source === hop.to && edge.target === hop.from);
    if (sameEnds && edge.type === hop.type && typeof edge.count === 'number') return edge.count;
  }
  return null;
}

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
