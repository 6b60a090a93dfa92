import type { EdgeData, NodeData } from '../api/contract';

/** What every export format turns into a file: the nodes and edges the user is looking at. */
export interface Subgraph {
  nodes: NodeData[];
  edges: EdgeData[];
  /** Canvas positions by node id (Cytoscape.js coordinates, y down), when the client sends its layout. */
  positions?: Record<string, NodePosition>;
}

export interface NodePosition {
  x: number;
  y: number;
}

/** The position of a node when one was given with finite coordinates. */
export function positionOf(subgraph: Subgraph, id: string): NodePosition | undefined {
  const position =
    subgraph.positions && Object.hasOwn(subgraph.positions, id) ? subgraph.positions[id] : undefined;
  return position && Number.isFinite(position.x) && Number.isFinite(position.y) ? position : undefined;
}

/** Bad input to an export (duplicate ids, an edge whose end is not among the nodes). Maps to HTTP 400. */
export class ExportInputError extends Error {
  readonly code = 'bad_request' as const;
  constructor(message: string) {
    super(`server/export: ${message}`);
    this.name = 'ExportInputError';
  }
}

/** Node fields with a fixed place in every format; everything else on a node is an extra property. */
export const NODE_CORE_FIELDS = [
  'id',
  'label',
  'type',
  'mentionCount',
  'degree',
  'firstSeen',
  'lastSeen',
] as const;
/** Edge fields with a fixed place in every format. */
export const EDGE_CORE_FIELDS = [
  'id',
  'source',
  'target',
  'type',
  'count',
  'posts',
  'evidence',
  'firstDate',
] as const;

const nodeCore = new Set<string>(NODE_CORE_FIELDS);
const edgeCore = new Set<string>(EDGE_CORE_FIELDS);

/** Extra (non-core) properties of a node, in their own order; undefined values are absent. */
export function nodeExtras(node: NodeData): [string, unknown][] {
  return Object.entries(node).filter(([key, value]) => !nodeCore.has(key) && value !== undefined);
}

export function edgeExtras(edge: EdgeData): [string, unknown][] {
  return Object.entries(edge).filter(([key, value]) => !edgeCore.has(key) && value !== undefined);
}

/**
 * Every format needs unique ids and edges between listed nodes (GraphML, GEXF and Cytoscape reject or
 * silently mangle anything else), so a broken subgraph is refused here rather than exported wrong.
 */
export function assertValidSubgraph(subgraph: Subgraph): void {
  if (!subgraph || !Array.isArray(subgraph.nodes) || !Array.isArray(subgraph.edges)) {
    throw new ExportInputError('subgraph must be { nodes: [], edges: [] }');
  }
  const nodeIds = new Set<string>();
  subgraph.nodes.forEach((node, index) => {
    if (typeof node?.id !== 'string' || node.id === '') {
      throw new ExportInputError(`nodes[${index}]: id must be a non-empty string`);
    }
    if (nodeIds.has(node.id)) throw new ExportInputError(`nodes[${index}]: duplicate node id "${node.id}"`);
    nodeIds.add(node.id);
  });
  const edgeIds = new Set<string>();
  subgraph.edges.forEach((edge, index) => {
    if (typeof edge?.id !== 'string' || edge.id === '') {
      throw new ExportInputError(`edges[${index}]: id must be a non-empty string`);
    }
    if (edgeIds.has(edge.id)) throw new ExportInputError(`edges[${index}]: duplicate edge id "${edge.id}"`);
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(edge[end])) {
        throw new ExportInputError(`edge "${edge.id}": ${end} "${String(edge[end])}" is not among the nodes`);
      }
    }
  });
}
