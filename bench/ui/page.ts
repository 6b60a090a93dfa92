/**
 * Browser side of ui.bench, built by vite like the client (ES modules, the layout worker as its own
 * chunk) from bench/ui/index.html and served over HTTP: renders a graph either through the app's
 * GraphCanvas (its stylesheet, renderer settings, layout worker and fcose options) or through
 * Cytoscape with default options (the baseline), and records frame times while the user pans.
 * Everything is exposed as window.UiBench.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CyElement } from '../../server/api/contract';
// 'app-canvas' is client/src/canvas/graph.ts, aliased by ui.bench's vite build (see app-canvas.d.ts).
import { GraphCanvas } from 'app-canvas';

let baselineRegistered = false;

export interface RenderTiming {
  /**
   * Data handed over → the layout the user sees has been applied and Cytoscape has drawn every
   * element at those positions (its 'render' event after the layout's 'layoutstop'), then the
   * browser has painted that frame.
   */
  renderMs: number;
  /** Data handed over → 'layoutstop' (positions applied and fitted, nothing drawn yet). */
  layoutMs: number;
  nodes: number;
  edges: number;
  /** The canvas's performance marks (canvas:*), in ms from t0, when it left any. */
  marks: Record<string, number>;
}

/**
 * The app canvas's phases since t0: performance marks named canvas:* (ms from t0) and measures
 * named canvas:* (their duration, suffixed "ms").
 */
function canvasMarks(t0: number): Record<string, number> {
  const marks: Record<string, number> = {};
  for (const entry of performance.getEntriesByType('mark'))
    if (entry.name.startsWith('canvas:') && entry.startTime >= t0)
      marks[entry.name.slice('canvas:'.length)] = Math.round(entry.startTime - t0);
  for (const entry of performance.getEntriesByType('measure'))
    if (entry.name.startsWith('canvas:') && entry.startTime >= t0)
      marks[`${entry.name.slice('canvas:'.length)} ms`] = Math.round(entry.duration);
  return marks;
}

/**
 * Resolves once Cytoscape has drawn a frame after `layoutDone` and the browser has painted it.
 * Cytoscape draws the whole viewport in one frame (no progressive drawing), so that frame shows
 * every element in its final place. A held batch or a deferred draw cannot end the timing early:
 * only a real 'render' event does.
 */
function firstRenderAfter(cy: cytoscape.Core, layoutDone: Promise<void>): Promise<void> {
  return layoutDone.then(
    () =>
      new Promise<void>((resolve) => {
        cy.one('render', () => {
          // The render ran inside a requestAnimationFrame callback; the next one comes after paint.
          requestAnimationFrame(() => resolve());
        });
      }),
  );
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
  let layoutMs = 0;
  const stopped = new Promise<void>((resolve) =>
    canvas.cy.one('layoutstop', () => {
      layoutMs = performance.now() - t0;
      resolve();
    }),
  );
  const rendered = firstRenderAfter(canvas.cy, stopped);
  // As client/src/main.ts does for a result that replaces the canvas.
  canvas.add(elements);
  performance.mark('canvas:added');
  canvas.runLayout(undefined, { randomize: true });
  await rendered;
  const renderMs = performance.now() - t0;
  return { renderMs, layoutMs, ...canvas.size(), marks: canvasMarks(t0) };
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
  let layoutMs = 0;
  const stopped = new Promise<void>((resolve) =>
    cy.one('layoutstop', () => {
      layoutMs = performance.now() - t0;
      resolve();
    }),
  );
  const rendered = firstRenderAfter(cy, stopped);
  cy.layout({ name: 'fcose' } as cytoscape.LayoutOptions).run();
  await rendered;
  const renderMs = performance.now() - t0;
  return { renderMs, layoutMs, nodes: cy.nodes().length, edges: cy.edges().length, marks: {} };
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

export type UiBenchApi = {
  renderApp: typeof renderApp;
  renderDefault: typeof renderDefault;
  recordFrames: typeof recordFrames;
};
(window as unknown as { UiBench: UiBenchApi }).UiBench = { renderApp, renderDefault, recordFrames };
