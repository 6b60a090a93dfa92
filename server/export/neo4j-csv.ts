import { strToU8, zipSync } from 'fflate';
import type { EdgeData, NodeData } from '../api/contract';
import { ENTITY_TYPES } from '../../vocabulary/types';
import { csvDocument, csvRow, EMPTY_CELL, literalCell, textCell } from '../../vocabulary/csv';
import { attributeTable, edgeAttributes, nodeAttributes } from './attributes';
import { valueAsText, type PropertyColumn, type PropertyKind, type PropertyRecord } from './properties';
import type { Subgraph } from './subgraph';

/**
 * nodes.csv + relationships.csv in the header format of `neo4j-admin database import`: typed property
 * columns (`mentionCount:int`, `evidence:string[]`), `:ID`/`:LABEL` and `:START_ID`/`:END_ID`/`:TYPE`,
 * arrays split on ";" (the tool's default array delimiter). The tool has no escape for the array
 * delimiter, so a ";" inside a list item is written as "；" (U+FF1B) to keep the item whole.
 */

export const ARRAY_DELIMITER = ';';
const ARRAY_DELIMITER_STAND_IN = '\uFF1B';

const HEADER_TYPE: Record<PropertyKind, string> = {
  boolean: ':boolean',
  int: ':int',
  long: ':long',
  double: ':double',
  string: '',
  stringList: ':string[]',
};

const ENTITY_LABELS = new Set<string>(ENTITY_TYPES);

/** Neo4j labels of a node: entities carry `Entity` and their type (docs/graph-model.md). */
export function nodeLabels(type: unknown): string[] {
  if (typeof type !== 'string' || type === '') return [];
  return ENTITY_LABELS.has(type) ? ['Entity', type] : [type];
}

function arrayCell(items: string[]): string {
  if (items.length === 0) return EMPTY_CELL;
  return textCell(
    items.map((item) => item.split(ARRAY_DELIMITER).join(ARRAY_DELIMITER_STAND_IN)).join(ARRAY_DELIMITER),
  );
}

function propertyCell(value: unknown, kind: PropertyKind): string {
  if (value === undefined) return EMPTY_CELL;
  switch (kind) {
    case 'boolean':
    case 'int':
    case 'long':
    case 'double':
      return literalCell(value as number | boolean);
    case 'stringList':
      return arrayCell(value as string[]);
    case 'string':
      return textCell(valueAsText(value));
  }
}

/**
 * Header names: the tool splits a header field on ":", so property names lose ":" and the characters that
 * would need quoting; names made equal by that get a numeric suffix.
 */
function headerFields(columns: PropertyColumn[], taken: Set<string>): string[] {
  return columns.map((column) => {
    const base = column.name.replace(/[:,;"'`\s]/g, '_').replace(/^[=+\-@]/, '_$&') || '_';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return `${name}${HEADER_TYPE[column.kind]}`;
  });
}

// `id` and `name` of a node are the fixed `id:ID` and `name` columns: reserved so an extra is renamed.
function nodeRecord(node: NodeData): PropertyRecord {
  return nodeAttributes(node, [
    ['id', undefined],
    ['name', undefined],
  ]);
}

function relationshipRecord(edge: EdgeData): PropertyRecord {
  return edgeAttributes(edge, [['id', edge.id]]);
}

function propertyCells(record: PropertyRecord, columns: PropertyColumn[]): string[] {
  return columns.map((column) => propertyCell(record.get(column.name), column.kind));
}

export function nodesCsv(nodes: NodeData[]): string {
  const { records, columns } = attributeTable(nodes, nodeRecord);
  const header = ['id:ID', 'name', ':LABEL', ...headerFields(columns, new Set(['id', 'name']))];
  const rows = nodes.map((node, index) =>
    csvRow([
      textCell(node.id),
      node.label === undefined || node.label === null ? EMPTY_CELL : textCell(String(node.label)),
      arrayCell(nodeLabels(node.type).map((label) => label.replace(/[;\s]/g, '_'))),
      ...propertyCells(records[index], columns),
    ]),
  );
  return csvDocument([csvRow(header.map(textCell)), ...rows]);
}

export function relationshipsCsv(edges: EdgeData[]): string {
  const { records, columns } = attributeTable(edges, relationshipRecord);
  const header = [':START_ID', ':END_ID', ':TYPE', ...headerFields(columns, new Set())];
  const rows = edges.map((edge, index) =>
    csvRow([
      textCell(edge.source),
      textCell(edge.target),
      textCell(String(edge.type)),
      ...propertyCells(records[index], columns),
    ]),
  );
  return csvDocument([csvRow(header.map(textCell)), ...rows]);
}

const README = `Subgraph exported by ml-channel-graph.

Load into an empty Neo4j 5 database (database name first since 5.19):

  neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv \\
    --array-delimiter=";" --multiline-fields=true

--multiline-fields=true is needed because evidence sentences may contain line breaks.

Notes:
- Files are UTF-8 (no byte order mark), RFC 4180 quoting, CRLF line ends.
- Text cells starting with = + - @ begin with an apostrophe (') so spreadsheets do not run them as
  formulas; node ids get the same prefix in both files, so relationships still match their nodes.
- Arrays use ";" between items; a ";" inside an item is written as the full-width "\uFF1B".
- An empty unquoted cell means "no value"; "" is an empty string.
`;

/** The zip: nodes.csv, relationships.csv and a README.txt with the import command. */
export function toNeo4jCsvZip(subgraph: Subgraph, modifiedAt: Date = new Date()): Buffer {
  const file = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime: modifiedAt }];
  const zipped = zipSync(
    {
      'nodes.csv': file(nodesCsv(subgraph.nodes)),
      'relationships.csv': file(relationshipsCsv(subgraph.edges)),
      'README.txt': file(README),
    },
    { level: 6 },
  );
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}
