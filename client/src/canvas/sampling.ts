/**
 * The element budget of the canvas as a pure function: which new nodes and edges fit, and how many
 * were left out. Apart from graph.ts (which owns Cytoscape) so the rule can be tested in Node.
 */
import type { EdgeData, NodeData } from '../../../server/api/contract';

/**
 * Largest number of elements (nodes + edges) kept on the canvas; more are sampled down to it.
 * Measured in headless Chromium with software rendering on a 2-core machine (see client/README.md):
 * 5,000 elements reach their first complete render in about 1.3 s and panning stays interactive
 * thanks to hideEdgesOnViewport/textureOnViewport; style computation and painting grow linearly
 * beyond that, so the budget keeps the first render under 2 s.
 */
export const MAX_CANVAS_ELEMENTS = 5000;

export interface Sample {
  nodes: NodeData[];
  edges: EdgeData[];
  /** Elements left out because of the element budget. */
  sampledOut: number;
  /** Edges whose ends were not on the canvas (and could not be added). */
  danglingEdges: number;
}

/** Best-connected first: degree counts double, mentions break ties among equally connected nodes. */
export function nodeRank(data: NodeData): number {
  return Number(data.degree ?? 0) * 2 + Number(data.mentionCount ?? 0);
}

/**
 * Fits new nodes and edges (already deduplicated, none yet on the canvas) into `budget` free
 * elements. Over budget, roughly a third of it goes to nodes, the best-ranked ones; edges follow only
 * when both ends are kept or already on the canvas (`onCanvas`), up to what is left.
 */
export function sampleToBudget(
  nodes: NodeData[],
  edges: EdgeData[],
  budget: number,
  onCanvas: (id: string) => boolean,
): Sample {
  let kept = nodes;
  let sampledOut = 0;
  if (nodes.length + edges.length > budget) {
    const nodeBudget = Math.min(nodes.length, Math.max(1, Math.floor(budget / 3)));
    kept = [...nodes].sort((a, b) => nodeRank(b) - nodeRank(a)).slice(0, nodeBudget);
    sampledOut += nodes.length - kept.length;
  }
  const present = new Set(kept.map((n) => n.id));
  const endsExist = (id: string) => present.has(id) || onCanvas(id);
  let keptEdges = edges.filter((e) => endsExist(e.source) && endsExist(e.target));
  const danglingEdges = edges.length - keptEdges.length;
  const edgeBudget = Math.max(0, budget - kept.length);
  if (keptEdges.length > edgeBudget) {
    sampledOut += keptEdges.length - edgeBudget;
    keptEdges = keptEdges.slice(0, edgeBudget);
  }
  return { nodes: kept, edges: keptEdges, sampledOut, danglingEdges };
}

/** The warning shown when the budget left elements out; null when nothing was. */
export function samplingWarning(sampledOut: number, max = MAX_CANVAS_ELEMENTS): string | null {
  if (sampledOut <= 0) return null;
  const count = `${sampledOut.toLocaleString('en')} ${sampledOut === 1 ? 'element was' : 'elements were'}`;
  return `The canvas shows at most ${max.toLocaleString('en')} elements to stay responsive: ${count} left out (the best-connected nodes were kept). Narrow the filters or remove nodes to see more.`;
}
