/**
 * What a query result's cells say, for the table, its sort and its CSV: a node by its name, a
 * relationship as "OpenAI –RELEASED→ GPT-4" (its ends named from QueryResult.ends, since a row holds
 * only their element ids), a path as its chain, a list joined. Pure, so tested in Node.
 */
import type { QueryResult } from '../../../server/api/contract';
import { EMPTY_CELL, csvDocument, csvRow, literalCell, textCell } from '../../../vocabulary/csv';

export type Ends = NonNullable<QueryResult['ends']>;

export interface NodeValue {
  elementId?: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface RelationshipValue {
  elementId?: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, unknown>;
}
export interface PathValue {
  nodes: unknown[];
  relationships: unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function isNode(value: unknown): value is NodeValue {
  return isObject(value) && Array.isArray(value.labels) && isObject(value.properties);
}
export function isRelationship(value: unknown): value is RelationshipValue {
  return (
    isObject(value) &&
    typeof value.type === 'string' &&
    typeof value.start === 'string' &&
    typeof value.end === 'string' &&
    isObject(value.properties)
  );
}
export function isPath(value: unknown): value is PathValue {
  return isObject(value) && Array.isArray(value.nodes) && Array.isArray(value.relationships);
}

/** A node's (or node-like map's) name: name, then title, then key; null when it has none. */
export function nodeName(value: unknown): string | null {
  if (!isObject(value)) return null;
  const props = (isObject(value.properties) ? value.properties : value) as Record<string, unknown>;
  for (const field of ['name', 'title', 'key']) if (typeof props[field] === 'string') return props[field];
  return null;
}

/** The entity key a cell links to: a node labelled Entity (or a map with a key), else null. */
export function entityKeyOf(value: unknown): string | null {
  if (!isObject(value)) return null;
  if (isNode(value) && !value.labels.includes('Entity')) return null;
  const props = (isObject(value.properties) ? value.properties : value) as Record<string, unknown>;
  return typeof props.key === 'string' ? props.key : null;
}

/** "A –TYPE→ B"; an end the answer could not name shows as "?". */
export function relationshipText(rel: RelationshipValue, ends: Ends): string {
  return `${ends[rel.start]?.label ?? '?'} –${rel.type}→ ${ends[rel.end]?.label ?? '?'}`;
}

/** Items of a list, with runs of the same text said once with a count ("A –USES→ B (×3)"). */
function joinList(items: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < items.length;) {
    let j = i + 1;
    while (items[i] !== '' && j < items.length && items[j] === items[i]) j++;
    out.push(j - i > 1 ? `${items[i]} (×${j - i})` : items[i]);
    i = j;
  }
  return out.join(', ');
}

/** Readable text for one cell. */
export function cellText(value: unknown, ends: Ends = {}): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return joinList(value.map((item) => cellText(item, ends)));
  if (isRelationship(value)) return relationshipText(value, ends);
  if (isPath(value)) return value.nodes.map((node) => nodeName(node) ?? '?').join(' → ');
  if (isObject(value)) return nodeName(value) ?? JSON.stringify(value);
  return String(value);
}

/** Sorts numbers as numbers and text as people read it ("GPT-4" before "GPT-10"); blanks last. */
export function compareCells(a: unknown, b: unknown, ends: Ends = {}): number {
  const blankA = a === null || a === undefined || a === '';
  const blankB = b === null || b === undefined || b === '';
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return cellText(a, ends).localeCompare(cellText(b, ends), undefined, {
    numeric: true,
    sensitivity: 'base',
  });
}

/** Row indices in the order of one column (stable: equal cells keep the query's order). */
export function sortedOrder(
  rows: unknown[][],
  column: number,
  descending: boolean,
  ends: Ends = {},
): number[] {
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    const a = rows[i][column];
    const b = rows[j][column];
    const blank = (v: unknown) => v === null || v === undefined || v === '';
    // Blanks stay last in either direction.
    if (blank(a) || blank(b)) return compareCells(a, b, ends) || i - j;
    const c = compareCells(a, b, ends);
    return (descending ? -c : c) || i - j;
  });
  return order;
}

/** The table as CSV (RFC 4180, formula-guarded), cells as the table shows them. */
export function resultCsv(columns: string[], rows: unknown[][], ends: Ends = {}): string {
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return EMPTY_CELL;
    if (typeof value === 'number' || typeof value === 'boolean') return literalCell(value);
    return textCell(cellText(value, ends));
  };
  return csvDocument([csvRow(columns.map(textCell)), ...rows.map((row) => csvRow(row.map(cell)))]);
}
