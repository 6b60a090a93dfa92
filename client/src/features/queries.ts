/** Saved queries: a list with descriptions and a form generated from each query's parameters. */
import type { QueryResult, SavedQuery, SavedQueryParam } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { clear, h } from '../dom';
import { bestHit, isEntityParam } from './entity-match';
import { paramField } from './query-fields';

export interface QueryActions {
  showResult(title: string, result: QueryResult, replaceCanvas: boolean): void;
  changed(): void;
}

/** Converts the form's text into the JSON type the query declares; empty means "use the default". */
export function convertParam(param: SavedQueryParam, raw: string | boolean): unknown {
  if (param.type === 'boolean') return Boolean(raw);
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (param.type === 'integer') {
    const n = Number(text);
    if (!Number.isInteger(n)) throw new Error(`“${param.name}” must be a whole number, not “${text}”.`);
    return n;
  }
  if (param.type === 'float') {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`“${param.name}” must be a number, not “${text}”.`);
    return n;
  }
  return text;
}

export class QueriesPanel {
  private queries: SavedQuery[] = [];
  // A list of toggle buttons: each button sits in its own <li>, since a button cannot be a
  // listitem and keep aria-pressed (axe: aria-allowed-role, aria-allowed-attr).
  private readonly list = h('ul', { class: 'query-list', 'aria-label': 'Saved queries' });
  /** Loading and error messages, outside the list (a list holds only its items). */
  private readonly listStatus = h('div', { class: 'query-list-status' });
  private readonly formSlot = h('div', { class: 'query-form-slot' });
  /** The query last run and the raw params, for the URL. */
  current: { name: string; params: Record<string, string> } | null = null;
  private loaded: Promise<void> | null = null;

  constructor(
    root: HTMLElement,
    private readonly actions: QueryActions,
  ) {
    root.append(
      h('h2', { class: 'panel-title' }, 'Saved queries'),
      this.listStatus,
      this.list,
      this.formSlot,
    );
  }

  load(): Promise<void> {
    this.loaded ??= this.fetchList();
    return this.loaded;
  }

  private async fetchList(): Promise<void> {
    clear(this.list);
    clear(this.listStatus);
    this.listStatus.append(h('p', { class: 'muted' }, 'Loading queries…'));
    try {
      this.queries = await api.queries();
    } catch (err) {
      clear(this.listStatus);
      this.listStatus.append(
        h('p', { class: 'error-text' }, `Could not load saved queries: ${messageOf(err)}`),
      );
      this.loaded = null;
      return;
    }
    clear(this.listStatus);
    if (this.queries.length === 0)
      this.listStatus.append(h('p', { class: 'muted' }, 'No saved queries on this server.'));
    for (const query of this.queries) {
      const item = h(
        'button',
        {
          type: 'button',
          class: 'query-item',
          'data-query': query.name,
          'aria-pressed': 'false',
        },
        h('span', { class: 'query-title' }, query.title),
        h('span', { class: 'query-description' }, query.description),
      );
      item.addEventListener('click', () => this.select(query.name));
      this.list.append(h('li', {}, item));
    }
  }

  /** Shows the form of a query, optionally filled (deep link) and run. */
  async select(
    name: string,
    params: Record<string, string> = {},
    run = false,
    keepCanvas = false,
  ): Promise<void> {
    await this.load();
    const query = this.queries.find((q) => q.name === name);
    if (!query) {
      clear(this.formSlot);
      this.formSlot.append(h('p', { class: 'error-text' }, `There is no saved query called “${name}”.`));
      return;
    }
    for (const item of this.list.querySelectorAll<HTMLElement>('.query-item')) {
      item.setAttribute('aria-pressed', item.dataset.query === name ? 'true' : 'false');
    }
    const form = this.buildForm(query, params);
    clear(this.formSlot);
    this.formSlot.append(form);
    form.scrollIntoView({ block: 'nearest' });
    if (run) await this.run(query, form, keepCanvas);
  }

  private buildForm(query: SavedQuery, values: Record<string, string>): HTMLFormElement {
    const form = h('form', { class: 'stack query-form', 'aria-label': `Parameters of ${query.title}` });
    form.append(h('h3', {}, query.title), h('p', { class: 'muted' }, query.description));
    for (const param of query.params) {
      const initial = values[param.name] ?? (param.default === null ? '' : String(param.default));
      form.append(...paramField(query.name, param, initial));
    }
    const replace = h('input', { type: 'checkbox', id: `qp-${query.name}--replace`, checked: true });
    form.append(
      h('label', { class: 'check', for: replace.id }, replace, 'Clear the canvas first'),
      h('button', { type: 'submit', class: 'button primary' }, 'Run query'),
      h('p', { class: 'query-status', 'aria-live': 'polite' }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run(query, form);
    });
    return form;
  }

  /** keepCanvas: add to what is there whatever the checkbox says (restoring a deep link). */
  private async run(query: SavedQuery, form: HTMLFormElement, keepCanvas = false): Promise<void> {
    const status = form.querySelector<HTMLElement>('.query-status');
    const params: Record<string, unknown> = {};
    const raw: Record<string, string> = {};
    try {
      for (const param of query.params) {
        const input = form.elements.namedItem(param.name) as HTMLInputElement | HTMLSelectElement | null;
        if (!input) continue;
        const value =
          input instanceof HTMLInputElement && param.type === 'boolean' ? input.checked : input.value;
        raw[param.name] = String(value);
        const converted = convertParam(param, value);
        if (converted !== undefined) params[param.name] = converted;
      }
    } catch (err) {
      if (status) status.textContent = messageOf(err);
      return;
    }
    if (status) status.textContent = 'Running…';
    try {
      // Entity fields take what was typed as a name: the exact name or alias, else the top hit.
      for (const param of query.params) {
        const text = params[param.name];
        if (isEntityParam(param) && typeof text === 'string') params[param.name] = await entityKeyFor(text);
      }
      const result = await api.runQuery(query.name, params);
      if (status) status.textContent = result.rows.length ? `${result.rows.length} rows.` : 'No rows.';
      this.current = { name: query.name, params: raw };
      const replace =
        !keepCanvas &&
        (form.querySelector<HTMLInputElement>(`#qp-${CSS.escape(query.name)}--replace`)?.checked ?? true);
      this.actions.showResult(query.title, result, replace);
      this.actions.changed();
    } catch (err) {
      if (status) status.textContent = messageOf(err);
    }
  }
}

/** The key of the entity `text` names (see bestHit); the text itself if the search finds none. */
async function entityKeyFor(text: string): Promise<string> {
  const { hits } = await api.search(text, { limit: 12 });
  return bestHit(text, hits)?.key ?? text;
}
