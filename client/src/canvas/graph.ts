/**
 * The graph canvas: a thin owner of one Cytoscape instance. Adds API elements (with an element
 * budget that samples beyond it), runs layouts, removes nodes, highlights paths and reports
 * taps/double-taps to the rest of the app. It knows nothing about panels or HTTP.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { CyElement, EdgeData, NodeData } from '../../../server/api/contract';
import type { LayoutName } from './layouts';
import { MAX_CANVAS_ELEMENTS, sampleToBudget } from './sampling';
import { buildStylesheet } from './styles';

export { LAYOUTS, type LayoutName } from './layouts';
export { MAX_CANVAS_ELEMENTS } from './sampling';

cytoscape.use(fcose);
cytoscape.use(svg);

/** Above this, layouts run in draft quality (fcose's spectral step only) with cheaper styles. */
const LARGE_GRAPH = 1500;

/**
 * Above this, layouts are not animated and fcose refines with fewer iterations: at ~1,000 elements
 * the animation and the last iterations cost seconds in software rendering and change little.
 */
const MEDIUM_GRAPH = 600;

/**
 * Room (in model pixels) each node gets when a large draft layout is spread out. fcose's spectral
 * draft packs thousands of nodes into a few hundred pixels, so fitting it showed a pile of
 * overlapping shapes and labels; spread out, the overview zoom drops below the label threshold.
 */
const DRAFT_SPACING_PER_NODE = 55;

/** Largest zoom that fitting a small graph may reach. */
const COMFORTABLE_ZOOM = 1.6;

export interface AddResult {
  added: number;
  /** Elements left out because of the element budget. */
  sampledOut: number;
  /** Edges whose ends were not on the canvas (and could not be added). */
  danglingEdges: number;
}

export interface CanvasEvents {
  onNodeTap(data: NodeData): void;
  onEdgeTap(data: EdgeData): void;
  onNodeDoubleTap(data: NodeData): void;
  onBackgroundTap(): void;
  /** Fired after any add/remove, debounced by the caller if needed. */
  onContentChange(): void;
}

export class GraphCanvas {
  readonly cy: cytoscape.Core;
  private layoutName: LayoutName = 'fcose';
  private runningLayout: cytoscape.Layouts | null = null;

