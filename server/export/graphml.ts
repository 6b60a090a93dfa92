import type { EdgeData, NodeData } from '../api/contract';
import {
  buildRecord,
  formatScalar,
  inferColumns,
  type PropertyColumn,
  type PropertyKind,
  type PropertyRecord,
} from './properties';
import { edgeExtras, nodeExtras, type Subgraph } from './subgraph';
import { xmlAttribute, xmlText } from './xml';

/**
 * GraphML for networkx.read_graphml, Gephi and yEd. Every attribute is declared as a <key> with attr.type;
 * lists are joined (GraphML has no list type). Node "label" and edge "label"/"weight" are the names Gephi's
 * importer maps to its own label and weight; key ids are "n0", "e0", ... because Gephi also maps some bare
 * key ids (d3, d7, x, y, size...) to visual properties.
 */

const GRAPHML_TYPE: Record<PropertyKind, string> = {
  boolean: 'boolean',
  int: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
  stringList: 'string',
};

export function graphmlNodeRecord(node: NodeData): PropertyRecord {
  return buildRecord(
    [
      ['label', node.label],
      ['type', node.type],
      ['mentionCount', node.mentionCount],
      ['degree', node.degree],
      ['firstSeen', node.firstSeen],
      ['lastSeen', node.lastSeen],
    ],
    nodeExtras(node),
  );
}

export function graphmlEdgeRecord(edge: EdgeData): PropertyRecord {
  return buildRecord(
    [
      ['label', edge.type],
      ['weight', edge.count],
      ['type', edge.type],
      ['count', edge.count],
      ['posts', edge.posts],
      ['evidence', edge.evidence],
      ['firstDate', edge.firstDate],
    ],
    edgeExtras(edge),
  );
}

interface DeclaredKey extends PropertyColumn {
  id: string;
}

function declareKeys(columns: PropertyColumn[], prefix: string): DeclaredKey[] {
  return columns.map((column, index) => ({ ...column, id: `${prefix}${index}` }));
}

function keyElement(key: DeclaredKey, domain: 'node' | 'edge'): string {
  return (
    `  <key id="${key.id}" for="${domain}" attr.name="${xmlAttribute(key.name)}" ` +
    `attr.type="${GRAPHML_TYPE[key.kind]}"/>`
  );
}

function dataElements(record: PropertyRecord, keys: DeclaredKey[]): string {
  let out = '';
  for (const key of keys) {
    if (!record.has(key.name)) continue;
    out += `\n      <data key="${key.id}">${xmlText(formatScalar(record.get(key.name), key.kind))}</data>`;
  }
  return out;
}

export function toGraphml(subgraph: Subgraph): string {
  const nodeRecords = subgraph.nodes.map(graphmlNodeRecord);
  const edgeRecords = subgraph.edges.map(graphmlEdgeRecord);
  const nodeKeys = declareKeys(inferColumns(nodeRecords), 'n');
  const edgeKeys = declareKeys(inferColumns(edgeRecords), 'e');

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns' +
      ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeKeys.map((key) => keyElement(key, 'node')),
    ...edgeKeys.map((key) => keyElement(key, 'edge')),
    '  <graph id="G" edgedefault="directed">',
  ];
  subgraph.nodes.forEach((node, index) => {
    lines.push(
      `    <node id="${xmlAttribute(node.id)}">${dataElements(nodeRecords[index], nodeKeys)}\n    </node>`,
    );
  });
  subgraph.edges.forEach((edge, index) => {
    lines.push(
      `    <edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}"` +
        ` target="${xmlAttribute(edge.target)}">${dataElements(edgeRecords[index], edgeKeys)}\n    </edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
