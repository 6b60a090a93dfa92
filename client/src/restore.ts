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

/**
 * The keys a "no entity with key" answer names, when each is one of those asked for; null when
 * the answer says something else (then nothing can be skipped safely).
 */
export function missingKeys(message: string, asked: readonly string[]): string[] | null {
  const at = message.indexOf('no entity with key ');
  if (at < 0) return null;
  const wanted = new Set(asked);
  const named = [...message.slice(at).matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  return named.length > 0 && named.every((key) => wanted.has(key)) ? named : null;
}

/**
 * fetchSubgraph for a link: keys that are no longer in the graph (deleted with a channel, renamed
 * by a later import) are skipped, not allowed to fail the whole link; they are returned to be named.
 */
export async function fetchKnownSubgraph(
  keys: string[],
): Promise<{ elements: CyElement[]; missing: string[] }> {
  const missing: string[] = [];
  let asked = keys;
  // Each refusal names every missing key at once; a second round only if the graph changed meanwhile.
  for (let round = 0; round < 3 && asked.length > 0; round++) {
    try {
      return { elements: await fetchSubgraph(asked), missing };
    } catch (err) {
      const named =
        err instanceof ApiRequestError && err.status === 404 ? missingKeys(err.message, asked) : null;
      if (!named) throw err;
      missing.push(...named);
      asked = asked.filter((key) => !named.includes(key));
    }
  }
  return { elements: asked.length ? await fetchSubgraph(asked) : [], missing };
}
