import type { CyElement, EdgeData, Evidence, NodeData, PathHop, PathsResponse } from '../api/contract';
import { RELATION_TYPES } from '../../ingest/model';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
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

/** The quantifier the path queries are written with: up to 6 hops, the largest `max` allowed. */
const WRITTEN_QUANTIFIER = '{1,6}';

/**
 * A path query searching no further than `max` hops. Path quantifiers take literals only, so the
 * bound is written into the text; `max` is a validated integer 1..6, never user text. Searching
 * to 6 hops and cutting afterwards expanded the whole graph around hubs for the default max of 4.
 */
function boundedPathQuery(name: 'paths' | 'paths-via-posts', max: number): string {
  if (!Number.isInteger(max) || max < 1 || max > 6) throw new Error(`api/paths: max ${max} is not 1..6`);
  const text = apiQuery(name);
  if (!text.includes(WRITTEN_QUANTIFIER))
    throw new Error(`api/paths: cypher/api/${name}.cypher has no ${WRITTEN_QUANTIFIER} quantifier`);
  return text.replace(WRITTEN_QUANTIFIER, `{1,${max}}`);
}

/**
 * The k shortest paths between two entities over entity-entity relationships. Paths that differ
 * only in which of several parallel relationships (one per post) they take are one path here, and
 * every hop carries the evidence of all its parallel relationships.
 */
export async function findPaths(ctx: ServiceContext, input: PathsInput): Promise<PathsResponse> {
  const options = { origin: 'api/paths', timeoutMs: ctx.limits.queryTimeoutMs };
  const existing = await readRows<{ key: string }>(
    ctx.driver,
    apiQuery('entity-exists'),
    { keys: [input.from, input.to] },
    options,
  );
  for (const [name, key] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (!existing.some((row) => row.key === key))
      throw new NotFoundError(`api/paths: ${name}: no entity with key "${key}"`);
  }
  if (input.from === input.to)
    return { from: input.from, to: input.to, via: 'relations', paths: [], elements: [] };

  let via: 'relations' | 'posts' = input.via === 'posts' ? 'posts' : 'relations';
  const pathsOf = (kind: 'relations' | 'posts') =>
    readRows<PathRow>(
      ctx.driver,
      boundedPathQuery(kind === 'posts' ? 'paths-via-posts' : 'paths', input.max),
      { from: input.from, to: input.to, rels: RELATION_TYPES, max: input.max },
      options,
    );
  let rows = await pathsOf(via);
  if (rows.length === 0 && input.via === 'auto') {
    via = 'posts';
    rows = await pathsOf(via);
  }
  const distinct = new Map<string, PathRow>();
  for (const row of rows) {
    const signature = row.rels.map((r) => edgeId(r.from, r.type, r.to)).join(' ');
    if (!distinct.has(signature)) distinct.set(signature, row);
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
