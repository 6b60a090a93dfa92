import type { EntityChannel, EntityDetails, EntityTypeName, GraphResponse, PostRef } from '../api/contract';
import { RELATION_TYPES, type RelationType } from '../../vocabulary/types';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import {
  collapsedEdge,
  entityNode,
  toElements,
  type CollapsedEdgeRow,
  type EntityRow,
} from './graph-elements';

/**
 * Posts and evidence sentences listed on one collapsed edge at most (the count says how many there
 * are). Kept small: a hub's neighbourhood has hundreds of edges, and 20 sentences on each made a
 * single response several hundred KB.
 */
export const MAX_EDGE_POSTS = 5;

/**
 * Evidence sentences on one edge of a neighbourhood the API serves: one, the earliest. Sentences
 * were most of a hub's neighbourhood (~2,500 edges, ~1 MB of JSON with five each), and sending
 * that much cost ~100 ms per request even from the response cache. One sentence still says what
 * the edge means; the details panel pages through all of them from GET /api/relations
 * (server/services/relations.ts). Exports (of a neighbourhood too) keep MAX_EDGE_POSTS
 * sentences: a file has no server to ask for more.
 */
export const NEIGHBOUR_EDGE_EVIDENCE = 1;

interface EntityQueryRow {
  entity: Record<string, unknown> & { key: string };
  degree: { type: string; count: number }[];
  postCount: number;
}

export async function getEntity(
  ctx: ServiceContext,
  key: string,
  page: number,
  pageSize: number,
): Promise<EntityDetails> {
  const options = { origin: `api/entities/${key}`, timeoutMs: ctx.limits.queryTimeoutMs };
  // Both queries at once: the page of posts is simply empty when the entity does not exist.
  const [[row], items, channels] = await Promise.all([
    readRows<EntityQueryRow>(ctx.driver, apiQuery('entity'), { key }, options),
    readRows<PostRef>(
      ctx.driver,
      apiQuery('entity-posts'),
      { key, skip: (page - 1) * pageSize, limit: pageSize },
      options,
    ),
    readRows<EntityChannel>(ctx.driver, apiQuery('entity-channels'), { key }, options),
  ]);
  if (!row) throw new NotFoundError(`api/entities: no entity with key "${key}"`);
  const { name, type, aliases, mentionCount, firstSeen, lastSeen } = row.entity;
  // Everything else on the node (url, ...) is shown as properties.
  const shown = new Set(['key', 'name', 'type', 'aliases', 'mentionCount', 'firstSeen', 'lastSeen']);
  const properties = Object.fromEntries(Object.entries(row.entity).filter(([k]) => !shown.has(k)));
  return {
    key,
    name: String(name ?? key),
    type: type as EntityTypeName,
    aliases: Array.isArray(aliases) ? aliases.map(String) : [],
    properties,
    mentionCount: Number(mentionCount ?? 0),
    firstSeen: (firstSeen as string | null) ?? null,
    lastSeen: (lastSeen as string | null) ?? null,
    degree: Object.fromEntries(row.degree.map((d) => [d.type, d.count])),
    posts: { items, page, pageSize, total: row.postCount },
    channels,
  };
}

export interface NeighboursInput {
  key: string;
  types: EntityTypeName[] | null;
  rels: RelationType[] | null;
  depth: number;
  limit: number;
  /** Distinct evidence sentences per edge at most (default MAX_EDGE_POSTS, as exports want). */
  evidencePerEdge?: number;
}

interface SubgraphRow {
  nodes: EntityRow[];
  edges: CollapsedEdgeRow[];
  truncated: boolean;
}

/** The entity, up to `limit` neighbours within `depth` hops, and all relationships among them. */
export async function getNeighbours(ctx: ServiceContext, input: NeighboursInput): Promise<GraphResponse> {
  const [row] = await readRows<SubgraphRow>(
    ctx.driver,
    apiQuery('neighbours'),
    {
      key: input.key,
      types: input.types,
      rels: input.rels ?? RELATION_TYPES,
      depth: input.depth,
      limit: input.limit,
      maxPosts: MAX_EDGE_POSTS,
      maxEvidence: input.evidencePerEdge ?? MAX_EDGE_POSTS,
    },
    { origin: `api/entities/${input.key}/neighbours`, timeoutMs: ctx.limits.queryTimeoutMs },
  );
  if (!row) throw new NotFoundError(`api/entities: no entity with key "${input.key}"`);
  return {
    elements: toElements(row.nodes.map(entityNode), row.edges.map(collapsedEdge)),
    truncated: row.truncated,
  };
}

/** Entities with the given keys and every relationship among them (for exports of a selection). */
export async function getSubgraph(
  ctx: ServiceContext,
  keys: string[],
  rels: RelationType[] | null,
): Promise<GraphResponse> {
  const [row] = await readRows<SubgraphRow>(
    ctx.driver,
    apiQuery('subgraph'),
    { keys, rels: rels ?? RELATION_TYPES, maxPosts: MAX_EDGE_POSTS },
    { origin: 'api/export', timeoutMs: ctx.limits.queryTimeoutMs },
  );
  const found = new Set(row.nodes.map((n) => n.key));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length > 0) {
    throw new NotFoundError(`api/export: no entity with key ${missing.map((k) => `"${k}"`).join(', ')}`);
  }
  return { elements: toElements(row.nodes.map(entityNode), row.edges.map(collapsedEdge)), truncated: false };
}
