import type { EdgeData, NodeData } from '../api/contract';
import {
  buildRecord,
  formatScalar,
  inferColumns,
  type PropertyColumn,
  type PropertyRecord,
} from './properties';
import { edgeExtras, nodeExtras } from './subgraph';

/**
 * The attribute rows every format writes for a node or an edge, in one place so that a new core field, a
 * renamed property or a change to column typing reaches GraphML, GEXF, Cytoscape and neo4j-admin alike.
 * Each format only names what it puts in front (its own id/label/weight fields, or names it reserves with
 * an undefined value because they live elsewhere in the file).
 */

/** A field a format writes ahead of the shared ones; an undefined value reserves the name only. */
export type LeadingField = [string, unknown];

/** Node attributes: the format's leading fields, the shared node fields, then the node's extra properties. */
export function nodeAttributes(node: NodeData, leading: LeadingField[]): PropertyRecord {
  return buildRecord(
    [
      ...leading,
      ['type', node.type],
      ['mentionCount', node.mentionCount],
      ['degree', node.degree],
      ['firstSeen', node.firstSeen],
      ['lastSeen', node.lastSeen],
    ],
    nodeExtras(node),
  );
}

/**
 * Edge attributes: the format's leading fields, the shared edge fields, then extras. The relationship
 * type is not among the shared fields because neo4j-admin writes it as `:TYPE` and not as a property.
 */
export function edgeAttributes(edge: EdgeData, leading: LeadingField[]): PropertyRecord {
  return buildRecord(
    [
      ...leading,
      ['count', edge.count],
      ['posts', edge.posts],
      ['evidence', edge.evidence],
      ['firstDate', edge.firstDate],
    ],
    edgeExtras(edge),
  );
}

/** Records of all items and the typed columns inferred over them. */
export function attributeTable<T>(
  items: T[],
  toRecord: (item: T) => PropertyRecord,
): { records: PropertyRecord[]; columns: PropertyColumn[] } {
  const records = items.map(toRecord);
  return { records, columns: inferColumns(records) };
}

/** A column with the id the file refers to it by (GraphML key, GEXF attribute). */
export interface DeclaredColumn extends PropertyColumn {
  id: string;
}

/** Ids "<prefix>0", "<prefix>1", ... in column order. */
export function declareColumns(columns: PropertyColumn[], prefix: string): DeclaredColumn[] {
  return columns.map((column, index) => ({ ...column, id: `${prefix}${index}` }));
}

/** Records of all items and their typed columns with ids, for formats that declare attributes up front. */
export function declaredAttributeTable<T>(
  items: T[],
  toRecord: (item: T) => PropertyRecord,
  idPrefix: string,
): { records: PropertyRecord[]; columns: DeclaredColumn[] } {
  const { records, columns } = attributeTable(items, toRecord);
  return { records, columns: declareColumns(columns, idPrefix) };
}

/** The record's values as text, for the declared columns it has a value in, in column order. */
export function presentValuesAsText(
  record: PropertyRecord,
  columns: DeclaredColumn[],
): { column: DeclaredColumn; text: string }[] {
  return columns
    .filter((column) => record.has(column.name))
    .map((column) => ({ column, text: formatScalar(record.get(column.name), column.kind) }));
}
