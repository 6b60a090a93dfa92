/**
 * Yen's search with ordered ties against the definition: every simple path of at most max hops,
 * sorted by comparePaths, the first k. On seeded random graphs with parallel types and both
 * directions, so that ties between equally long paths are the rule, not the exception.
 */
import {
  comparePaths,
  kShortestPaths,
  LinkGraph,
  type FoundPath,
  type Link,
} from '../../../server/services/k-shortest-paths';

/** mulberry32: the same graphs on every run and machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edge {
  from: string;
  link: Link;
}

function randomEdges(seed: number, nodes: number, edges: number): Edge[] {
  const next = random(seed);
  const pick = () => `n${Math.floor(next() * nodes)}`;
  const out: Edge[] = [];
  for (let i = 0; i < edges; i++) {
    const from = pick();
    const to = pick();
    if (from !== to)
      out.push({ from, link: { to, type: next() < 0.5 ? 'USES' : 'RELEASED', forward: true } });
  }
  return out;
}

function graphOf(edges: Edge[]): LinkGraph {
  const graph = new LinkGraph();
  for (const e of edges) graph.add(e.from, e.link);
  return graph;
}

function allPaths(graph: LinkGraph, from: string, to: string, max: number): FoundPath[] {
  const out: FoundPath[] = [];
  const walk = (path: FoundPath) => {
    const at = path.nodes[path.nodes.length - 1];
    if (at === to) {
      out.push({ nodes: [...path.nodes], links: [...path.links] });
      return;
    }
    if (path.links.length === max) return;
    for (const link of graph.links(at)) {
      if (path.nodes.includes(link.to)) continue;
      path.nodes.push(link.to);
      path.links.push(link);
      walk(path);
      path.nodes.pop();
      path.links.pop();
    }
  };
  walk({ nodes: [from], links: [] });
  return out.sort(comparePaths);
}

describe('kShortestPaths', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'random graph %i: the first k of all simple paths in comparePaths order',
    (seed) => {
      const edges = randomEdges(seed, 8 + (seed % 4), 18 + (seed % 13));
      const graph = graphOf(edges);
      let compared = 0;
      for (const [from, to] of [
        ['n0', 'n1'],
        ['n2', 'n5'],
      ])
        for (const max of [1, 3, 5])
          for (const k of [1, 4, 10]) {
            const expected = allPaths(graph, from, to, max).slice(0, k);
            expect(kShortestPaths(graph, from, to, k, max)).toEqual(expected);
            compared += expected.length;
          }
      // The graphs are dense enough to have paths to compare, not only empty answers.
      expect(compared).toBeGreaterThan(0);
    },
  );

  it('gives the same answer whatever order the links were read in', () => {
    const edges = randomEdges(7, 10, 30);
    const reversed = graphOf([...edges].reverse());
    expect(kShortestPaths(reversed, 'n0', 'n1', 10, 6)).toEqual(
      kShortestPaths(graphOf(edges), 'n0', 'n1', 10, 6),
    );
  });

  it('takes a relationship against its direction and keeps two types between two entities apart', () => {
    const graph = graphOf([
      { from: 'b', link: { to: 'a', type: 'USES', forward: true } },
      { from: 'a', link: { to: 'b', type: 'OWNS', forward: true } },
    ]);
    expect(kShortestPaths(graph, 'a', 'b', 5, 2)).toEqual([
      { nodes: ['a', 'b'], links: [{ to: 'b', type: 'OWNS', forward: true }] },
      { nodes: ['a', 'b'], links: [{ to: 'b', type: 'USES', forward: false }] },
    ]);
  });

  it('finds nothing beyond max hops and nothing from an entity to itself', () => {
    const graph = graphOf([
      { from: 'a', link: { to: 'b', type: 'USES', forward: true } },
      { from: 'b', link: { to: 'c', type: 'USES', forward: true } },
    ]);
    expect(kShortestPaths(graph, 'a', 'c', 5, 1)).toEqual([]);
    expect(kShortestPaths(graph, 'a', 'a', 5, 6)).toEqual([]);
  });
});
