/**
 * A graph shaped like an API result (Cytoscape elements with entity types, degrees and collapsed
 * edges): preferential attachment, so a few hubs and many leaves, like a neighbourhood expansion.
 */
import type { CyElement } from '../../server/api/contract';

const TYPES = ['Organization', 'Model', 'Library', 'Dataset', 'Person', 'Repository', 'Event', 'Product'];
const RELS = ['RELEASED', 'USES', 'OUTPERFORMS', 'EVALUATED_ON', 'WORKS_AT', 'HAS_REPO'];

/** About 40% nodes, 60% edges, `elements` in all; same graph for the same size. */
export function syntheticGraph(elements: number, seed = 7): CyElement[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const nodeCount = Math.round(elements * 0.4);
  const edgeCount = elements - nodeCount;
  const ends: number[] = [];
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++) {
    const target = ends.length ? ends[Math.floor(random() * ends.length)] : 0;
    edges.push([i, target]);
    seen.add(`${i}-${target}`);
    ends.push(i, target);
  }
  while (edges.length < edgeCount) {
    const a = Math.floor(random() * nodeCount);
    const b = ends[Math.floor(random() * ends.length)];
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    edges.push([a, b]);
    ends.push(a, b);
  }
  const degree = new Array<number>(nodeCount).fill(0);
  for (const [a, b] of edges) {
    degree[a] += 1;
    degree[b] += 1;
  }
  const out: CyElement[] = [];
  for (let i = 0; i < nodeCount; i++) {
    out.push({
      group: 'nodes',
      data: {
        id: `e${i}`,
        label: `Entity ${i}`,
        type: TYPES[i % TYPES.length],
        mentionCount: 1 + degree[i],
        degree: degree[i],
      },
    });
  }
  edges.forEach(([a, b], i) => {
    out.push({
      group: 'edges',
      data: {
        id: `r${i}`,
        source: `e${a}`,
        target: `e${b}`,
        type: RELS[i % RELS.length],
        count: 1 + (i % 3),
        posts: [],
        evidence: [],
      },
    });
  });
  return out;
}
