import type { EdgeData, NodeData } from '../api/contract';
import {
  declaredAttributeTable,
  edgeAttributes,
  nodeAttributes,
  presentValuesAsText,
  type DeclaredColumn,
} from './attributes';
import type { PropertyKind, PropertyRecord } from './properties';
import { positionOf, type Subgraph } from './subgraph';
import { xmlAttribute, xmlText } from './xml';

/**
 * GEXF 1.3 (Gephi 0.9.3 and later; networkx reads it too). Version 1.3 because it is the one with edge
 * `kind`, which lets Gephi keep two relationships of different types between the same pair of nodes.
 * Lists are joined into string attributes: the list types' text syntax differs between Gephi versions.
 */

const GEXF_TYPE: Record<PropertyKind, string> = {
  boolean: 'boolean',
  int: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
  stringList: 'string',
};

// `label`, `kind` and `weight` are XML attributes of the element itself; listing them as undefined fixed
// fields reserves the names, so an extra property called "label" is kept as "label_2" and not confused.
export function gexfNodeRecord(node: NodeData): PropertyRecord {
  return nodeAttributes(node, [['label', undefined]]);
}

export function gexfEdgeRecord(edge: EdgeData): PropertyRecord {
  return edgeAttributes(edge, [
    ['label', undefined],
    ['kind', undefined],
    ['weight', undefined],
    ['type', edge.type],
  ]);
}

function attributesBlock(attributes: DeclaredColumn[], elementClass: 'node' | 'edge'): string[] {
  if (attributes.length === 0) return [];
  return [
    `    <attributes class="${elementClass}">`,
    ...attributes.map(
      (a) => `      <attribute id="${a.id}" title="${xmlAttribute(a.name)}" type="${GEXF_TYPE[a.kind]}"/>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(record: PropertyRecord, attributes: DeclaredColumn[], indent: string): string {
  const values = presentValuesAsText(record, attributes).map(
    ({ column, text }) => `${indent}  <attvalue for="${column.id}" value="${xmlAttribute(text)}"/>`,
  );
  return values.length === 0 ? '' : `\n${indent}<attvalues>\n${values.join('\n')}\n${indent}</attvalues>`;
}

function element(open: string, name: string, body: string, indent: string): string {
  return body === '' ? `${indent}${open}/>` : `${indent}${open}>${body}\n${indent}</${name}>`;
}

export function toGexf(subgraph: Subgraph, description = 'ml-channel-graph subgraph'): string {
  const { records: nodeRecords, columns: nodeAttributes } = declaredAttributeTable(
    subgraph.nodes,
    gexfNodeRecord,
    'n',
  );
  const { records: edgeRecords, columns: edgeAttributes } = declaredAttributeTable(
    subgraph.edges,
    gexfEdgeRecord,
    'e',
  );

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>ml-channel-graph</creator>',
    `    <description>${xmlText(description)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    ...attributesBlock(nodeAttributes, 'node'),
    ...attributesBlock(edgeAttributes, 'edge'),
    '    <nodes>',
  ];
  subgraph.nodes.forEach((node, index) => {
    const open = `<node id="${xmlAttribute(node.id)}" label="${xmlAttribute(String(node.label ?? node.id))}"`;
    const position = positionOf(subgraph, node.id);
    // Gephi's y axis points up, the canvas's down: flip y so the picture is not mirrored.
    const viz = position ? `\n        <viz:position x="${position.x}" y="${-position.y}" z="0"/>` : '';
    lines.push(
      element(open, 'node', attvalues(nodeRecords[index], nodeAttributes, '        ') + viz, '      '),
    );
  });
  lines.push('    </nodes>', '    <edges>');
  subgraph.edges.forEach((edge, index) => {
    const type = xmlAttribute(String(edge.type));
    // Edge weight must be a number; without a usable count Gephi's default weight (1) applies.
    const weight = Number.isFinite(edge.count) ? ` weight="${edge.count}"` : '';
    const open =
      `<edge id="${xmlAttribute(edge.id)}" source="${xmlAttribute(edge.source)}"` +
      ` target="${xmlAttribute(edge.target)}" label="${type}" kind="${type}"${weight}`;
    lines.push(element(open, 'edge', attvalues(edgeRecords[index], edgeAttributes, '        '), '      '));
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
