/**
 * The view in the URL, so that reload and sharing restore it: entities on the canvas, filters,
 * layout, selection, the saved query with its params, or the path searched.
 * Where the nodes are and the zoom ride along, so a link shows the picture its sender saw. Pure
 * encode/decode plus a writer that makes each change of what is shown a history entry (Back and
 * Forward walk the exploration) while moves, zoom and pan only update the current entry.
 */
import { LAYOUTS, type LayoutName } from './canvas/layouts';
import { NO_FILTERS, type FilterState } from './features/filters';

export interface ViewState {
  nodes: string[];
  filters: FilterState;
  layout: LayoutName;
  selected: string | null;
  query: { name: string; params: Record<string, string> } | null;
  path: { from: string; to: string } | null;
  /** Node positions (model coordinates, rounded), of the nodes listed. */
  positions?: Record<string, { x: number; y: number }>;
  viewport?: { zoom: number; pan: { x: number; y: number } };
}

/** Beyond this many keys the URL stops listing nodes (it would pass browser and proxy limits). */
export const MAX_URL_NODES = 300;

export function emptyView(): ViewState {
  return { nodes: [], filters: { ...NO_FILTERS }, layout: 'fcose', selected: null, query: null, path: null };
}

export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  for (const key of view.nodes.slice(0, MAX_URL_NODES)) params.append('n', key);
  for (const type of view.filters.hiddenTypes) params.append('hide', type);
  for (const rel of view.filters.hiddenRels) params.append('hiderel', rel);
  if (view.filters.dateFrom) params.set('from', view.filters.dateFrom);
  if (view.filters.dateTo) params.set('to', view.filters.dateTo);
  if (view.layout !== 'fcose') params.set('layout', view.layout);
  if (view.selected) params.set('sel', view.selected);
  if (view.query) {
    params.set('q', view.query.name);
    for (const [name, value] of Object.entries(view.query.params)) params.set(`qp.${name}`, value);
  }
  if (view.path) {
    params.set('pf', view.path.from);
    params.set('pt', view.path.to);
  }
  const listed = view.nodes.slice(0, MAX_URL_NODES);
  // One position per listed node, in the same order: "x.y_x.y" (integers; URL-safe as it is).
  if (view.positions && listed.length > 0 && listed.every((key) => view.positions?.[key])) {
    params.set('pos', listed.map((key) => pair(view.positions![key])).join('_'));
  }
  // The zoom of an empty canvas means nothing to whoever opens the link.
  if (view.viewport && listed.length > 0) {
    params.set('z', String(Math.round(view.viewport.zoom * 1000) / 1000));
    params.set('pan', pair(view.viewport.pan));
  }
  return params.toString();
}

const pair = (p: { x: number; y: number }) => `${Math.round(p.x)}.${Math.round(p.y)}`;

function parsePair(text: string): { x: number; y: number } | null {
  const m = /^(-?\d+)\.(-?\d+)$/.exec(text);
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
}

/** The part of a view that is "what is shown": a change of it is a new history entry. */
export function shownPart(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ['pos', 'z', 'pan']) params.delete(name);
  return params.toString();
}

export function decodeView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = emptyView();
  view.nodes = [...new Set(params.getAll('n').filter(Boolean))];
  view.filters = {
    hiddenTypes: params.getAll('hide'),
    hiddenRels: params.getAll('hiderel'),
    dateFrom: validDate(params.get('from')),
    dateTo: validDate(params.get('to')),
  };
  const layout = params.get('layout');
  if (layout && (LAYOUTS as readonly string[]).includes(layout)) view.layout = layout as LayoutName;
  view.selected = params.get('sel');
  const queryName = params.get('q');
  if (queryName) {
    const queryParams: Record<string, string> = {};
    for (const [name, value] of params) if (name.startsWith('qp.')) queryParams[name.slice(3)] = value;
    view.query = { name: queryName, params: queryParams };
  }
  const from = params.get('pf');
  const to = params.get('pt');
  if (from && to) view.path = { from, to };
  // Positions only when there is one for every node (a hand-edited list would misplace them).
  const positions = (params.get('pos') ?? '').split('_').map(parsePair);
  if (view.nodes.length > 0 && positions.length === view.nodes.length && positions.every(Boolean)) {
    view.positions = Object.fromEntries(view.nodes.map((key, i) => [key, positions[i]!]));
  }
  const zoom = Number(params.get('z'));
  const pan = parsePair(params.get('pan') ?? '');
  if (zoom > 0 && Number.isFinite(zoom) && pan) view.viewport = { zoom, pan };
  return view;
}

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/**
 * How a view reaches the address bar: 'push' a new history entry when what is shown changed (else
 * as 'replace'); 'replace' the current entry (a restored link); 'picture' the current entry only
 * while it shows the same things (positions and zoom; a change of content waits for its push).
 */
export type UrlWrite = 'push' | 'replace' | 'picture';

export function writeUrl(view: ViewState, mode: UrlWrite): void {
  const search = encodeView(view);
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  const sameShown = shownPart(search) === shownPart(window.location.search);
  if (mode === 'picture' && !sameShown) return;
  if (mode === 'push' && !sameShown) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}
