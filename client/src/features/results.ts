/** The results drawer under the canvas: a table of a query's columns and rows. */
import type { QueryResult } from '../../../server/api/contract';
import { clear, h, plural } from '../dom';

const ROWS_SHOWN = 500;

/** Readable text for one cell: nodes by name, lists joined, other objects as compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).join(', ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const props = (record.properties ?? record) as Record<string, unknown>;
    if (typeof props.name === 'string') return props.name;
    if (typeof props.title === 'string') return props.title;
    if (typeof props.key === 'string') return props.key;
    return JSON.stringify(value);
  }
  return String(value);
}

function cellKey(value: unknown): string | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const props = (record.properties ?? record) as Record<string, unknown>;
    if (typeof props.key === 'string') return props.key;
  }
  return null;
}

export class ResultsTable {
  constructor(
    private readonly root: HTMLElement,
    private readonly onKey: (key: string) => void,
  ) {}

  hide(): void {
    this.root.hidden = true;
    clear(this.root);
  }

  show(title: string, result: QueryResult): void {
    clear(this.root);
    this.root.hidden = false;
    const close = h(
      'button',
      { type: 'button', class: 'button icon-button small', 'aria-label': 'Close results' },
      '×',
    );
    close.addEventListener('click', () => this.hide());
    const header = h(
      'header',
      { class: 'results-header' },
      h('h2', {}, title),
      h(
        'span',
        { class: 'muted' },
        `${plural(result.rows.length, 'row')}${result.truncated ? ' (cut at the row limit)' : ''}, ${plural(result.elements.length, 'canvas element')}`,
      ),
      close,
    );
    this.root.append(header);
    if (result.rows.length === 0) {
      this.root.append(h('p', { class: 'muted empty-results' }, 'The query returned no rows.'));
      return;
    }
    const table = h('table', { class: 'results-table' });
    table.append(h('thead', {}, h('tr', {}, ...result.columns.map((c) => h('th', { scope: 'col' }, c)))));
    const body = h('tbody');
    for (const row of result.rows.slice(0, ROWS_SHOWN)) {
      const tr = h('tr');
      row.forEach((value) => {
        const key = cellKey(value);
        if (key) {
          const b = h('button', { type: 'button', class: 'link-button' }, cellText(value));
          b.addEventListener('click', () => this.onKey(key));
          tr.append(h('td', {}, b));
        } else tr.append(h('td', {}, cellText(value)));
      });
      body.append(tr);
    }
    table.append(body);
    this.root.append(h('div', { class: 'table-scroll' }, table));
    if (result.rows.length > ROWS_SHOWN)
      this.root.append(h('p', { class: 'muted' }, `First ${ROWS_SHOWN} rows shown.`));
  }
}
