/**
 * fcose on a headless Cytoscape: node positions from node sizes, edges and fcose options, with no
 * DOM and no stylesheet beyond the sizes. Runs in the layout worker (layout.worker.ts) so that the
 * main thread computes styles while fcose runs; pure enough to be tested in Node.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fastLayout, type FastLayoutOptions } from './fast-layout';

let registered = false;

/**
 * fcose's starting "temperature" when it refines the fast layout (its default, 0.3, is for
 * positions it knows nothing about). The fast layout is already untangled and overlap-free, so
 * a cooler start converges after ~120 iterations instead of ~540 (400 nodes), with the same shape.
 */
export const SEEDED_INITIAL_ENERGY = 0.15;

export interface LayoutNode {
  /** Width and height as the canvas stylesheet draws them (fcose keeps nodes from overlapping). */
  w: number;
  h: number;
  /** Current position: the starting point when the layout does not randomize. */
  x: number;
  y: number;
}

export interface FcoseRequest {
  nodes: LayoutNode[];
  /** Pairs of indexes into `nodes` (the worker names nodes by index, so no id can collide). */
  edges: Array<[number, number]>;
  /** fcose options (JSON only: no functions); animate and fit are forced off. */
  options: Record<string, unknown>;
  /**
   * Start from fast-layout.ts's positions instead of the nodes' x, y (and without fcose's random
   * spectral start): half the work of a randomized fcose, and the same graph always ends in the
   * same picture.
   */
  seed?: FastLayoutOptions;
}

/** Positions for request.nodes, in order, as x0, y0, x1, y1, … */
export function computeFcosePositions(request: FcoseRequest): Float64Array {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  const { edges } = request;
  let nodes = request.nodes;
  let options = request.options;
  if (request.seed) {
    const start = fastLayout(
      nodes.length,
      edges,
      nodes.map((n) => Math.max(n.w, n.h)),
      request.seed,
    );
    nodes = nodes.map((n, i) => ({ ...n, x: start[2 * i], y: start[2 * i + 1] }));
    options = { ...options, randomize: false, initialEnergyOnIncremental: SEEDED_INITIAL_ENERGY };
  }
  const elements: cytoscape.ElementDefinition[] = nodes.map((n, i) => ({
    group: 'nodes',
    data: { id: `n${i}`, w: n.w, h: n.h },
    position: { x: n.x, y: n.y },
  }));
  edges.forEach(([s, t], i) => {
    if (!(s in nodes) || !(t in nodes))
      throw new Error(
        `canvas/fcose-positions: edge ${i} joins nodes ${s} and ${t}, but there are ${nodes.length}`,
      );
    elements.push({ group: 'edges', data: { id: `e${i}`, source: `n${s}`, target: `n${t}` } });
  });
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements,
    // Keep the given positions (the default 'null' layout would put every node at 0,0).
    layout: { name: 'preset', fit: false },
  });
  try {
    cy.layout({ ...options, name: 'fcose', animate: false, fit: false } as cytoscape.LayoutOptions).run();
    const positions = new Float64Array(nodes.length * 2);
    nodes.forEach((_n, i) => {
      const p = cy.getElementById(`n${i}`).position();
      positions[2 * i] = p.x;
      positions[2 * i + 1] = p.y;
    });
    return positions;
  } finally {
    cy.destroy();
  }
}
