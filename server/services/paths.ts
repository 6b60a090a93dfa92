import type { CyElement, EdgeData, Evidence, NodeData, PathHop, PathsResponse } from '../api/contract';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { requireEntities } from './require-entities';
import { edgeId, entityNode, toElements, type EntityRow } from './graph-elements';
import { Deadline, searchPaths, type LinkRow } from './path-search';

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

interface HopEvidenceRow {
  from: string;
  to: string;
  type: string;
  count: number;
  evidence: Evidence[];
}

const MAX_EVIDENCE_PER_HOP = 5;

/**
 * The k first paths between two entities, over entity-entity relationships or over co-mentions:
 * shortest first, equally long ones in the order of their hops' (entity key, type, direction),
 * found by a bidirectional breadth-first search that reads at most limits.pathMaxLinks links
 * and then Yen's k-shortest-paths in memory (path-search.ts says why that is exact, and what the
 * bound does). Parallel relationships (one per post) are one hop, which cites their posts.
 * The whole request runs within queryTimeoutMs: running out is a 504, never a shorter answer.
 */
export async function findPaths(ctx: ServiceContext, input: PathsInput): Promise<PathsResponse> {
  const origin = 'api/paths';
  const deadline = new Deadline(ctx.limits.queryTimeoutMs, origin);
  const options = () => ({ origin, timeoutMs: deadline.remaining() });
  await requireEntities(
    ctx,
    [
      ['from', input.from],
      ['to', input.to],
    ],
    options(),
  );
  if (input.from === input.to)
    return {
      from: input.from,
      to: input.to,
      via: 'relations',
      paths: [],
      searchedHops: input.max,
      elements: [],
    };

  const search = (kind: 'relations' | 'posts') =>
    searchPaths(
      { from: input.from, to: input.to, max: input.max, k: input.k, symmetric: kind === 'posts' },
      (keys, limit, timeoutMs) =>
        readRows<LinkRow>(
          ctx.driver,
          apiQuery(kind === 'posts' ? 'path-links-via-posts' : 'path-links'),
          { keys, limit },
          { origin, timeoutMs },
        ),
      { maxLinks: ctx.limits.pathMaxLinks, deadline },
    );
  let via: 'relations' | 'posts' = input.via === 'posts' ? 'posts' : 'relations';
  let found = await search(via);
  if (found.paths.length === 0 && input.via === 'auto') {
    via = 'posts';
    found = await search(via);
  }
  const chosen = found.paths.map((path) => ({
    nodes: path.nodes,
    // The hop as stored: a link taken against its relationship's direction names it the other way.
    rels: path.links.map((link, i) => ({
      from: link.forward ? path.nodes[i] : link.to,
      to: link.forward ? link.to : path.nodes[i],
      type: link.type,
      forward: link.forward,
    })),
  }));
  if (chosen.length === 0)
    return { from: input.from, to: input.to, via, paths: [], searchedHops: found.searchedHops, elements: [] };

  const nodeRows = await readRows<{ node: EntityRow }>(
    ctx.driver,
    apiQuery('path-nodes'),
    { keys: [...new Set(chosen.flatMap((p) => p.nodes))] },
    options(),
  );
  const entities = new Map(nodeRows.map((r) => [r.node.key, entityNode(r.node)]));
  // An entity deleted by an import since the search read it is shown by its key alone.
  const nodeOf = (key: string) => entities.get(key) ?? entityNode({ key, name: null, type: null });

  const hopKeys = new Map<string, { from: string; to: string; type: string }>();
  for (const row of chosen)
    for (const r of row.rels)
      hopKeys.set(edgeId(r.from, r.type, r.to), { from: r.from, to: r.to, type: r.type });
  const evidenceRows = await readRows<HopEvidenceRow>(
    ctx.driver,
    apiQuery(via === 'posts' ? 'co-mention-evidence' : 'hop-evidence'),
    { hops: [...hopKeys.values()], maxEvidence: MAX_EVIDENCE_PER_HOP },
    options(),
  );
  const evidence = new Map(evidenceRows.map((e) => [edgeId(e.from, e.type, e.to), e]));

  const nodes = new Map<string, NodeData>();
  const edges = new Map<string, EdgeData>();
  const paths = chosen.map((row) => {
    const pathNodes = row.nodes.map(nodeOf);
    for (const node of pathNodes) nodes.set(node.id, node);
    const hops: PathHop[] = row.rels.map((r) => {
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
        forward: r.forward,
        evidence: hopEvidence,
      };
    });
    return { length: row.rels.length, nodes: pathNodes, hops };
  });
  const elements: CyElement[] = toElements([...nodes.values()], [...edges.values()]);
  return { from: input.from, to: input.to, via, paths, searchedHops: found.searchedHops, elements };
}
