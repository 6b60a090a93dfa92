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
import { fastLayout } from './fast-layout';
import { SEEDED_INITIAL_ENERGY, type FcoseRequest } from './fcose-positions';
import { layoutOffThread, layoutWorkerAvailable, warmUpLayoutWorker } from './layout-worker-client';
import { PATH_COLOURS, buildStylesheet, nodeDiameter } from './styles';
import { fixRoundPolygonPaths } from './svg-shapes';

export { LAYOUTS, type LayoutName } from './layouts';
export { MAX_CANVAS_ELEMENTS } from './sampling';

cytoscape.use(fcose);
cytoscape.use(svg);
// The layout worker (its own copy of Cytoscape and fcose, ~0.6 MB) starts loading with this module,
// i.e. at page load, so it is ready by the time the first data arrives.
warmUpLayoutWorker();

/**
 * Above this, the 'fcose' layout is replaced by the fast deterministic one (fast-layout.ts: Pivot
 * MDS and a short overlap-removal pass, tens of milliseconds) and styles get cheaper.
 */
const LARGE_GRAPH = 1500;

/**
 * Above this, layouts are not animated and fcose refines with fewer iterations: at ~1,000 elements
 * the animation and the last iterations cost seconds in software rendering and change little.
 */
const MEDIUM_GRAPH = 600;

/**
 * The fast layout's room per node and the space it keeps between node outlines (model pixels):
 * 55 px per node puts the fitted overview of 2,000 nodes below the zoom where labels show.
 */
const FAST_LAYOUT = { spacing: 55, gap: 12 };

/** Room per node of the fast layout that fcose starts from for medium graphs (about its edge length). */
const MEDIUM_SEED_SPACING = 110;

/** Margin around the graph when a layout fits it to the viewport (rendered pixels). */
const LAYOUT_PADDING = 40;

/** A worker that has not answered by then is given up on; the main thread lays out instead. */
const OFF_THREAD_TIMEOUT_MS = 30_000;

/** Largest zoom that fitting a small graph may reach. */
const COMFORTABLE_ZOOM = 1.6;

