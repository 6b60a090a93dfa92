import { fastLayout } from '../../../client/src/canvas/fast-layout';
import { computeFcosePositions, type LayoutNode } from '../../../client/src/canvas/fcose-positions';
import { nodeDiameter } from '../../../client/src/canvas/styles';

type Edge = [number, number];

const OPTIONS = { spacing: 55, gap: 12 };

/** A hub (node 0) with `leaves` leaves. */
function star(leaves: number): Edge[] {
  return Array.from({ length: leaves }, (_, i) => [0, i + 1] as Edge);
}

/** Two cliques of `size` nodes (0…size-1 and size…2·size-1) joined by one edge. */
function twoCliques(size: number): Edge[] {
  const edges: Edge[] = [];
  for (const offset of [0, size])
    for (let a = 0; a < size; a++) for (let b = a + 1; b < size; b++) edges.push([offset + a, offset + b]);
  edges.push([0, size]);
  return edges;
}

const distance = (xy: Float64Array, i: number, j: number) =>
  Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);

function meanDistance(xy: Float64Array, pairs: Edge[]): number {
  return pairs.reduce((sum, [i, j]) => sum + distance(xy, i, j), 0) / pairs.length;
}

/** Pairs within each clique, and pairs across the two cliques. */
function cliquePairs(size: number): { within: Edge[]; across: Edge[] } {
  const within: Edge[] = [];
  const across: Edge[] = [];
  for (let i = 0; i < 2 * size; i++)
    for (let j = i + 1; j < 2 * size; j++) (i < size === j < size ? within : across).push([i, j]);
  return { within, across };
}

describe('fastLayout', () => {
  it('gives every node a finite position', () => {
    const xy = fastLayout(31, star(30), new Array(31).fill(22), OPTIONS);
    expect(xy).toHaveLength(62);
    expect([...xy].every(Number.isFinite)).toBe(true);
  });

  it('gives the same graph the same picture every time', () => {
    const edges = twoCliques(8);
    const sizes = new Array(16).fill(30);
    expect([...fastLayout(16, edges, sizes, OPTIONS)]).toEqual([...fastLayout(16, edges, sizes, OPTIONS)]);
  });

  it('spreads the leaves of a hub instead of stacking them on one spot', () => {
    // Every leaf has the same graph distances, so MDS alone puts all 60 on one point.
    const diameter = 22;
    const xy = fastLayout(61, star(60), new Array(61).fill(diameter), OPTIONS);
    let overlapping = 0;
    for (let i = 1; i <= 60; i++)
      for (let j = i + 1; j <= 60; j++) if (distance(xy, i, j) < diameter) overlapping += 1;
    expect(overlapping).toBe(0);
  });

  it('keeps densely connected groups together and apart from each other', () => {
    const xy = fastLayout(20, twoCliques(10), new Array(20).fill(22), OPTIONS);
    const { within, across } = cliquePairs(10);
    expect(meanDistance(xy, within)).toBeLessThan(meanDistance(xy, across) / 2);
  });

  it('packs disconnected components side by side without overlap', () => {
    // Two triangles and three isolated nodes.
    const edges: Edge[] = [
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 4],
      [4, 5],
      [5, 3],
    ];
    const diameter = 30;
    const xy = fastLayout(8, edges, new Array(8).fill(diameter), OPTIONS);
    for (let i = 0; i < 8; i++)
      for (let j = i + 1; j < 8; j++) expect(distance(xy, i, j)).toBeGreaterThanOrEqual(diameter);
  });

  it('lays out an empty graph and a single node', () => {
    expect(fastLayout(0, [], [], OPTIONS)).toHaveLength(0);
    expect([...fastLayout(1, [], [22], OPTIONS)]).toEqual([0, 0]);
  });

  it('rejects an edge to a node that does not exist, saying which', () => {
    expect(() => fastLayout(2, [[0, 5]], [22, 22], OPTIONS)).toThrow(/canvas\/fast-layout: edge 0–5/);
  });
});

describe('computeFcosePositions (headless fcose, as in the layout worker)', () => {
  const nodesAt = (count: number, place: (i: number) => { x: number; y: number }): LayoutNode[] =>
    Array.from({ length: count }, (_, i) => ({ w: 24, h: 24, ...place(i) }));

  it('follows the edges: connected groups end up together', () => {
    // Internal ids are n<i>/e<i>: an earlier version named edges e<i> like the nodes' own ids
    // could be, lost them as duplicates, and laid out a graph without edges.
    const xy = computeFcosePositions({
      nodes: nodesAt(20, (i) => ({ x: i * 10, y: 0 })),
      edges: twoCliques(10),
      options: { quality: 'default', randomize: true },
    });
    const { within, across } = cliquePairs(10);
    expect(meanDistance(xy, within)).toBeLessThan(meanDistance(xy, across) / 2);
  });

  it('refines from the given positions when not randomizing (no jump to the origin)', () => {
    const xy = computeFcosePositions({
      nodes: nodesAt(12, (i) => ({ x: 5000 + 60 * Math.cos(i), y: 5000 + 60 * Math.sin(i) })),
      edges: star(11),
      options: { quality: 'default', randomize: false },
    });
    const centre = [0, 1].map((axis) => xy.filter((_, k) => k % 2 === axis).reduce((a, b) => a + b, 0) / 12);
    expect(centre[0]).toBeGreaterThan(4500);
    expect(centre[1]).toBeGreaterThan(4500);
  });

  it('gives a seeded layout the same result every time', () => {
    const request = {
      nodes: nodesAt(16, () => ({ x: 0, y: 0 })),
      edges: twoCliques(8),
      options: { quality: 'default', idealEdgeLength: 110 },
      seed: OPTIONS,
    };
    expect([...computeFcosePositions(request)]).toEqual([...computeFcosePositions(request)]);
  });

  it('rejects an edge to a node that does not exist', () => {
    expect(() =>
      computeFcosePositions({ nodes: nodesAt(2, () => ({ x: 0, y: 0 })), edges: [[0, 2]], options: {} }),
    ).toThrow(/canvas\/fcose-positions: edge 0 joins nodes 0 and 2/);
  });
});

describe('nodeDiameter (the stylesheet size the layouts assume)', () => {
  it('grows linearly with degree between the smallest and largest node size', () => {
    expect(nodeDiameter('Model', 0)).toBe(22);
    expect(nodeDiameter('Model', 20)).toBe(46);
    expect(nodeDiameter('Model', 40)).toBe(70);
    expect(nodeDiameter('Model', 400)).toBe(70);
  });

  it('treats a missing degree as zero and posts as small fixed dots', () => {
    expect(nodeDiameter('Library', undefined)).toBe(22);
    expect(nodeDiameter('Post', 30)).toBe(14);
  });
});
