import { Node, Path, Relationship, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CyElement, EdgeData, NodeData, QueryResult } from '../api/contract';
import { toPlain } from '../../db/to-plain';
import { apiQuery } from '../repositories/cypher-files';
import { jsonBytes } from '../repositories/json-bytes';
import { readRaw, type ReadOptions, type RawReadResult } from '../repositories/read';
import type { ServiceContext } from './context';
import { edgeId, toElements } from './graph-elements';

/** Cytoscape id of a graph node: entity key, "post:<key>", "channel:<key>", else "node:<elementId>". */
export function cyNodeId(node: Node): string {
  const key = node.properties.key;
  if (typeof key === 'string') {
    if (node.labels.includes('Entity')) return key;
    if (node.labels.includes('Post')) return `post:${key}`;
    if (node.labels.includes('Channel')) return `channel:${key}`;
  }
  return `node:${node.elementId}`;
}

function nodeData(node: Node): NodeData {
  const p = toPlain(node.properties) as Record<string, unknown>;
  const type = node.labels.includes('Entity')
    ? String(p.type ?? node.labels.find((l) => l !== 'Entity') ?? 'Entity')
    : (node.labels[0] ?? 'Node');
  const data: NodeData = {
    id: cyNodeId(node),
    label: String(p.name ?? p.title ?? p.key ?? node.elementId),
    type,
  };
  if (typeof p.mentionCount === 'number') data.mentionCount = p.mentionCount;
  if (p.firstSeen !== undefined) data.firstSeen = (p.firstSeen as string | null) ?? null;
  if (p.lastSeen !== undefined) data.lastSeen = (p.lastSeen as string | null) ?? null;
  if (typeof p.date === 'string') data.date = p.date;
  if (typeof p.url === 'string') data.url = p.url;
  return data;
}

/** Every node and relationship inside a value (lists, maps and paths included). */
function collectGraphValues(value: unknown, nodes: Map<string, Node>, rels: Map<string, Relationship>): void {
  if (value instanceof Node) nodes.set(value.elementId, value);
  else if (value instanceof Relationship) rels.set(value.elementId, value);
  else if (value instanceof Path) {
    nodes.set(value.start.elementId, value.start);
    for (const segment of value.segments) {
      nodes.set(segment.end.elementId, segment.end);
      rels.set(segment.relationship.elementId, segment.relationship);
    }
  } else if (Array.isArray(value)) value.forEach((v) => collectGraphValues(v, nodes, rels));
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    Object.values(value).forEach((v) => collectGraphValues(v, nodes, rels));
  }
}

/**
 * Columns and plain rows of a result, plus the nodes and relationships found anywhere in it as
 * Cytoscape elements. A relationship whose end nodes the query did not return gets them fetched,
 * so no edge is dropped for a missing end; parallel relationships collapse into one edge.
 */
export async function toQueryResult(
  ctx: ServiceContext,
  raw: RawReadResult,
  origin: string,
): Promise<QueryResult> {
  const rows =
    raw.rows ?? raw.records.map((record: Neo4jRecord) => raw.keys.map((k) => toPlain(record.get(k))));
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  for (const record of raw.records) raw.keys.forEach((k) => collectGraphValues(record.get(k), nodes, rels));

  const missing = new Set<string>();
  for (const r of rels.values()) {
    if (!nodes.has(r.startNodeElementId)) missing.add(r.startNodeElementId);
    if (!nodes.has(r.endNodeElementId)) missing.add(r.endNodeElementId);
  }
  if (missing.size > 0) {
    const fetched = await readRaw(
      ctx.driver,
      apiQuery('nodes-by-element-id'),
      { ids: [...missing] },
      {
        origin,
        timeoutMs: ctx.limits.userQueryTimeoutMs,
      },
    );
    for (const record of fetched.records) {
      const node = record.get('n') as Node;
      nodes.set(node.elementId, node);
    }
  }

  let truncated: QueryResult['truncated'] = raw.truncated;
  const budget = ctx.limits.maxElements;
  const nodeList = [...nodes.values()];
  if (nodeList.length > budget) truncated ||= 'elements';
  const keptNodes = nodeList.slice(0, budget);
  const idOf = new Map(keptNodes.map((n) => [n.elementId, cyNodeId(n)]));

  const edges = new Map<string, EdgeData>();
  for (const r of rels.values()) {
    const source = idOf.get(r.startNodeElementId);
    const target = idOf.get(r.endNodeElementId);
    if (source === undefined || target === undefined) {
      truncated ||= 'elements'; // an end was cut by the element budget
      continue;
    }
    const id = edgeId(source, r.type, target);
    let edge = edges.get(id);
    if (!edge) {
      if (keptNodes.length + edges.size >= budget) {
        truncated ||= 'elements';
        continue;
      }
      edge = { id, source, target, type: r.type, count: 0, posts: [], evidence: [], firstDate: null };
      edges.set(id, edge);
    }
    const p = toPlain(r.properties) as Record<string, unknown>;
    edge.count += 1;
    const post =
      typeof p.post === 'string'
        ? p.post
        : r.type === 'MENTIONS'
          ? String(nodes.get(r.startNodeElementId)?.properties.key ?? '')
          : '';
    if (post && !edge.posts.includes(post)) edge.posts.push(post);
    const sentence =
      typeof p.evidence === 'string' ? p.evidence : Array.isArray(p.sentences) ? p.sentences[0] : null;
    if (typeof sentence === 'string' && !edge.evidence.includes(sentence)) edge.evidence.push(sentence);
    if (typeof p.date === 'string' && (!edge.firstDate || p.date < edge.firstDate)) edge.firstDate = p.date;
  }
  const elements: CyElement[] = toElements(keptNodes.map(nodeData), [...edges.values()]);
  return { columns: raw.keys, rows, elements, ends: relationshipEnds(rels, nodes), truncated };
}

