/** The results drawer under the canvas: a table of a query's columns and rows. */
import type { QueryResult } from '../../../server/api/contract';
import { clear, h, plural } from '../dom';

/** What the server's `truncated` says, as a note after the row count ('' when the answer is whole). */
export function truncationNote(truncated: QueryResult['truncated']): string {
  switch (truncated) {
    case 'rows':
      return ' (cut at the row limit)';
    case 'bytes':
      return ' (cut at the size limit of an answer; narrow the query or return fewer columns)';
    case 'elements':
      return ' (graph cut at the element limit)';
    default:
      return '';
  }
}

/** Rows drawn at a time; more are drawn on request. */
const ROWS_SHOWN = 500;

const count = (n: number) => n.toLocaleString('en');

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
        `${plural(result.rows.length, 'row')}${truncationNote(result.truncated)}, ${plural(result.elements.length, 'canvas element')}`,
      ),
      close,
    );
    this.root.append(header);
    if (result.rows.length === 0) {
      this.root.append(h('p', { class: 'muted empty-results' }, 'The query returned no rows.'));
      return;
    }
    const table = h('table', { class: 'results-table', tabindex: -1 });
    table.append(h('thead', {}, h('tr', {}, ...result.columns.map((c) => h('th', { scope: 'col' }, c)))));
    const body = h('tbody');
    table.append(body);
    this.root.append(h('div', { class: 'table-scroll' }, table));
    // All rows are in memory already; drawing them in slices keeps a 10,000-row result responsive.
    let drawn = 0;
    const note = h('p', { class: 'muted results-more', role: 'status' });
    const more = h('button', { type: 'button', class: 'button small show-more' });
    const footer = h('div', { class: 'results-footer' }, note, more);
    const drawNext = () => {
      const slice = result.rows.slice(drawn, drawn + ROWS_SHOWN);
      const rows = slice.map((row) => this.tableRow(row));
      body.append(...rows);
      drawn += slice.length;
      const left = result.rows.length - drawn;
      note.textContent = left > 0 ? `Rows 1–${count(drawn)} of ${count(result.rows.length)} shown.` : '';
      more.hidden = left === 0;
      footer.hidden = left === 0;
      if (left > 0)
        more.textContent =
          left > ROWS_SHOWN ? `Show ${count(ROWS_SHOWN)} more rows` : `Show the last ${plural(left, 'row')}`;
      return rows;
    };
    more.addEventListener('click', () => {
      const rows = drawNext();
      // Keyboard users go on from the first new row rather than from a button now far below
      // (or gone): its first link, else the table itself.
      if (document.activeElement !== more && !more.hidden) return;
      const target = rows[0]?.querySelector<HTMLElement>('button') ?? table;
      target.focus();
    });
    drawNext();
    if (!more.hidden) this.root.append(footer);
  }

  private tableRow(row: unknown[]): HTMLTableRowElement {
    const tr = h('tr');
    row.forEach((value) => {
      const key = cellKey(value);
      if (key) {
        const b = h('button', { type: 'button', class: 'link-button' }, cellText(value));
        b.addEventListener('click', () => this.onKey(key));
        tr.append(h('td', {}, b));
      } else tr.append(h('td', {}, cellText(value)));
    });
    return tr;
  }
}
