/**
 * The CSV dialect of every table the project writes (server exports, the client's "Download CSV"),
 * kept beside the vocabulary so both layers share it.
 *
 * CSV cells and rows per RFC 4180, with a guard against spreadsheet formula injection: a text cell that
 * starts with = + - @ (or tab / carriage return, per OWASP) gets a leading apostrophe, so Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A text cell: guarded, then quoted when it holds a quote, comma or line break. The empty string is
 * quoted too, because neo4j-admin reads an unquoted empty field as "no value" and "" as an empty string.
 */
export function textCell(text: string): string {
  const guarded = guardFormula(text);
  if (guarded === '' || NEEDS_QUOTES.test(guarded)) return `"${guarded.replace(/"/g, '""')}"`;
  return guarded;
}

/** A number or boolean cell (never guarded: "-3" in an int column is a number, not a formula). */
export function literalCell(value: number | boolean): string {
  return String(value);
}

/** An absent value: an empty, unquoted field. */
export const EMPTY_CELL = '';

export function csvRow(cells: string[]): string {
  return cells.join(',');
}

/** RFC 4180 records end with CRLF. */
export function csvDocument(rows: string[]): string {
  return rows.map((row) => `${row}\r\n`).join('');
}
