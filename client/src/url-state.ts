/**
 * The view in the URL, so that reload and sharing restore it: entities on the canvas, filters,
 * layout, selection, the saved query with its params, or the path searched.
 * Pure encode/decode plus a replaceState writer (no history entry per click).
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
  return view;
}

function validDate(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function writeUrl(view: ViewState): void {
  const search = encodeView(view);
  const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
  if (url !== `${window.location.pathname}${window.location.search}`)
    window.history.replaceState(null, '', url);
}
