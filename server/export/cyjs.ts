import type { EdgeData, NodeData } from '../api/contract';
import { attributeTable, edgeAttributes, nodeAttributes } from './attributes';
import { typedValue, type PropertyColumn, type PropertyRecord } from './properties';
import { positionOf, type NodePosition, type Subgraph } from './subgraph';

/**
 * Cytoscape desktop's .cyjs (what it writes with File > Export > Network to File > Cytoscape.js JSON).
 * Its reader shows `name` on nodes and `interaction` on edges, and creates each table column from the
 * first value it meets (a number makes a Double column, an array a List column); a later value of another
 * shape then fails or reads as 0, so every column here has one type throughout (mixed columns become
 * strings) and nulls are left out. `SUID` and `selected` are reserved: the reader skips them.
 */

export interface CyjsDocument {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; shared_name: string };
  elements: {
    nodes: { data: Record<string, unknown>; position?: NodePosition }[];
    edges: { data: Record<string, unknown> }[];
  };
}

const RESERVED: [string, undefined][] = [
  ['SUID', undefined],
  ['selected', undefined],
  ['shared_name', undefined],
];

// RESERVED entries have no value, so where they stand among the leading fields does not change the order.
function cyjsNodeRecord(node: NodeData): PropertyRecord {
  return nodeAttributes(node, [['id', node.id], ['name', node.label], ['label', node.label], ...RESERVED]);
}

function cyjsEdgeRecord(edge: EdgeData, labels: Map<string, string>): PropertyRecord {
  return edgeAttributes(edge, [
    ['id', edge.id],
    ['source', edge.source],
    ['target', edge.target],
    // Cytoscape names edges "source name (interaction) target name".
    ['name', `${labels.get(edge.source)} (${edge.type}) ${labels.get(edge.target)}`],
    ['interaction', edge.type],
    ['type', edge.type],
    ['shared_interaction', undefined],
    ...RESERVED,
  ]);
}

function toData(record: PropertyRecord, columns: Map<string, PropertyColumn>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of record) {
    // JSON has no NaN or Infinity (they would turn into null); leave such a value out like a null.
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    data[name] = typedValue(value, columns.get(name)!.kind);
  }
  return data;
}

function byName(columns: PropertyColumn[]): Map<string, PropertyColumn> {
  return new Map(columns.map((column) => [column.name, column]));
}

export function toCyjsDocument(subgraph: Subgraph, name = 'ml-channel-graph subgraph'): CyjsDocument {
  const labels = new Map(subgraph.nodes.map((node) => [node.id, String(node.label ?? node.id)]));
  const nodeTable = attributeTable(subgraph.nodes, cyjsNodeRecord);
  const edgeTable = attributeTable(subgraph.edges, (edge) => cyjsEdgeRecord(edge, labels));
  const nodeRecords = nodeTable.records;
  const edgeRecords = edgeTable.records;
  const nodeColumns = byName(nodeTable.columns);
  const edgeColumns = byName(edgeTable.columns);
  return {
    format_version: '1.0',
    generated_by: 'ml-channel-graph',
    target_cytoscapejs_version: '~2.1',
    data: { name, shared_name: name },
    elements: {
      nodes: nodeRecords.map((record, index) => {
        const position = positionOf(subgraph, subgraph.nodes[index].id);
        const data = toData(record, nodeColumns);
        return position ? { data, position: { x: position.x, y: position.y } } : { data };
      }),
      edges: edgeRecords.map((record) => ({ data: toData(record, edgeColumns) })),
    },
  };
}

export function toCyjs(subgraph: Subgraph, name?: string): string {
  return JSON.stringify(toCyjsDocument(subgraph, name), null, 2);
}
