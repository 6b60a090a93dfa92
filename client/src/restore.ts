/**
 * Rebuilds a canvas from a list of entity keys (deep links): the server's JSON export of that
 * subgraph ({ nodes, edges } in the API's element data) gives nodes and the edges among them in one
 * request. If that is refused (a token
 * is required for POST), each entity's neighbourhood is fetched and cut down to the listed keys.
 */
import type { CyElement } from '../../server/api/contract';
import { ApiRequestError, api } from './api';

type CyJson =
  | {
      nodes?: CyElement['data'][];
      edges?: CyElement['data'][];
      elements?:
        CyElement[] | { nodes?: { data: CyElement['data'] }[]; edges?: { data: CyElement['data'] }[] };
    }
  | CyElement[];

/** Accepts the JSON export ({ nodes, edges }), Cytoscape JSON or a plain element list. */
export function elementsFromCyJson(body: CyJson): CyElement[] {
  if (Array.isArray(body)) return body;
  if (body.nodes || body.edges) {
    return [
      ...(body.nodes ?? []).map((data) => ({ group: 'nodes' as const, data })),
      ...(body.edges ?? []).map((data) => ({ group: 'edges' as const, data })),
    ];
  }
  const elements = body.elements;
  if (!elements) return [];
  if (Array.isArray(elements)) return elements;
  return [
    ...(elements.nodes ?? []).map((n) => ({ group: 'nodes' as const, data: n.data })),
    ...(elements.edges ?? []).map((e) => ({ group: 'edges' as const, data: e.data })),
  ];
}

export async function fetchSubgraph(keys: string[]): Promise<CyElement[]> {
  try {
    const { blob } = await api.exportGraph('json', keys);
    return elementsFromCyJson(JSON.parse(await blob.text()) as CyJson);
  } catch (err) {
    if (!(err instanceof ApiRequestError) || !['forbidden', 'unauthorized'].includes(err.code)) throw err;
  }
  const wanted = new Set(keys);
  const out = new Map<string, CyElement>();
  // A few at a time: a shared link with hundreds of keys must not flood the server.
  for (let i = 0; i < keys.length; i += 6) {
    const batch = await Promise.all(
      keys.slice(i, i + 6).map((key) => api.neighbours(key, { limit: 200 }).catch(() => null)),
    );
    for (const graph of batch) {
      for (const element of graph?.elements ?? []) {
        const data = element.data as { id: string; source?: string; target?: string };
        const keep =
          element.group === 'nodes'
            ? wanted.has(data.id)
            : wanted.has(data.source ?? '') && wanted.has(data.target ?? '');
        if (keep) out.set(data.id, element);
      }
    }
  }
  return [...out.values()];
}
