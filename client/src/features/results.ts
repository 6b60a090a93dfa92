/** The results drawer under the canvas: a table of a query's columns and rows. */
import type { QueryResult } from '../../../server/api/contract';
import { clear, h, plural } from '../dom';
import {
  cellText,
  entityKeyOf,
  isNode,
  isRelationship,
  resultCsv,
  sortedOrder,
  type Ends,
  type RelationshipValue,
} from './result-cells';

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

export { cellText } from './result-cells';

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
    const csv = h('button', { type: 'button', class: 'button small', id: 'results-csv' }, 'Download CSV');
    csv.addEventListener('click', () => downloadCsv(title, result));
    csv.hidden = result.rows.length === 0;
    const header = h(
      'header',
      { class: 'results-header' },
      h('h2', {}, title),
      h(
        'span',
        { class: 'muted' },
        `${plural(result.rows.length, 'row')}${truncationNote(result.truncated)}, ${plural(result.elements.length, 'canvas element')}`,
      ),
      csv,
      close,
    );
    this.root.append(header);
    if (result.rows.length === 0) {
      this.root.append(h('p', { class: 'muted empty-results' }, 'The query returned no rows.'));
      return;
    }
    const ends = result.ends ?? {};
    const table = h('table', { class: 'results-table', tabindex: -1 });
    const heads = result.columns.map((c) =>
      h(
        'th',
        { scope: 'col', 'aria-sort': 'none' },
        h('button', { type: 'button', class: 'sort-button' }, c),
      ),
    );
    table.append(h('thead', {}, h('tr', {}, ...heads)));
    const body = h('tbody');
    table.append(body);
    this.root.append(h('div', { class: 'table-scroll' }, table));
    // All rows are in memory already; drawing them in slices keeps a 10,000-row result responsive.
    let order = result.rows.map((_, i) => i);
    let drawn = 0;
    const note = h('p', { class: 'muted results-more', role: 'status' });
    const more = h('button', { type: 'button', class: 'button small show-more' });
    const footer = h('div', { class: 'results-footer' }, note, more);
    const drawNext = () => {
      const slice = order.slice(drawn, drawn + ROWS_SHOWN);
      const rows = slice.map((index) => this.tableRow(result.rows[index], ends));
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
    // A header click sorts by its column, ascending first, then flips; the rows drawn start again.
    heads.forEach((th, column) => {
      th.querySelector('button')?.addEventListener('click', () => {
        const descending = th.getAttribute('aria-sort') === 'ascending';
        for (const other of heads) other.setAttribute('aria-sort', 'none');
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        order = sortedOrder(result.rows, column, descending, ends);
        clear(body);
        drawn = 0;
        drawNext();
      });
    });
    drawNext();
    this.root.append(footer);
  }

  private tableRow(row: unknown[], ends: Ends): HTMLTableRowElement {
    return h('tr', {}, ...row.map((value) => h('td', {}, ...this.cellContent(value, ends))));
  }

  /** A cell's content: an entity as a link that focuses it, a relationship with its ends linked. */
  private cellContent(value: unknown, ends: Ends): (Node | string)[] {
    if (isRelationship(value)) return this.relationshipContent(value, ends);
    if (Array.isArray(value) && value.length > 0 && value.every((v) => isNode(v) && entityKeyOf(v))) {
      return value.flatMap((v, i) => (i ? [', ', this.link(v)] : [this.link(v)]));
    }
    return entityKeyOf(value) ? [this.link(value)] : [cellText(value, ends)];
  }

  private relationshipContent(rel: RelationshipValue, ends: Ends): (Node | string)[] {
    const end = (elementId: string): Node | string => {
      const known = ends[elementId];
      if (!known) return '?';
      return isEntityId(known.id) ? this.linkTo(known.id, known.label) : known.label;
    };
    return [end(rel.start), ` –${rel.type}→ `, end(rel.end)];
  }

  private link(value: unknown): HTMLButtonElement {
    return this.linkTo(entityKeyOf(value) ?? '', cellText(value));
  }

  private linkTo(key: string, text: string): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'link-button', 'data-key': key }, text);
    b.addEventListener('click', () => this.onKey(key));
    return b;
  }
}

/** Cytoscape ids of entities are their keys; posts, channels and other nodes have a prefix. */
function isEntityId(id: string): boolean {
  return !/^(post|channel|node):/.test(id);
}

/** The table as a CSV file named after the result ("who-released-what.csv"). */
function downloadCsv(title: string, result: QueryResult): void {
  const blob = new Blob([resultCsv(result.columns, result.rows, result.ends)], {
    type: 'text/csv;charset=utf-8',
  });
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: `${fileStem(title)}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Who released what" → "who-released-what". */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'query-result'
  );
}
