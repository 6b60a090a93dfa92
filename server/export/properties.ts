/**
 * Typed attribute columns shared by the file formats. GraphML, GEXF, Cytoscape and neo4j-admin all declare
 * one type per attribute, while our nodes carry arbitrary extra properties, so the type of each column is
 * inferred from every value in it, and a column whose values disagree becomes a string column.
 */

export type PropertyKind = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'stringList';

export interface PropertyColumn {
  name: string;
  kind: PropertyKind;
}

/** Attribute name -> value for one node or edge, in column order. Absent values are simply not there. */
export type PropertyRecord = Map<string, unknown>;

/** Separator for lists in formats without a list type (GraphML, GEXF). */
export const LIST_JOINER = ' | ';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * Builds a record from fixed fields and then extra properties. An extra whose name is already taken (an
 * extra called "label" next to our own label) is kept under "<name>_2", "<name>_3", ... rather than lost.
 */
export function buildRecord(fixed: [string, unknown][], extras: [string, unknown][]): PropertyRecord {
  const record: PropertyRecord = new Map();
  for (const [name, value] of fixed) if (isPresent(value)) record.set(name, value);
  const taken = new Set(fixed.map(([name]) => name));
  for (const [name, value] of extras) {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    taken.add(unique);
    if (isPresent(value)) record.set(unique, value);
  }
  return record;
}

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined;
}

function kindOf(value: unknown): PropertyKind {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return 'double';
    return value >= INT32_MIN && value <= INT32_MAX ? 'int' : 'long';
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return 'stringList';
  return 'string';
}

const NUMERIC_RANK: Partial<Record<PropertyKind, number>> = { int: 0, long: 1, double: 2 };

/** The narrowest kind that holds both: int+long=long, int+double=double, anything else mixed = string. */
function widen(a: PropertyKind, b: PropertyKind): PropertyKind {
  if (a === b) return a;
  const rankA = NUMERIC_RANK[a];
  const rankB = NUMERIC_RANK[b];
  if (rankA !== undefined && rankB !== undefined) return rankA > rankB ? a : b;
  return 'string';
}

/** Columns in order of first appearance; a column with no value anywhere is left out. */
export function inferColumns(records: PropertyRecord[]): PropertyColumn[] {
  const kinds = new Map<string, PropertyKind>();
  for (const record of records) {
    for (const [name, value] of record) {
      const kind = kindOf(value);
      const known = kinds.get(name);
      kinds.set(name, known === undefined ? kind : widen(known, kind));
    }
  }
  return [...kinds].map(([name, kind]) => ({ name, kind }));
}

/** Scalar text of any value: lists joined, objects as JSON. Used for string columns of mixed values. */
export function valueAsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(valueAsText).join(LIST_JOINER);
  return JSON.stringify(value) ?? String(value);
}

/** The value as its column's type: a number, boolean, string or string list. */
export function typedValue(value: unknown, kind: PropertyKind): string | number | boolean | string[] {
  switch (kind) {
    case 'boolean':
      return value as boolean;
    case 'int':
    case 'long':
    case 'double':
      return value as number;
    case 'stringList':
      return value as string[];
    case 'string':
      return valueAsText(value);
  }
}

/** The value as text for formats that only hold text (XML attributes and elements, CSV cells). */
export function formatScalar(value: unknown, kind: PropertyKind): string {
  return kind === 'stringList' ? (value as string[]).join(LIST_JOINER) : valueAsText(value);
}
