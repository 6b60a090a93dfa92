import type { CyElement, EdgeData, EntityTypeName, NodeData } from '../api/contract';
import type { RelationType } from '../../vocabulary/types';
import {
  exportFileName,
  exportSubgraph,
  type ExportFormat,
  type ExportedFile,
  type Subgraph,
} from '../export';
import { TooLargeError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { SavedQueryDefinition } from '../saved-queries/header';
import type { ServiceContext } from './context';
import { getNeighbours, getSubgraph } from './entities';
import { runSavedQuery } from './saved-queries';

/** What to export: a selection of entities, a neighbourhood, or the graph a saved query returns. */
export type ExportSource =
  | { kind: 'all'; limit: number; rels: RelationType[] | null }
  | { kind: 'keys'; keys: string[]; rels: RelationType[] | null }
  | {
      kind: 'neighbourhood';
      key: string;
      depth: number;
      limit: number;
      types: EntityTypeName[] | null;
      rels: RelationType[] | null;
    }
  | { kind: 'query'; name: string; params: Record<string, unknown> };

function splitElements(elements: CyElement[]): Subgraph {
  return {
    nodes: elements.filter((e) => e.group === 'nodes').map((e) => e.data as NodeData),
    edges: elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData),
  };
}

export async function resolveSubgraph(
  ctx: ServiceContext,
  savedQueries: Map<string, SavedQueryDefinition>,
  source: ExportSource,
): Promise<{ subgraph: Subgraph; name: string }> {
  switch (source.kind) {
    case 'all': {
      const rows = await readRows<{ key: string }>(
        ctx.driver,
        apiQuery('top-entities'),
        { limit: source.limit },
        {
          origin: 'api/export',
          timeoutMs: ctx.limits.queryTimeoutMs,
        },
      );
      if (rows.length > source.limit)
        throw new TooLargeError(
          `api/export: the graph has more than ${source.limit} entities; export a selection (keys), a neighbourhood (key) or a saved query (query)`,
        );
      if (rows.length === 0) return { subgraph: { nodes: [], edges: [] }, name: 'graph' };
      const graph = await getSubgraph(
        ctx,
        rows.map((r) => r.key),
        source.rels,
      );
      return { subgraph: splitElements(graph.elements), name: 'graph' };
    }
    case 'keys': {
      const graph = await getSubgraph(ctx, source.keys, source.rels);
      return { subgraph: splitElements(graph.elements), name: `${source.keys.length} selected entities` };
    }
    case 'neighbourhood': {
      const graph = await getNeighbours(ctx, source);
      return { subgraph: splitElements(graph.elements), name: `neighbourhood of ${source.key}` };
    }
    case 'query': {
      const result = await runSavedQuery(ctx, savedQueries, source.name, source.params);
      return { subgraph: splitElements(result.elements), name: `saved query ${source.name}` };
    }
  }
}

export async function exportGraph(
  ctx: ServiceContext,
  savedQueries: Map<string, SavedQueryDefinition>,
  source: ExportSource,
  format: ExportFormat,
): Promise<ExportedFile & { fileName: string }> {
  const { subgraph, name } = await resolveSubgraph(ctx, savedQueries, source);
  const file = exportSubgraph(subgraph, format, { name });
  return { ...file, fileName: exportFileName(format, `ml-graph-${name}`.slice(0, 80)) };
}
