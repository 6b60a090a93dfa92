/**
 * Browser side of ui.bench, bundled by vite into one script: renders a graph either through the
 * app's GraphCanvas (its stylesheet, renderer settings and fcose layout) or through Cytoscape with
 * default options (the baseline), and records frame times while the user pans.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CyElement } from '../../server/api/contract';
// 'app-canvas' is client/src/canvas/graph.ts, aliased by ui.bench's vite build (see app-canvas.d.ts).
import { GraphCanvas } from 'app-canvas';

let baselineRegistered = false;

export interface RenderTiming {
  /** Data handed over → layout finished and the next two frames painted. */
  renderMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
}

/** Resolves after the frame that follows the current one has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

let current: cytoscape.Core | null = null;

export async function renderApp(container: HTMLElement, elements: CyElement[]): Promise<RenderTiming> {
  const t0 = performance.now();
  const canvas = new GraphCanvas(container, {
    onNodeTap: () => undefined,
    onEdgeTap: () => undefined,
    onNodeDoubleTap: () => undefined,
    onBackgroundTap: () => undefined,
    onContentChange: () => undefined,
  });
  current = canvas.cy;
  const stopped = new Promise<void>((resolve) => canvas.cy.one('layoutstop', () => resolve()));
  // As client/src/main.ts does for a result that replaces the canvas.
  canvas.add(elements);
  canvas.runLayout(undefined, { randomize: true });
  await stopped;
  const layoutMs = performance.now() - t0;
  await afterPaint();
  return { renderMs: performance.now() - t0, layoutMs, ...canvas.size() };
}

export async function renderDefault(container: HTMLElement, elements: CyElement[]): Promise<RenderTiming> {
  if (!baselineRegistered) {
    // GraphCanvas registers fcose too; registering twice only warns, so do it only when needed.
    try {
      cytoscape.use(fcose);
    } catch {
      /* already registered by the app's module */
    }
    baselineRegistered = true;
  }
  const t0 = performance.now();
  const cy = cytoscape({
    container,
    elements: elements.map((e) => ({ group: e.group, data: { ...e.data } })),
  });
  current = cy;
  const stopped = new Promise<void>((resolve) => cy.one('layoutstop', () => resolve()));
  cy.layout({ name: 'fcose' } as cytoscape.LayoutOptions).run();
  await stopped;
  const layoutMs = performance.now() - t0;
  await afterPaint();
  return { renderMs: performance.now() - t0, layoutMs, nodes: cy.nodes().length, edges: cy.edges().length };
}

/** Records requestAnimationFrame timestamps until stop(); the gaps are the frame times. */
export function recordFrames(): { stop(): number[] } {
  const stamps: number[] = [];
  let running = true;
  const tick = (t: number) => {
    stamps.push(t);
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return stamps.slice(1).map((t, i) => t - stamps[i]);
    },
  };
}

export function destroyCurrent(): void {
  current?.destroy();
  current = null;
}
