import type { EdgeData, NodeData } from '../../../server/api/contract';
import {
  MAX_CANVAS_ELEMENTS,
  nodeRank,
  sampleToBudget,
  samplingWarning,
} from '../../../client/src/canvas/sampling';

const node = (id: string, degree: number, mentionCount = 0): NodeData => ({
  id,
  label: id,
  type: 'Model',
  degree,
  mentionCount,
});
const edge = (source: string, target: string): EdgeData => ({
  id: `${source}->${target}`,
  source,
  target,
  type: 'USES',
  count: 1,
  posts: [],
  evidence: [],
});
const nothingOnCanvas = () => false;

describe('client large-graph sampling', () => {
  test('under budget everything is kept and nothing is reported left out', () => {
    const nodes = [node('a', 1), node('b', 1)];
    const sample = sampleToBudget(nodes, [edge('a', 'b')], 10, nothingOnCanvas);
    expect(sample).toEqual({ nodes, edges: [edge('a', 'b')], sampledOut: 0, danglingEdges: 0 });
  });

  test('over budget the best-connected nodes are kept, degree before mentions', () => {
    const nodes = [node('low', 1, 0), node('hub', 50, 0), node('mentioned', 2, 40), node('mid', 10, 0)];
    const edges = [edge('low', 'mid'), edge('low', 'hub'), edge('mid', 'mentioned')];
    // 7 new elements, budget 6 -> 2 node slots (a third), 4 edge slots.
    const sample = sampleToBudget(nodes, edges, 6, nothingOnCanvas);
    expect(sample.nodes.map((n) => n.id)).toEqual(['hub', 'mentioned']);
    expect(nodeRank(node('x', 10, 5))).toBeGreaterThan(nodeRank(node('y', 5, 10)));
    expect(sample.sampledOut).toBe(2);
    expect(sample.danglingEdges).toBe(3);
  });

  test('edges are kept only when both ends are kept or already on the canvas', () => {
    const nodes = Array.from({ length: 9 }, (_, i) => node(`n${i}`, 9 - i));
    const edges = [edge('n0', 'n1'), edge('n0', 'n8'), edge('n1', 'old')];
    // Budget 9 with 12 new elements: 3 node slots (n0, n1, n2), 6 edge slots.
    const sample = sampleToBudget(nodes, edges, 9, (id) => id === 'old');
    expect(sample.nodes.map((n) => n.id)).toEqual(['n0', 'n1', 'n2']);
    expect(sample.edges.map((e) => e.id)).toEqual(['n0->n1', 'n1->old']);
    expect(sample.danglingEdges).toBe(1);
    expect(sample.sampledOut).toBe(6);
  });

  test('edges beyond what the nodes leave of the budget are cut and counted as left out', () => {
    const nodes = [node('a', 3), node('b', 2), node('c', 1)];
    const edges = [edge('a', 'b'), edge('a', 'c'), edge('b', 'c'), edge('a', 'old'), edge('b', 'old')];
    // Budget 4 -> 1 node slot (a), 3 edge slots; a-old fits, the rest dangle (b, c were left out).
    const sample = sampleToBudget(nodes, edges, 4, (id) => id === 'old');
    expect(sample.nodes.map((n) => n.id)).toEqual(['a']);
    expect(sample.edges.map((e) => e.id)).toEqual(['a->old']);
    expect(sample.sampledOut).toBe(2);
  });

  test('a full canvas still takes one node, so a search hit is never silently dropped', () => {
    const sample = sampleToBudget([node('a', 1), node('b', 5)], [], 0, nothingOnCanvas);
    expect(sample.nodes.map((n) => n.id)).toEqual(['b']);
    expect(sample.sampledOut).toBe(1);
  });

  test('the total kept never exceeds a positive budget', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`, i % 17));
    const edges = nodes.slice(1).map((n, i) => edge(nodes[i].id, n.id));
    for (const budget of [1, 2, 3, 10, 100, 598, 599]) {
      const sample = sampleToBudget(nodes, edges, budget, nothingOnCanvas);
      expect(sample.nodes.length + sample.edges.length).toBeLessThanOrEqual(budget);
      expect(sample.nodes.length + sample.edges.length + sample.sampledOut + sample.danglingEdges).toBe(
        nodes.length + edges.length,
      );
    }
  });

  test('the warning says how many elements were left out and what the limit is', () => {
    const text = samplingWarning(1234);
    expect(text).toContain('1,234 elements were left out');
    expect(text).toContain(`at most ${MAX_CANVAS_ELEMENTS.toLocaleString('en')} elements`);
    expect(text).toContain('best-connected nodes were kept');
    expect(samplingWarning(1)).toContain('1 element was left out');
  });

  test('no warning when nothing was left out', () => {
    expect(samplingWarning(0)).toBeNull();
  });
});
