/**
 * A fast, deterministic layout for large graphs, on plain typed arrays (no Cytoscape), for the
 * layout worker: Pivot MDS (Brandes & Pich, 2006) places each connected component from graph
 * distances to a few pivot nodes, a short force pass pushes apart nodes that landed on top of each
 * other (leaves of one hub share their distances, so MDS stacks them), and the components are packed
 * in rows, largest first. For 2,000 nodes it takes tens of milliseconds where fcose's draft takes
 * seconds, and the same graph always gets the same picture (no random start).
 */

export interface FastLayoutOptions {
  /**
   * Room per node: a component of n nodes is scaled to about spacing·√n across, so the overview
   * has space between shapes whatever the graph's diameter (MDS alone packs a hub-heavy graph of
   * thousands of nodes into a small blob).
   */
  spacing: number;
  /** Empty space kept between two nodes' outlines. */
  gap: number;
  /** Overlap-removal passes after MDS (0 = MDS only). */
  relaxIterations?: number;
}

/** Nodes are 0…count-1; `diameters[i]` is node i's size. Returns x0, y0, x1, y1, … */
export function fastLayout(
  count: number,
  edges: ReadonlyArray<readonly [number, number]>,
  diameters: ArrayLike<number>,
  options: FastLayoutOptions,
): Float64Array {
  const graph = adjacency(count, edges);
  const positions = new Float64Array(count * 2);
  const boxes: ComponentBox[] = [];
  for (const component of components(graph)) {
    placeComponent(graph, component, diameters, options, positions);
    boxes.push(componentBox(component, diameters, positions));
  }
  packComponents(boxes, positions, options.gap * 2);
  return positions;
}

interface Graph {
  count: number;
  /** Neighbours of i: neighbours[offsets[i] … offsets[i + 1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
}

function adjacency(count: number, edges: ReadonlyArray<readonly [number, number]>): Graph {
  const degree = new Int32Array(count);
  for (const [a, b] of edges) {
    if (!(a >= 0 && a < count && b >= 0 && b < count))
      throw new Error(`canvas/fast-layout: edge ${a}–${b} is outside 0…${count - 1}`);
    if (a === b) continue;
    degree[a] += 1;
    degree[b] += 1;
  }
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, count);
  const neighbours = new Int32Array(offsets[count]);
  for (const [a, b] of edges) {
    if (a === b) continue;
    neighbours[fill[a]++] = b;
    neighbours[fill[b]++] = a;
  }
  return { count, offsets, neighbours };
}

/** Connected components as lists of node indexes, in order of their first node. */
function components(graph: Graph): Int32Array[] {
  const seen = new Uint8Array(graph.count);
  const queue = new Int32Array(graph.count);
  const result: Int32Array[] = [];
  for (let start = 0; start < graph.count; start++) {
    if (seen[start]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    seen[start] = 1;
    while (head < tail) {
      const v = queue[head++];
      for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
        const w = graph.neighbours[e];
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    result.push(queue.slice(0, tail));
  }
  return result;
}

/** Breadth-first hop counts from `source` into `out` (indexed by node; -1 = unreached). */
function bfs(graph: Graph, source: number, out: Int32Array, queue: Int32Array): void {
  out.fill(-1);
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  out[source] = 0;
  while (head < tail) {
    const v = queue[head++];
    for (let e = graph.offsets[v]; e < graph.offsets[v + 1]; e++) {
      const w = graph.neighbours[e];
      if (out[w] < 0) {
        out[w] = out[v] + 1;
        queue[tail++] = w;
      }
    }
  }
}

const MAX_PIVOTS = 40;

function placeComponent(
  graph: Graph,
  nodes: Int32Array,
  diameters: ArrayLike<number>,
  options: FastLayoutOptions,
  positions: Float64Array,
): void {
  const n = nodes.length;
  if (n <= 2) {
    nodes.forEach((v, i) => {
      positions[2 * v] = i * options.spacing;
      positions[2 * v + 1] = 0;
    });
    return;
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  pivotMds(graph, nodes, x, y);
  scaleToSide(x, y, options.spacing * Math.sqrt(n));
  spreadPiles(nodes, diameters, x, y, options.gap);
  removeOverlaps(nodes, diameters, x, y, options);
  nodes.forEach((v, i) => {
    positions[2 * v] = x[i];
    positions[2 * v + 1] = y[i];
  });
}

/** Classic Pivot MDS: double-centred squared distances to k pivots, top two eigenvectors of CᵀC. */
function pivotMds(graph: Graph, nodes: Int32Array, x: Float64Array, y: Float64Array): void {
  const n = nodes.length;
  const k = Math.min(MAX_PIVOTS, n);
  const dist = new Int32Array(graph.count);
  const queue = new Int32Array(graph.count);
  // C is n × k, column j = squared distances to pivot j, then double-centred.
  const c = new Float64Array(n * k);
  const minDist = new Int32Array(n).fill(0x7fffffff);
  // First pivot: the best-connected node (ties: lowest index), so the result does not depend on order.
  let pivot = nodes[0];
  for (const v of nodes) if (degreeOf(graph, v) > degreeOf(graph, pivot)) pivot = v;
  for (let j = 0; j < k; j++) {
    bfs(graph, pivot, dist, queue);
    let next = nodes[0];
    let farthest = -1;
    for (let i = 0; i < n; i++) {
      const d = dist[nodes[i]];
      c[i * k + j] = d * d;
      if (d < minDist[i]) minDist[i] = d;
      if (minDist[i] > farthest) {
        farthest = minDist[i];
        next = nodes[i];
      }
    }
    pivot = next;
  }
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let grand = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      const v = c[i * k + j];
      rowMean[i] += v / k;
      colMean[j] += v / n;
      grand += v / (n * k);
    }
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) c[i * k + j] = -0.5 * (c[i * k + j] - rowMean[i] - colMean[j] + grand);
  // M = CᵀC (k × k), symmetric.
  const m = new Float64Array(k * k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const ca = c[i * k + a];
      if (ca === 0) continue;
      for (let b = a; b < k; b++) m[a * k + b] += ca * c[i * k + b];
    }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) m[a * k + b] = m[b * k + a];
  const v1 = dominantEigenvector(m, k, null);
  const v2 = dominantEigenvector(m, k, v1);
  for (let i = 0; i < n; i++) {
    let sx = 0;
    let sy = 0;
    for (let j = 0; j < k; j++) {
      sx += c[i * k + j] * v1[j];
      sy += c[i * k + j] * v2[j];
    }
    x[i] = sx;
    y[i] = sy;
  }
}

function degreeOf(graph: Graph, v: number): number {
  return graph.offsets[v + 1] - graph.offsets[v];
}

/** Power iteration on a symmetric k × k matrix; `orthogonalTo` (unit) is projected out each step. */
function dominantEigenvector(m: Float64Array, k: number, orthogonalTo: Float64Array | null): Float64Array {
  let v = new Float64Array(k);
  // A fixed, uneven start vector: deterministic, and not orthogonal to any eigenvector in practice.
  for (let i = 0; i < k; i++) v[i] = 1 + ((i * 0.618034) % 1);
  let next = new Float64Array(k);
  for (let iter = 0; iter < 200; iter++) {
    if (orthogonalTo) project(v, orthogonalTo);
    next.fill(0);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += m[a * k + b] * v[b];
      next[a] = s;
    }
    if (orthogonalTo) project(next, orthogonalTo);
    const norm = Math.hypot(...next);
    if (!(norm > 1e-12)) return new Float64Array(k);
    let change = 0;
    for (let a = 0; a < k; a++) {
      next[a] /= norm;
      change += Math.abs(next[a] - v[a]);
    }
    [v, next] = [next, v];
    if (change < 1e-9) break;
  }
  return v;
}

