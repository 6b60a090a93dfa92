import type { CyElement, EdgeData, NodeData } from '../api/contract';

/** An entity as the Cypher in cypher/api returns it (`n {.key, .name, .type, ...}`). */
export interface EntityRow {
  key: string;
  name: string | null;
  type: string | null;
  mentionCount?: number | null;
  firstSeen?: string | null;
  lastSeen?: string | null;
  url?: string | null;
}

/** Parallel relationships of one type between two entities, already collapsed by the query. */
export interface CollapsedEdgeRow {
  source: string;
  target: string;
  type: string;
  count: number;
  posts: string[];
  evidence: string[];
  firstDate?: string | null;
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

export function entityNode(row: EntityRow): NodeData {
  const node: NodeData = {
    id: row.key,
    label: row.name ?? row.key,
    type: row.type ?? 'Entity',
    mentionCount: row.mentionCount ?? 0,
    firstSeen: row.firstSeen ?? null,
    lastSeen: row.lastSeen ?? null,
  };
  if (row.url) node.url = row.url;
  return node;
}

export function collapsedEdge(row: CollapsedEdgeRow): EdgeData {
  return {
    id: edgeId(row.source, row.type, row.target),
    source: row.source,
    target: row.target,
    type: row.type,
    count: row.count,
    posts: row.posts,
    evidence: row.evidence,
    firstDate: row.firstDate ?? null,
  };
}

/** Nodes then edges as Cytoscape elements; node degree is counted within the given edges. */
export function toElements(nodes: NodeData[], edges: EdgeData[]): CyElement[] {
  const degree = new Map<string, number>();
  for (const edge of edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return [
    ...nodes.map((data): CyElement => ({
      group: 'nodes',
      data: { ...data, degree: degree.get(data.id) ?? 0 },
    })),
    ...edges.map((data): CyElement => ({ group: 'edges', data })),
  ];
}
