import type { CyElement, EdgeData, Evidence, NodeData, PathHop, PathsResponse } from '../api/contract';
import { RELATION_TYPES } from '../../ingest/model';
import { TimeoutError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { requireEntities } from './require-entities';
import { edgeId, entityNode, toElements, type EntityRow } from './graph-elements';

export interface PathsInput {
  from: string;
  to: string;
  /** Longest path in hops (1..6). */
  max: number;
  /** Paths returned at most. */
  k: number;
  /**
   * relations: over extracted entity-entity relationships; posts: over co-mentions (entity - post -
   * entity, type CO_MENTIONED); auto: relations, or co-mentions when no relation path exists.
   */
  via: 'relations' | 'posts' | 'auto';
}

interface PathRow {
  nodes: EntityRow[];
  rels: { from: string; to: string; type: string }[];
}
interface HopEvidenceRow {
  from: string;
  to: string;
  type: string;
  count: number;
  evidence: Evidence[];
}

const MAX_EVIDENCE_PER_HOP = 5;

/** Shortest paths read at most: parallel relationships repeat one route many times over. */
const SHORTEST_PATHS_READ = 1000;
/**
 * Time the search for longer alternatives may take. The k-shortest pattern is exact but can take
 * seconds around hubs; when it runs out of time the answer keeps the shortest paths it has.
 */
export const ALTERNATIVES_BUDGET_MS = 1000;

type PathQuery = 'shortest-paths' | 'shortest-paths-via-posts' | 'paths' | 'paths-via-posts';

/**
 * The written bound of each path query: path lengths in Cypher patterns take literals only, so the
 * asked maximum is written into the text. `max` is a validated integer 1..6, never user text.
 * Searching to 6 hops and cutting afterwards expanded the whole graph around hubs for max 4.
 */
const WRITTEN_BOUND: Record<PathQuery, { text: string; bound: (max: number) => string }> = {
  'shortest-paths': { text: '*..6]', bound: (max) => `*..${max}]` },
  'shortest-paths-via-posts': { text: '*..12]', bound: (max) => `*..${2 * max}]` },
  paths: { text: '{1,6}', bound: (max) => `{1,${max}}` },
  'paths-via-posts': { text: '{1,6}', bound: (max) => `{1,${max}}` },
};

function boundedPathQuery(name: PathQuery, max: number): string {
  if (!Number.isInteger(max) || max < 1 || max > 6) throw new Error(`api/paths: max ${max} is not 1..6`);
  const { text, bound } = WRITTEN_BOUND[name];
  const cypher = apiQuery(name);
  if (!cypher.includes(text)) throw new Error(`api/paths: cypher/api/${name}.cypher has no ${text} bound`);
  return cypher.replace(text, bound(max));
}

/**
 * The k shortest paths between two entities over entity-entity relationships. Paths that differ
 * only in which of several parallel relationships (one per post) they take are one path here, and
 * every hop carries the evidence of all its parallel relationships. Every shortest path comes from
 * allShortestPaths (fast: searches from both ends); longer alternatives, when fewer than k
 * shortest ones exist, from the exact k-shortest search within ALTERNATIVES_BUDGET_MS.
 */
export async function findPaths(ctx: ServiceContext, input: PathsInput): Promise<PathsResponse> {
  const options = { origin: 'api/paths', timeoutMs: ctx.limits.queryTimeoutMs };
  await requireEntities(
    ctx,
    [
      ['from', input.from],
      ['to', input.to],
    ],
    options,
  );
  if (input.from === input.to)
    return { from: input.from, to: input.to, via: 'relations', paths: [], elements: [] };

  let via: 'relations' | 'posts' = input.via === 'posts' ? 'posts' : 'relations';
  const ends = { from: input.from, to: input.to };
  const shortestOf = (kind: 'relations' | 'posts') =>
    readRows<PathRow>(
      ctx.driver,
      boundedPathQuery(kind === 'posts' ? 'shortest-paths-via-posts' : 'shortest-paths', input.max),
      { ...ends, limit: SHORTEST_PATHS_READ },
      options,
    );
  let rows = await shortestOf(via);
  if (rows.length === 0 && input.via === 'auto') {
    via = 'posts';
    rows = await shortestOf(via);
  }
  const distinct = new Map<string, PathRow>();
  const keep = (row: PathRow) => {
    const signature = row.rels.map((r) => edgeId(r.from, r.type, r.to)).join(' ');
    if (!distinct.has(signature)) distinct.set(signature, row);
  };
  rows.forEach(keep);
  // Fewer distinct shortest paths than asked for: add longer ones, if found within the budget.
  if (rows.length > 0 && distinct.size < input.k && rows[0].rels.length < input.max) {
    try {
      const longer = await readRows<PathRow>(
        ctx.driver,
        boundedPathQuery(via === 'posts' ? 'paths-via-posts' : 'paths', input.max),
        { ...ends, rels: RELATION_TYPES, max: input.max },
        { ...options, timeoutMs: Math.min(ALTERNATIVES_BUDGET_MS, options.timeoutMs) },
      );
      longer.forEach(keep);
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
    }
  }
  const chosen = [...distinct.values()].slice(0, input.k);

  const hopKeys = new Map<string, { from: string; to: string; type: string }>();
  for (const row of chosen) for (const r of row.rels) hopKeys.set(edgeId(r.from, r.type, r.to), r);
  const evidenceRows = await readRows<HopEvidenceRow>(
    ctx.driver,
    apiQuery(via === 'posts' ? 'co-mention-evidence' : 'hop-evidence'),
    { hops: [...hopKeys.values()], maxEvidence: MAX_EVIDENCE_PER_HOP },
    options,
  );
  const evidence = new Map(evidenceRows.map((e) => [edgeId(e.from, e.type, e.to), e]));

  const nodes = new Map<string, NodeData>();
  const edges = new Map<string, EdgeData>();
  const paths = chosen.map((row) => {
    const pathNodes = row.nodes.map(entityNode);
    for (const node of pathNodes) nodes.set(node.id, node);
    const hops: PathHop[] = row.rels.map((r, i) => {
      const id = edgeId(r.from, r.type, r.to);
      const hopEvidence = evidence.get(id)?.evidence ?? [];
      if (!edges.has(id)) {
        edges.set(id, {
          id,
          source: r.from,
          target: r.to,
          type: r.type,
          count: evidence.get(id)?.count ?? hopEvidence.length,
          posts: hopEvidence.map((e) => e.post),
          evidence: hopEvidence.map((e) => e.sentence),
          firstDate: hopEvidence.find((e) => e.date)?.date ?? null,
        });
      }
      return {
        from: r.from,
        to: r.to,
        type: r.type,
        forward: r.from === row.nodes[i].key,
        evidence: hopEvidence,
      };
    });
    return { length: row.rels.length, nodes: pathNodes, hops };
  });
  const elements: CyElement[] = toElements([...nodes.values()], [...edges.values()]);
  return { from: input.from, to: input.to, via, paths, elements };
}