  constructor(
    container: HTMLElement,
    private readonly events: CanvasEvents,
  ) {
    this.cy = cytoscape({
      container,
      style: buildStylesheet(),
      // Settings that keep 5,000 elements interactive: no edges or re-render while panning/zooming,
      // a single device pixel, no motion blur.
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      pixelRatio: 1,
      motionBlur: false,
      boxSelectionEnabled: true,
      selectionType: 'additive',
      minZoom: 0.05,
      maxZoom: 4,
    });
    this.cy.on('tap', 'node', (event) => this.events.onNodeTap(event.target.data() as NodeData));
    this.cy.on('tap', 'edge', (event) => this.events.onEdgeTap(event.target.data() as EdgeData));
    this.cy.on('dbltap', 'node', (event) => this.events.onNodeDoubleTap(event.target.data() as NodeData));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) this.events.onBackgroundTap();
    });
  }

  get layout(): LayoutName {
    return this.layoutName;
  }

  isEmpty(): boolean {
    return this.cy.nodes().empty();
  }

  size(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  has(id: string): boolean {
    return !this.cy.getElementById(id).empty();
  }

  /** Entity keys on the canvas (post and channel nodes excluded). */
  entityKeys(): string[] {
    return this.cy
      .nodes()
      .filter((n) => !['Post', 'Channel'].includes(String(n.data('type'))))
      .map((n) => n.id());
  }

  selectedEntityKeys(): string[] {
    return this.cy
      .nodes(':selected')
      .filter((n) => !['Post', 'Channel'].includes(String(n.data('type'))))
      .map((n) => n.id());
  }

  nodeData(id: string): NodeData | null {
    const node = this.cy.getElementById(id);
    return node.empty() ? null : (node.data() as NodeData);
  }

  /**
   * Adds elements not yet on the canvas. New nodes start around `near` (the expanded node) so an
   * incremental layout moves little. Beyond MAX_CANVAS_ELEMENTS the best-connected nodes are kept.
   */
  add(elements: CyElement[], near?: string): AddResult {
    const freshNodes = elements
      .filter((e) => e.group === 'nodes' && !this.has(e.data.id))
      .map((e) => e.data as NodeData);
    const uniqueNodes = [...new Map(freshNodes.map((n) => [n.id, n])).values()];
    const freshEdges = elements
      .filter((e) => e.group === 'edges' && !this.has(e.data.id))
      .map((e) => e.data as EdgeData);
    const uniqueEdges = [...new Map(freshEdges.map((e) => [e.id, e])).values()];

    const budget = Math.max(0, MAX_CANVAS_ELEMENTS - this.cy.elements().length);
    const { nodes, edges, sampledOut, danglingEdges } = sampleToBudget(
      uniqueNodes,
      uniqueEdges,
      budget,
      (id) => this.has(id),
    );

    const origin = near ? this.cy.getElementById(near) : null;
    const center = origin && !origin.empty() ? origin.position() : this.viewportCenter();
    this.cy.batch(() => {
      nodes.forEach((data, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
        const radius = 80 + 4 * Math.sqrt(nodes.length);
        this.cy.add({
          group: 'nodes',
          data: {
            ...data,
            degree: typeof data.degree === 'number' ? data.degree : 0,
            hasDegree: typeof data.degree === 'number',
          },
          position: { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) },
        });
      });
      this.cy.add(
        edges.map((data) => ({ group: 'edges' as const, data: { ...data, count: data.count ?? 1 } })),
      );
      this.cy.elements().toggleClass('fast', this.cy.elements().length > LARGE_GRAPH);
      // Nodes without a degree from the server are sized by their degree on the canvas.
      this.cy.nodes('[!hasDegree]').forEach((n) => {
        n.data('degree', n.degree(false));
      });
    });
    if (nodes.length + edges.length > 0) this.events.onContentChange();
    return { added: nodes.length + edges.length, sampledOut, danglingEdges };
  }

  private viewportCenter(): { x: number; y: number } {
    const extent = this.cy.extent();
    return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
  }

  clear(): void {
    this.cy.elements().remove();
    this.events.onContentChange();
  }

  remove(ids: string[]): number {
    let removed = 0;
    this.cy.batch(() => {
      for (const id of ids) {
        const el = this.cy.getElementById(id);
        if (!el.empty()) {
          removed += 1;
          el.remove();
        }
      }
    });
    if (removed) this.events.onContentChange();
    return removed;
  }

  /** Removes the neighbours of `id` that have no other connection (its leaves). */
  removeLeaves(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.empty()) return 0;
    // A leaf: its only neighbour on the canvas is this node.
    const leaves = node.neighborhood('node').filter((n) => n.neighborhood('node').length <= 1);
    const count = leaves.length;
    leaves.remove();
    if (count) this.events.onContentChange();
    return count;
  }

  removeSelected(): number {
    const selected = this.cy.$(':selected');
    const count = selected.nodes().length || selected.length;
    selected.remove();
    if (count) this.events.onContentChange();
    return count;
  }

  select(id: string): void {
    this.cy.$(':selected').unselect();
    const el = this.cy.getElementById(id);
    if (el.empty()) return;
    el.select();
    // Pan only when the node is off screen; a layout may still be placing it otherwise.
    const box = el.renderedBoundingBox();
    const outside = box.x2 < 0 || box.y2 < 0 || box.x1 > this.cy.width() || box.y1 > this.cy.height();
    if (outside) this.cy.animate({ center: { eles: el } }, { duration: 250 });
  }

  runLayout(name: LayoutName = this.layoutName, options: { fit?: boolean; randomize?: boolean } = {}): void {
    this.layoutName = name;
    this.runningLayout?.stop();
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    const large = visible.length > LARGE_GRAPH;
    const medium = visible.length > MEDIUM_GRAPH;
    const common = { fit: options.fit ?? true, padding: 40, animate: !medium, animationDuration: 350 };
    let layoutOptions: cytoscape.LayoutOptions;
    switch (name) {
      case 'fcose':
        layoutOptions = {
          name: 'fcose',
          ...common,
          quality: large ? 'draft' : 'default',
          randomize: options.randomize ?? false,
          nodeRepulsion: 8000,
          idealEdgeLength: 110,
          nodeSeparation: 100,
          // Disconnected nodes (query results often have few edges) are tiled; leave room for labels.
          tilingPaddingVertical: 50,
          tilingPaddingHorizontal: 70,
          numIter: medium ? 1000 : 2500,
        } as cytoscape.LayoutOptions;
        break;
      case 'concentric':
        layoutOptions = {
          name: 'concentric',
          ...common,
          concentric: (node: cytoscape.NodeSingular) => Number(node.data('degree') ?? 0),
          levelWidth: () => 2,
          minNodeSpacing: 24,
        };
        break;
      case 'breadthfirst': {
        const roots = this.cy.nodes(':selected');
        layoutOptions = {
          name: 'breadthfirst',
          ...common,
          directed: false,
          spacingFactor: 1.1,
          // Cytoscape accepts a collection here (its typings only list selectors); ids with spaces
          // or slashes would not survive as "#id" selectors.
          roots: roots.empty() ? undefined : (roots as unknown as string[]),
        };
        break;
      }
      case 'circle':
        layoutOptions = { name: 'circle', ...common, avoidOverlap: true };
        break;
    }
    const draft = name === 'fcose' && large;
    // A draft is spread out first and fitted afterwards (fitting twice would measure every label twice).
    this.runningLayout = visible.layout(
      draft ? ({ ...layoutOptions, fit: false } as cytoscape.LayoutOptions) : layoutOptions,
    );
    // fit() zooms a handful of nodes up to maxZoom; cap it so a small graph keeps a normal scale.
    this.runningLayout.one('layoutstop', () => {
      if (draft) {
        this.spreadOut(visible.nodes());
        if (common.fit) this.cy.fit(visible, common.padding);
      }
      this.capZoom();
    });
    this.runningLayout.run();
  }

  /** Scales node positions about their centre so that each node has about DRAFT_SPACING_PER_NODE² room. */
  private spreadOut(nodes: cytoscape.NodeCollection): void {
    let x1 = Infinity;
    let y1 = Infinity;
    let x2 = -Infinity;
    let y2 = -Infinity;
    nodes.forEach((n) => {
      const { x, y } = n.position();
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    });
    const side = Math.max(x2 - x1, y2 - y1, 1);
    const factor = (DRAFT_SPACING_PER_NODE * Math.sqrt(nodes.length)) / side;
    if (!(factor > 1)) return;
    const cx = (x1 + x2) / 2;
    const cy = (y1 + y2) / 2;
    this.cy.batch(() => {
      nodes.positions((n) => {
        const { x, y } = n.position();
        return { x: cx + (x - cx) * factor, y: cy + (y - cy) * factor };
      });
    });
  }

  fit(): void {
    const visible = this.cy.elements(':visible');
    this.cy.fit(visible.empty() ? undefined : visible, 40);
    this.capZoom();
  }

  private capZoom(): void {
    if (this.cy.zoom() <= COMFORTABLE_ZOOM) return;
    this.cy.zoom(COMFORTABLE_ZOOM);
    this.cy.center(this.cy.elements(':visible'));
  }

  /** Highlights the given element ids and fades the rest; an empty list clears highlighting. */
  highlight(ids: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path faded');
      if (ids.length === 0) return;
      const set = new Set(ids);
      this.cy.elements().forEach((el) => {
        el.addClass(set.has(el.id()) ? 'on-path' : 'faded');
      });
    });
  }

  /** Hides elements for which `visible` says false (filters); edges also hide with their ends. */
  applyVisibility(
    nodeVisible: (data: NodeData) => boolean,
    edgeVisible: (data: EdgeData) => boolean,
  ): { hidden: number } {
    let hidden = 0;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const show = nodeVisible(n.data() as NodeData);
        n.toggleClass('hidden', !show);
        if (!show) hidden += 1;
      });
      this.cy.edges().forEach((e) => {
        const show =
          edgeVisible(e.data() as EdgeData) &&
          !e.source().hasClass('hidden') &&
          !e.target().hasClass('hidden');
        e.toggleClass('hidden', !show);
        if (!show) hidden += 1;
      });
    });
    return { hidden };
  }

  /** Relationship types present on the canvas (for the filter list). */
  edgeTypes(): string[] {
    return [...new Set(this.cy.edges().map((e) => String(e.data('type'))))].sort();
  }

  png(scope: 'view' | 'selection'): Blob {
    const options = { output: 'blob' as const, bg: '#ffffff', full: true, scale: 2 };
    if (scope === 'selection') this.hideUnselected(true);
    try {
      return this.cy.png(options);
    } finally {
      if (scope === 'selection') this.hideUnselected(false);
    }
  }

  svg(scope: 'view' | 'selection'): string {
    if (scope === 'selection') this.hideUnselected(true);
    try {
      return this.cy.svg({ full: true, bg: '#ffffff' });
    } finally {
      if (scope === 'selection') this.hideUnselected(false);
    }
  }

  /** For selection exports: hide everything that is not selected (or joining two selected nodes). */
  private hideUnselected(hide: boolean): void {
    const keep = this.cy
      .nodes(':selected')
      .union(this.cy.nodes(':selected').edgesWith(this.cy.nodes(':selected')));
    this.cy.batch(() => {
      if (hide) this.cy.elements().difference(keep).style('display', 'none');
      else this.cy.elements().removeStyle('display');
    });
  }
}