/** Id and label of each relationship's two ends, by element id (see QueryResult.ends). */
function relationshipEnds(
  rels: Map<string, Relationship>,
  nodes: Map<string, Node>,
): Record<string, { id: string; label: string }> {
  const ends: Record<string, { id: string; label: string }> = {};
  for (const r of rels.values()) {
    for (const elementId of [r.startNodeElementId, r.endNodeElementId]) {
      const node = nodes.get(elementId);
      if (node && !ends[elementId]) {
        const { id, label } = nodeData(node);
        ends[elementId] = { id, label };
      }
    }
  }
  return ends;
}

/** Envelope of a QueryResult besides columns, rows and elements: `,"elements":[],"truncated":"elements"}`. */
const ENVELOPE_BYTES = 64;
/** `,"ends":` */
const ENDS_KEY_BYTES = 9;

/**
 * A user query's answer within limits.maxAnswerBytes: rows are read one by one and reading stops
 * at the first that does not fit (readRaw's maxBytes); the graph elements built from the kept
 * rows get what is left, and are cut (nodes first, then edges whose ends were kept) if they need
 * more. Either cut says `truncated: 'bytes'`.
 */
export async function readQueryResult(
  ctx: ServiceContext,
  cypher: string,
  params: Record<string, unknown>,
  options: ReadOptions & { maxRecords: number },
): Promise<QueryResult> {
  const maxBytes = ctx.limits.maxAnswerBytes - ENVELOPE_BYTES;
  const raw = await readRaw(ctx.driver, cypher, params, { ...options, maxBytes });
  const result = await toQueryResult(ctx, raw, options.origin);
  let room = maxBytes - (raw.bytes ?? 0);
  // The names of relationship ends come before the canvas elements: without them a table cell
  // says only "–RELEASED→". When even they do not fit, the answer goes without them.
  const allEnds = result.ends ?? {};
  const ends = jsonBytes(allEnds) + ENDS_KEY_BYTES <= room ? allEnds : {};
  room -= jsonBytes(ends) + ENDS_KEY_BYTES;
  const elements = elementsWithin(result.elements, room);
  if (elements.length < result.elements.length || ends !== allEnds)
    return { ...result, ends, elements, truncated: 'bytes' };
  return result;
}

/** The longest prefix of `elements` (nodes come first) whose JSON fits in `room`, without dangling edges. */
function elementsWithin(elements: CyElement[], room: number): CyElement[] {
  // Each element is small (a few fields), and there are at most limits.maxElements: measuring them all is cheap.
  let used = 2;
  const kept: CyElement[] = [];
  const nodeIds = new Set<string>();
  for (const element of elements) {
    if (element.group === 'edges') {
      const edge = element.data as EdgeData;
      if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) continue;
    }
    const size = jsonBytes(element) + (kept.length > 0 ? 1 : 0);
    if (used + size > room) break;
    used += size;
    kept.push(element);
    if (element.group === 'nodes') nodeIds.add(element.data.id);
  }
  return kept;
}