/** The fcose options of the canvas (JSON only, so the layout worker can take them). */
function fcoseOptions(randomize: boolean, medium: boolean): Record<string, unknown> {
  return {
    name: 'fcose',
    quality: 'default',
    randomize,
    nodeRepulsion: 8000,
    idealEdgeLength: 110,
    nodeSeparation: 100,
    // Disconnected nodes (query results often have few edges) are tiled; leave room for labels.
    tilingPaddingVertical: 50,
    tilingPaddingHorizontal: 70,
    numIter: medium ? 1000 : 2500,
  };
}

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
  /** Counts layout requests, so that a worker's answer to an outdated one is dropped. */
  private layoutJob = 0;
  /** Whether the elements carry the 'fast' class (large-graph styles) rather than 'detail'. */
  private largeStyles = false;
  /** True while a Cytoscape batch holds rendering back until the worker's positions arrive. */
  private renderingHeld = false;

  constructor(
    container: HTMLElement,
    private readonly events: CanvasEvents,
  ) {
    this.cy = cytoscape({
      container,
      style: buildStylesheet(),
      // Settings that keep 5,000 elements interactive: no edges or re-render while panning/zooming,
      // a single device pixel, no motion blur. (Without textureOnViewport ui.bench showed no clear
      // gain: no ~0.4 s first frame of a drag, but more 33–50 ms frames on the loaded machine.)
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      pixelRatio: 1,
      motionBlur: false,
      // A click selects one element (and unselects the rest); Shift/Ctrl/Cmd-click toggles one
      // into the selection and Shift/Ctrl-drag box-selects, adding to it, as in other graph tools.
      boxSelectionEnabled: true,
      selectionType: 'single',
      minZoom: 0.05,
      maxZoom: 4,
    });
    fixRoundPolygonPaths(this.cy);
    this.cy.on('tap', 'node', (event) => this.events.onNodeTap(event.target.data() as NodeData));
    this.cy.on('tap', 'edge', (event) => this.events.onEdgeTap(event.target.data() as EdgeData));
    // Cytoscape calls two quick taps a double tap even on two different elements; clicking one node
    // and then another must not expand the second.
    let previousTap: string | null = null;
    let lastTap: string | null = null;
    this.cy.on('tap', (event) => {
      previousTap = lastTap;
      lastTap = event.target === this.cy ? null : String(event.target.id());
      if (event.target === this.cy) this.events.onBackgroundTap();
    });
    this.cy.on('dbltap', 'node', (event) => {
      if (previousTap === event.target.id()) this.events.onNodeDoubleTap(event.target.data() as NodeData);
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
    // Large-graph styles ('fast') or detailed ones ('detail': curved, labelled edges) come with the
    // elements, so Cytoscape computes each new element's style once; existing elements are
    // re-classed only when the canvas crosses the size.
    const large = this.cy.elements().length + nodes.length + edges.length > LARGE_GRAPH;
    const classes = large ? ['fast'] : ['detail'];
    const radius = 80 + 4 * Math.sqrt(nodes.length);
    const definitions: cytoscape.ElementDefinition[] = nodes.map((data, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      return {
        group: 'nodes',
        data: {
          ...data,
          degree: typeof data.degree === 'number' ? data.degree : 0,
          hasDegree: typeof data.degree === 'number',
        },
        position: { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) },
        classes,
      };
    });
    for (const data of edges)
      definitions.push({ group: 'edges', data: { ...data, count: data.count ?? 1 }, classes });
    this.cy.batch(() => {
      // One add for all: Cytoscape indexes and styles the whole array at once.
      this.cy.add(definitions);
      if (large !== this.largeStyles) {
        this.cy.elements().toggleClass('fast', large).toggleClass('detail', !large);
        this.largeStyles = large;
      }
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

  /**
   * Brings what the canvas shows of these entities up to date with `fresh` (the subgraph among
   * them, read again after the graph changed, e.g. a channel delete): node and edge data are
   * replaced, and edges among them that the graph no longer has leave. Positions stay.
   */
  refreshData(keys: string[], fresh: CyElement[]): void {
    const byId = new Map(fresh.map((e) => [e.data.id, e.data]));
    const wanted = new Set(keys);
    this.cy.batch(() => {
      for (const id of keys) {
        const data = byId.get(id);
        if (data) this.cy.getElementById(id).data(data);
      }
      this.cy.edges().forEach((edge) => {
        if (!wanted.has(edge.source().id()) || !wanted.has(edge.target().id())) return;
        const data = byId.get(edge.id());
        if (data) edge.data(data);
        else edge.remove();
      });
    });
    this.events.onContentChange();
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
    // A layout still running in the worker is outdated by this one; its answer will be dropped.
    this.layoutJob += 1;
    // Visible = not hidden by the filters (the only display:none rule), found without computing
    // every element's style: that is done below, while the worker lays out.
    const visible = this.cy.elements().not('.hidden');
    if (visible.empty()) {
      this.releaseRendering();
      return;
    }
    const large = visible.length > LARGE_GRAPH;
    const medium = visible.length > MEDIUM_GRAPH;
    const fit = options.fit ?? true;
    if (name === 'fcose' && large) {
      this.releaseRendering();
      this.runFastLayout(visible, fit, options.randomize ?? false);
      return;
    }
    if (name === 'fcose' && medium && layoutWorkerAvailable()) {
      this.runFcoseOffThread(visible, fcoseOptions(false, medium), fit, options.randomize ?? false);
      return;
    }
    this.releaseRendering();
    const fresh = options.randomize ?? false;
    this.runOnMainThread(name, visible, {
      fit,
      animate: !medium,
      randomize: fresh,
      medium,
      seed: fresh && medium,
    });
  }

  /**
   * Large graphs: fast-layout.ts on the main thread (about 0.1–0.2 s for 2,000 nodes, less than
   * handing the graph to a worker), applied as a preset layout. The same graph always gets the same
   * picture, so "Re-layout" does not reshuffle it.
   */
  private runFastLayout(visible: cytoscape.CollectionReturnValue, fit: boolean, fresh: boolean): void {
    const { nodes, index } = this.indexNodes(visible);
    let xy: Float64Array;
    if (fresh) {
      const diameters = nodes.map((n) => nodeDiameter(n.data('type'), n.data('degree')));
      xy = fastLayout(nodes.length, this.edgePairs(visible, index), diameters, FAST_LAYOUT);
    } else {
      // An expansion on a large canvas: the picture stays as it is (the new nodes already sit in a
      // ring around the expanded one); recomputing it would move thousands of nodes the user knows.
      xy = new Float64Array(nodes.length * 2);
      nodes.forEach((n, i) => {
        const { x, y } = n.position();
        xy[2 * i] = x;
        xy[2 * i + 1] = y;
      });
    }
    performance.mark('canvas:layout-computed');
    this.applyPositions(visible, index, xy, fit);
  }

  /** Moves the visible nodes to the fast layout's positions at once (no layout events, no fit). */
  private placeByFastLayout(visible: cytoscape.CollectionReturnValue, spacing: number): void {
    const { nodes, index } = this.indexNodes(visible);
    const diameters = nodes.map((n) => nodeDiameter(n.data('type'), n.data('degree')));
    const xy = fastLayout(nodes.length, this.edgePairs(visible, index), diameters, {
      ...FAST_LAYOUT,
      spacing,
    });
    this.cy.batch(() => {
      nodes.positions((_n, i) => ({ x: xy[2 * i], y: xy[2 * i + 1] }));
    });
  }

  /** Visible nodes, and each one's index in that list (layouts work on indexes). */
  private indexNodes(visible: cytoscape.CollectionReturnValue): {
    nodes: cytoscape.NodeCollection;
    index: Map<string, number>;
  } {
    const nodes = visible.nodes();
    const index = new Map<string, number>();
    nodes.forEach((n, i) => {
      index.set(n.id(), i);
    });
    return { nodes, index };
  }

  private edgePairs(
    visible: cytoscape.CollectionReturnValue,
    index: Map<string, number>,
  ): Array<[number, number]> {
    const pairs: Array<[number, number]> = [];
    visible.edges().forEach((e) => {
      const source = index.get(e.data('source') as string);
      const target = index.get(e.data('target') as string);
      if (source !== undefined && target !== undefined) pairs.push([source, target]);
    });
    return pairs;
  }

  /**
   * Moves the nodes to computed positions (x0, y0, … by index) as one preset layout, then fits to
   * the nodes (edges run between them; leaving them out of the fit spares computing every edge's
   * geometry twice before the first frame).
   */
  private applyPositions(
    visible: cytoscape.CollectionReturnValue,
    index: Map<string, number>,
    xy: Float64Array,
    fit: boolean,
  ): void {
    const present = visible.nodes().filter((n) => !n.removed());
    this.runningLayout = present.layout({
      name: 'preset',
      positions: (node: cytoscape.NodeSingular) => {
        const i = index.get(node.id()) ?? -1;
        return i < 0 ? node.position() : { x: xy[2 * i], y: xy[2 * i + 1] };
      },
      fit,
      padding: LAYOUT_PADDING,
      animate: false,
    } as cytoscape.LayoutOptions);
    this.runningLayout.one('layoutstop', () => this.capZoom());
    this.runningLayout.run();
  }

  /**
   * fcose in the layout worker for graphs too large to animate. Rendering is held (one Cytoscape
   * batch) until the positions arrive, so the canvas is not drawn twice (once with the provisional
   * positions, once laid out); meanwhile the main thread computes every element's style and label
   * size, which is most of what the first render costs besides the layout. If the worker fails,
   * the same layout runs on the main thread.
   */
  private runFcoseOffThread(
    visible: cytoscape.CollectionReturnValue,
    layoutOptions: Record<string, unknown>,
    fit: boolean,
    fresh: boolean,
  ): void {
    const job = this.layoutJob;
    const { nodes, index } = this.indexNodes(visible);
    const request: FcoseRequest = {
      nodes: nodes.map((n) => {
        const size = nodeDiameter(n.data('type'), n.data('degree'));
        const { x, y } = n.position();
        return { w: size, h: size, x, y };
      }),
      edges: this.edgePairs(visible, index),
      options: layoutOptions,
      // A fresh layout starts from the fast layout (deterministic) rather than fcose's random one.
      seed: fresh ? { spacing: MEDIUM_SEED_SPACING, gap: FAST_LAYOUT.gap } : undefined,
    };
    // Performance marks (canvas:*) let bench/ui.bench.ts report where the first render's time goes.
    performance.mark('canvas:layout-sent');
    const positions = layoutOffThread(request, OFF_THREAD_TIMEOUT_MS);
    this.holdRendering();
    // Styles and node label sizes now, in parallel with the worker (positions do not change them;
    // edge geometry does depend on positions, so edges wait).
    visible.filter(':visible').nodes().boundingBox();
    performance.mark('canvas:styles-ready');
    positions.then(
      (xy) => {
        if (job !== this.layoutJob) return;
        performance.mark('canvas:layout-received');
        this.applyPositions(visible, index, xy, fit);
        this.releaseRendering();
        performance.mark('canvas:layout-applied');
      },
      (error: unknown) => {
        if (job !== this.layoutJob) return;
        this.releaseRendering();
        console.warn(
          `canvas: ${error instanceof Error ? error.message : String(error)}; laying out on the main thread`,
        );
        const present = visible.filter((el) => !el.removed());
        this.runOnMainThread('fcose', present, {
          fit,
          animate: false,
          randomize: fresh,
          medium: true,
          seed: fresh,
        });
      },
    );
  }

  /** One Cytoscape batch held across the worker's layout: Cytoscape does not draw while batching. */
  private holdRendering(): void {
    if (this.renderingHeld) return;
    this.renderingHeld = true;
    this.cy.startBatch();
  }

  private releaseRendering(): void {
    if (!this.renderingHeld) return;
    this.renderingHeld = false;
    this.cy.endBatch();
  }

  private runOnMainThread(
    name: LayoutName,
    visible: cytoscape.CollectionReturnValue,
    how: { fit: boolean; animate: boolean; randomize: boolean; medium: boolean; seed?: boolean },
  ): void {
    const common = { fit: how.fit, padding: LAYOUT_PADDING, animate: how.animate, animationDuration: 350 };
    let layoutOptions: cytoscape.LayoutOptions;
    switch (name) {
      case 'fcose':
        if (how.seed) {
          // As in the worker: start from the fast layout, cool, instead of fcose's random start.
          this.placeByFastLayout(visible, MEDIUM_SEED_SPACING);
          layoutOptions = {
            ...fcoseOptions(false, how.medium),
            initialEnergyOnIncremental: SEEDED_INITIAL_ENERGY,
            ...common,
          } as unknown as cytoscape.LayoutOptions;
        } else {
          layoutOptions = {
            ...fcoseOptions(how.randomize, how.medium),
            ...common,
          } as cytoscape.LayoutOptions;
        }
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
    this.runningLayout = visible.layout(layoutOptions);
    // fit() zooms a handful of nodes up to maxZoom; cap it so a small graph keeps a normal scale.
    this.runningLayout.one('layoutstop', () => this.capZoom());
    this.runningLayout.run();
  }

  /** Positions of the given nodes (model coordinates) and the zoom and pan, for a link. */
  picture(keys: string[]): {
    positions: Record<string, { x: number; y: number }>;
    viewport: { zoom: number; pan: { x: number; y: number } };
  } {
    const positions: Record<string, { x: number; y: number }> = {};
    for (const key of keys) {
      const node = this.cy.getElementById(key);
      if (!node.empty()) positions[key] = { ...node.position() };
    }
    return { positions, viewport: { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } } };
  }

  /**
   * Puts nodes where a link says and the viewport as it was; stops any layout under way (its
   * answer would move them again). Nodes the link does not place keep their places.
   */
  place(
    positions: Record<string, { x: number; y: number }>,
    viewport?: { zoom: number; pan: { x: number; y: number } },
  ): void {
    this.runningLayout?.stop();
    this.layoutJob += 1;
    this.releaseRendering();
    // An animated layout moves each node by its own animation, which stopping the layout leaves running.
    this.cy.nodes().stop(true, false);
    this.cy.batch(() => {
      for (const [key, position] of Object.entries(positions)) {
        const node = this.cy.getElementById(key);
        if (!node.empty()) node.position(position);
      }
    });
    if (viewport) this.cy.viewport({ zoom: viewport.zoom, pan: viewport.pan });
    else this.fit();
  }

  /**
   * A ranking drawn in rings: the centre (if any) alone in the middle, then the ranked nodes, the
   * highest count nearest to it, in at most about six rings; nodes without a count go outside.
   * The toolbar's layout stays what it was (Re-layout goes back to it).
   */
  runRankedLayout(centre: string | null, weights: ReadonlyMap<string, number>): void {
    this.runningLayout?.stop();
    this.layoutJob += 1;
    this.releaseRendering();
    const visible = this.cy.elements().not('.hidden');
    if (visible.empty()) return;
    const top = Math.max(1, ...weights.values());
    const ring = Math.max(1, Math.ceil(top / 6));
    const value = (node: cytoscape.NodeSingular) =>
      node.id() === centre ? top + 2 * ring : (weights.get(node.id()) ?? -ring);
    this.runningLayout = visible.layout({
      name: 'concentric',
      fit: true,
      padding: LAYOUT_PADDING,
      animate: false,
      concentric: value,
      levelWidth: () => ring,
      minNodeSpacing: 28,
    } as cytoscape.LayoutOptions);
    this.runningLayout.one('layoutstop', () => this.capZoom());
    this.runningLayout.run();
  }

  fit(): void {
    const visible = this.cy.elements(':visible');
    this.cy.fit(visible.empty() ? undefined : visible, LAYOUT_PADDING);
    this.capZoom();
  }

  private capZoom(): void {
    if (this.cy.zoom() <= COMFORTABLE_ZOOM) return;
    this.cy.zoom(COMFORTABLE_ZOOM);
    this.cy.center(this.cy.elements(':visible'));
  }

  /** Highlights the given element ids and fades the rest; an empty list clears highlighting. */
  highlight(ids: string[]): void {
    this.highlightGroups(ids.length ? [ids] : []);
  }

  /**
   * Highlights each group of element ids (a path) in its own colour, classes path-0, path-1, …
   * (an element in several groups keeps its first), and fades the rest; no ids clear it.
   */
  highlightGroups(groups: string[][]): void {
    const groupOf = new Map<string, number>();
    groups.forEach((ids, i) => ids.forEach((id) => groupOf.has(id) || groupOf.set(id, i)));
    this.cy.batch(() => {
      this.cy.elements().removeClass(['on-path', 'faded', ...PATH_COLOURS.map((_c, i) => `path-${i}`)]);
      if (groupOf.size === 0) return;
      this.cy.elements().forEach((el) => {
        const i = groupOf.get(el.id());
        el.addClass(i === undefined ? 'faded' : ['on-path', `path-${i % PATH_COLOURS.length}`]);
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

  png(scope: 'canvas' | 'selection'): Blob {
    const options = { output: 'blob' as const, bg: '#ffffff', full: true, scale: 2 };
    if (scope === 'selection') this.hideUnselected(true);
    try {
      return this.cy.png(options);
    } finally {
      if (scope === 'selection') this.hideUnselected(false);
    }
  }

  svg(scope: 'canvas' | 'selection'): string {
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