function project(v: Float64Array, unit: Float64Array): void {
  let dot = 0;
  for (let i = 0; i < v.length; i++) dot += v[i] * unit[i];
  for (let i = 0; i < v.length; i++) v[i] -= dot * unit[i];
}

/** Scales positions about their centroid so that the larger side of their box is `side` long. */
function scaleToSide(x: Float64Array, y: Float64Array, side: number): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < x.length; i++) {
    x1 = Math.min(x1, x[i]);
    x2 = Math.max(x2, x[i]);
    y1 = Math.min(y1, y[i]);
    y2 = Math.max(y2, y[i]);
    cx += x[i] / x.length;
    cy += y[i] / y.length;
  }
  const current = Math.max(x2 - x1, y2 - y1);
  const factor = current > 1e-9 ? side / current : 1;
  for (let i = 0; i < x.length; i++) {
    x[i] = (x[i] - cx) * factor;
    y[i] = (y[i] - cy) * factor;
  }
}

/**
 * Nodes with the same graph distances to every pivot (the leaves of one hub) get the same MDS
 * position. Each such pile is laid out as a sunflower (Vogel's spiral) around its spot, largest
 * nodes in the middle, so the overlap pass only has small local corrections left.
 */
function spreadPiles(
  nodes: Int32Array,
  diameters: ArrayLike<number>,
  x: Float64Array,
  y: Float64Array,
  gap: number,
): void {
  const piles = new Map<string, number[]>();
  for (let i = 0; i < x.length; i++) {
    const key = `${Math.round(x[i] * 2)},${Math.round(y[i] * 2)}`;
    const pile = piles.get(key);
    if (pile) pile.push(i);
    else piles.set(key, [i]);
  }
  for (const pile of piles.values()) {
    if (pile.length < 2) continue;
    pile.sort((a, b) => (Number(diameters[nodes[b]]) || 0) - (Number(diameters[nodes[a]]) || 0) || a - b);
    let mean = 0;
    for (const i of pile) mean += (Number(diameters[nodes[i]]) || 0) / pile.length;
    // Vogel's spiral packs discs of about this pitch evenly: radius grows with √t.
    const pitch = (mean + gap) * 0.6;
    const cx = x[pile[0]];
    const cy = y[pile[0]];
    pile.forEach((i, t) => {
      const r = pitch * Math.sqrt(t);
      const angle = t * 2.399963;
      x[i] = cx + r * Math.cos(angle);
      y[i] = cy + r * Math.sin(angle);
    });
  }
}

