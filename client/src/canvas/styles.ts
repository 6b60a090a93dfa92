/**
 * One look per node type (colour + shape, both so that colour is never the only cue) and the
 * Cytoscape stylesheet. The same table feeds the legend, the search icons and the filters.
 */
import type cytoscape from 'cytoscape';

export interface TypeStyle {
  color: string;
  shape:
    | 'ellipse'
    | 'round-rectangle'
    | 'diamond'
    | 'hexagon'
    | 'barrel'
    | 'rectangle'
    | 'round-triangle'
    | 'round-pentagon'
    | 'octagon'
    | 'tag';
}

// One list of types for the whole project: the vocabulary is pure (no Node APIs), so the client
// bundles it instead of keeping its own copy.
export {
  ENTITY_TYPES as ENTITY_TYPE_NAMES,
  RELATION_TYPES as RELATION_TYPE_NAMES,
} from '../../../vocabulary/types';

/**
 * Path highlight colours, one per path in order (then again from the first): none is the amber
 * of the selection (#f59e0b) or an entity type's fill (below); the canvas draws them
 * as a ring around the node, apart from its outline, and on the path's edges.
 */
export const PATH_COLOURS = ['#0ea5e9', '#c026d3', '#65a30d', '#e11d48', '#4338ca', '#111827'] as const;

/** Border of selected nodes and colour of selected edges (amber). */
export const SELECTION_COLOUR = '#f59e0b';

export const TYPE_STYLES: Record<string, TypeStyle> = {
  Organization: { color: '#2563eb', shape: 'round-rectangle' },
  Person: { color: '#db2777', shape: 'ellipse' },
  Model: { color: '#7c3aed', shape: 'diamond' },
  Library: { color: '#059669', shape: 'hexagon' },
  Dataset: { color: '#b45309', shape: 'barrel' },
  Repository: { color: '#334155', shape: 'rectangle' },
  Event: { color: '#dc2626', shape: 'round-triangle' },
  Product: { color: '#0e7490', shape: 'round-pentagon' },
  Post: { color: '#94a3b8', shape: 'tag' },
  Channel: { color: '#78716c', shape: 'octagon' },
};
const FALLBACK: TypeStyle = { color: '#64748b', shape: 'ellipse' };

export function styleFor(type: string): TypeStyle {
  return TYPE_STYLES[type] ?? FALLBACK;
}

/** SVG outline (viewBox 0 0 16 16) of each shape, for icons that match the canvas. */
const SHAPE_PATHS: Record<TypeStyle['shape'], string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.001 0Z',
  'round-rectangle': 'M4 2h8a3 3 0 0 1 3 3v6a3 3 0 0 1-3 3H4a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3Z',
  diamond: 'M8 1l7 7-7 7-7-7Z',
  hexagon: 'M4.5 1.5h7L15 8l-3.5 6.5h-7L1 8Z',
  barrel: 'M3 2h10q2 6 0 12H3q-2-6 0-12Z',
  rectangle: 'M1.5 2.5h13v11h-13Z',
  'round-triangle': 'M8 1.5l7 12.5H1Z',
  'round-pentagon': 'M8 1l7 5-2.7 8.5H3.7L1 6Z',
  octagon: 'M5 1h6l4 4v6l-4 4H5l-4-4V5Z',
  tag: 'M1.5 3h9l4 5-4 5h-9Z',
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A small coloured shape; decorative (the type name is always written next to it). */
export function typeIcon(type: string, size = 16): SVGSVGElement {
  const style = styleFor(type);
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('type-icon');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', SHAPE_PATHS[style.shape]);
  path.setAttribute('fill', style.color);
  svg.appendChild(path);
  return svg;
}

/** Node size grows with degree but stays readable at both ends. */
const MIN_SIZE = 22;
const MAX_SIZE = 70;
const DEGREE_FOR_MAX = 40;
const POST_SIZE = 14;

