import type { EdgeData, NodeData } from '../api/contract';
import {
  declaredAttributeTable,
  edgeAttributes,
  nodeAttributes,
  presentValuesAsText,
  type DeclaredColumn,
} from './attributes';
import type { PropertyKind, PropertyRecord } from './properties';
import type { Subgraph } from './subgraph';
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
  return nodeAttributes(node, [['label', node.label]]);
}

export function graphmlEdgeRecord(edge: EdgeData): PropertyRecord {
  return edgeAttributes(edge, [
    ['label', edge.type],
    ['weight', edge.count],
    ['type', edge.type],
  ]);
}

function keyElement(key: DeclaredColumn, domain: 'node' | 'edge'): string {
  return (
    `  <key id="${key.id}" for="${domain}" attr.name="${xmlAttribute(key.name)}" ` +
    `attr.type="${GRAPHML_TYPE[key.kind]}"/>`
  );
}

function dataElements(record: PropertyRecord, keys: DeclaredColumn[]): string {
  return presentValuesAsText(record, keys)
    .map(({ column, text }) => `\n      <data key="${column.id}">${xmlText(text)}</data>`)
    .join('');
}

export function toGraphml(subgraph: Subgraph): string {
  const { records: nodeRecords, columns: nodeKeys } = declaredAttributeTable(
    subgraph.nodes,
    graphmlNodeRecord,
    'n',
  );
  const { records: edgeRecords, columns: edgeKeys } = declaredAttributeTable(
    subgraph.edges,
    graphmlEdgeRecord,
    'e',
  );

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