/**
 * Overlap removal: nodes closer than their radii plus the gap push each other apart (neighbours
 * found through a grid, so each pass is linear). Steps shrink every pass, so the MDS shape stays.
 * Nodes on exactly the same spot (leaves of one hub) separate along a direction fixed per pair.
 */
function removeOverlaps(
  nodes: Int32Array,
  diameters: ArrayLike<number>,
  x: Float64Array,
  y: Float64Array,
  options: FastLayoutOptions,
): void {
  const n = nodes.length;
  const iterations = options.relaxIterations ?? 25;
  if (iterations <= 0) return;
  const radius = new Float64Array(n);
  let largest = 0;
  nodes.forEach((v, i) => {
    radius[i] = (Number(diameters[v]) || 0) / 2;
    largest = Math.max(largest, radius[i]);
  });
  const reach = 2 * largest + options.gap;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const nextInCell = new Int32Array(n);
  const cells = new Map<number, number>();
  for (let iter = 0; iter < iterations; iter++) {
    const step = reach * (1 - iter / iterations) + options.gap / 4;
    dx.fill(0);
    dy.fill(0);
    // Grid of `reach`-sized cells: only nodes in the 3×3 cells around a node can overlap it.
    cells.clear();
    for (let i = 0; i < n; i++) {
      const cell = cellKey(Math.floor(x[i] / reach), Math.floor(y[i] / reach));
      nextInCell[i] = cells.get(cell) ?? -1;
      cells.set(cell, i);
    }
    let moved = false;
    for (let i = 0; i < n; i++) {
      const gx = Math.floor(x[i] / reach);
      const gy = Math.floor(y[i] / reach);
      for (let ox = -1; ox <= 1; ox++)
        for (let oy = -1; oy <= 1; oy++) {
          for (let j = cells.get(cellKey(gx + ox, gy + oy)) ?? -1; j >= 0; j = nextInCell[j]) {
            if (j <= i) continue;
            const wanted = radius[i] + radius[j] + options.gap;
            let ex = x[j] - x[i];
            let ey = y[j] - y[i];
            let d = Math.hypot(ex, ey);
            if (d >= wanted) continue;
            if (d < 1e-6) {
              // Same spot: a golden-angle direction fixed by the pair.
              const angle = (i * 2.399963 + j * 0.7) % (2 * Math.PI);
              ex = Math.cos(angle);
              ey = Math.sin(angle);
              d = 0;
            } else {
              ex /= d;
              ey /= d;
            }
            const push = (wanted - d) / 2;
            dx[i] -= ex * push;
            dy[i] -= ey * push;
            dx[j] += ex * push;
            dy[j] += ey * push;
            moved = true;
          }
        }
    }
    if (!moved) break;
    for (let i = 0; i < n; i++) {
      const len = Math.hypot(dx[i], dy[i]);
      const scale = len > step ? step / len : 1;
      x[i] += dx[i] * scale;
      y[i] += dy[i] * scale;
    }
  }
}

function cellKey(gx: number, gy: number): number {
  // Cells stay well inside ±2^20 for any drawable graph; one number keys the Map without strings.
  return (gx + 1048576) * 2097152 + (gy + 1048576);
}

interface ComponentBox {
  nodes: Int32Array;
  x1: number;
  y1: number;
  w: number;
  h: number;
}

function componentBox(
  nodes: Int32Array,
  diameters: ArrayLike<number>,
  positions: Float64Array,
): ComponentBox {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const v of nodes) {
    const r = (Number(diameters[v]) || 0) / 2;
    x1 = Math.min(x1, positions[2 * v] - r);
    y1 = Math.min(y1, positions[2 * v + 1] - r);
    x2 = Math.max(x2, positions[2 * v] + r);
    y2 = Math.max(y2, positions[2 * v + 1] + r);
  }
  return { nodes, x1, y1, w: x2 - x1, h: y2 - y1 };
}

/** Shelf packing: largest components first, rows about as wide as the square root of the total area. */
function packComponents(boxes: ComponentBox[], positions: Float64Array, gap: number): void {
  if (boxes.length <= 1) return;
  const order = boxes
    .map((box, i) => ({ box, i }))
    .sort((a, b) => b.box.nodes.length - a.box.nodes.length || a.i - b.i)
    .map((entry) => entry.box);
  const area = order.reduce((sum, b) => sum + (b.w + gap) * (b.h + gap), 0);
  const rowWidth = Math.max(Math.sqrt(area), order[0].w);
  let cursorX = 0;
  let cursorY = 0;
  let rowHeight = 0;
  for (const box of order) {
    if (cursorX > 0 && cursorX + box.w > rowWidth) {
      cursorX = 0;
      cursorY += rowHeight + gap;
      rowHeight = 0;
    }
    const shiftX = cursorX - box.x1;
    const shiftY = cursorY - box.y1;
    for (const v of box.nodes) {
      positions[2 * v] += shiftX;
      positions[2 * v + 1] += shiftY;
    }
    cursorX += box.w + gap;
    rowHeight = Math.max(rowHeight, box.h);
  }
}