/**
 * The width (= height) the stylesheet gives a node, for layouts computed without the stylesheet
 * (the layout worker): the same linear mapping as `mapData(degree, …)` below, clamped at both ends.
 */
export function nodeDiameter(type: unknown, degree: unknown): number {
  if (type === 'Post') return POST_SIZE;
  const d = Number(degree);
  if (!(d > 0)) return MIN_SIZE;
  return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.min(1, d / DEGREE_FOR_MAX);
}

export function buildStylesheet(): cytoscape.StylesheetJson {
  const typeRules = Object.entries(TYPE_STYLES).map(([type, style]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': style.color, shape: style.shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: `mapData(degree, 0, ${DEGREE_FOR_MAX}, ${MIN_SIZE}, ${MAX_SIZE})`,
        height: `mapData(degree, 0, ${DEGREE_FOR_MAX}, ${MIN_SIZE}, ${MAX_SIZE})`,
        'background-color': FALLBACK.color,
        'font-size': 11,
        'font-family': 'Inter, system-ui, sans-serif',
        color: '#0f172a',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-max-width': '140px',
        'text-wrap': 'ellipsis',
        // Labels vanish when zoomed out: drawing thousands of labels is what makes big graphs slow.
        'min-zoomed-font-size': 7,
      },
    },
    ...typeRules,
    { selector: 'node[type = "Post"]', style: { width: POST_SIZE, height: POST_SIZE, label: '' } },
    // Every edge: a straight "haystack" line, the cheapest Cytoscape draws (no bezier bundling of
    // parallel edges, no arrow head, no label). Large graphs keep it so: measuring thousands of label
    // boxes is a large share of the first render, and the relationship type is one click away in the
    // details panel. Few properties also mean less style work per edge (ui.bench, renderer CPU).
    {
      selector: 'edge',
      style: {
        width: 'mapData(count, 1, 10, 1.2, 5)',
        'line-color': '#cbd5e1',
        'curve-style': 'haystack',
      },
    },
    // Graphs below LARGE_GRAPH (graph.ts gives their edges the 'detail' class): curved edges with
    // arrow heads and their relationship type as a label.
    {
      selector: 'edge.detail',
      style: {
        'target-arrow-color': '#cbd5e1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 9,
      },
    },
    // Large graphs: node labels only from a closer zoom, so the overview is shapes, not a carpet of text.
    { selector: 'node.fast', style: { 'min-zoomed-font-size': 10 } },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dashed', label: '' } },
    // Co-mentions have no direction; their label is the number of shared posts (their width too).
    {
      selector: 'edge.detail[type = "CO_MENTIONED"]',
      style: { label: 'data(count)', 'target-arrow-shape': 'none', 'line-color': '#94a3b8' },
    },
    { selector: '.hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    // Highlighted elements (a path, or the elements given to highlight()): a ring and edges in
    // the highlight colour, each path its own (path-0, path-1, …), never the selection's amber.
    {
      selector: 'node.on-path',
      style: { 'outline-width': 4, 'outline-offset': 2, 'outline-color': PATH_COLOURS[0], opacity: 1 },
    },
    {
      selector: 'edge.on-path',
      style: {
        'line-color': PATH_COLOURS[0],
        'target-arrow-color': PATH_COLOURS[0],
        width: 4,
        opacity: 1,
        'z-index': 10,
      },
    },
    ...PATH_COLOURS.flatMap((colour, i) => [
      { selector: `node.path-${i}`, style: { 'outline-color': colour } },
      { selector: `edge.path-${i}`, style: { 'line-color': colour, 'target-arrow-color': colour } },
    ]),
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': SELECTION_COLOUR } },
    {
      selector: 'edge:selected',
      style: { 'line-color': SELECTION_COLOUR, 'target-arrow-color': SELECTION_COLOUR, width: 3 },
    },
    { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#0f172a' } },
  ];
}
