/**
 * Entry point: builds the panels, connects them to the canvas and keeps the URL in step with the
 * view. Each feature lives in its own module; this file only wires them together.
 */
import './styles.css';
import type { CyElement, GraphResponse, QueryResult, SearchHit } from '../../server/api/contract';
import { api, messageOf, onPendingChange } from './api';
import { enableCanvasKeyboard } from './canvas/keyboard';
import { GraphCanvas, LAYOUTS, type AddResult, type LayoutName } from './canvas/graph';
import { samplingWarning } from './canvas/sampling';
import { byId, clear, debounce, h, plural } from './dom';
import { ChannelsPanel } from './features/channels';
import { CypherPanel } from './features/cypher-editor';
import { DetailsPanel } from './features/details';
import { EntityPicker } from './features/entity-picker';
import { ExportMenu } from './features/export';
import { FiltersPanel, edgePasses, nodePasses, renderLegend } from './features/filters';
import { FollowPanel } from './features/follow';
import { Importer } from './features/import';
import { pathGroups } from './features/path-groups';
import { OverviewPanel, monthOfRange, monthRange } from './features/overview';
import { PathsPanel } from './features/paths';
import { PostViewer } from './features/post-viewer';
import { QueriesPanel } from './features/queries';
import { ResultsTable } from './features/results';
import { resultShape, starEdges } from './features/result-shape';
import { notify } from './notify';
import { healthClass, healthText } from './health-text';
import { fetchKnownSubgraph, fetchSubgraph } from './restore';
import { setUpSettings } from './settings';
import { enableSkipLinks } from './skip-links';
import { decodeView, encodeView, shownPart, writeUrl, type UrlWrite, type ViewState } from './url-state';

const NEIGHBOUR_LIMIT = 60;

// ---- canvas ---------------------------------------------------------------------------------
const canvas = new GraphCanvas(byId('cy'), {
  onNodeTap: (data) => {
    if (data.type === 'Post') void postViewer.open(String(data.id).replace(/^post:/, ''));
    else if (data.type !== 'Channel') void details.showEntity(data.id);
    syncUrl();
  },
  onEdgeTap: (data) => void details.showEdge(data),
  onNodeDoubleTap: (data) => {
    if (data.type !== 'Post' && data.type !== 'Channel') void expand(data.id);
  },
  onBackgroundTap: () => {
    details.showEmpty();
    canvas.highlight([]);
    syncUrl();
  },
  onContentChange: () => contentChanged(),
});

enableCanvasKeyboard(byId('cy'), canvas, {
  open: (data) => {
    if (data.type === 'Post') void postViewer.open(String(data.id).replace(/^post:/, ''));
    else if (data.type !== 'Channel') void details.showEntity(data.id);
  },
  expand: (key) => void expand(key),
});
enableSkipLinks();

// Cytoscape must be told when its container changes size (results drawer, window resize).
new ResizeObserver(() => canvas.cy.resize()).observe(byId('cy'));

const details = new DetailsPanel(byId('details'), {
  expand: (key) => void expand(key),
  remove: (key) => {
    canvas.remove([key]);
    details.showEmpty();
  },
  removeLeaves: (key) => {
    const n = canvas.removeLeaves(key);
    notify(n ? `Removed ${plural(n, 'leaf', 'leaves')}.` : 'It has no leaves on the canvas.', 'info');
  },
  pathFrom: (key, name) => {
    paths.setFrom({ key, name, type: 'Organization', aliases: [], mentionCount: 0, score: 0 });
    selectTab('paths');
    byId('path-to').focus();
  },
  openPost: (id, terms, sentences) => void postViewer.open(id, terms, sentences),
  select: (key) => selectNode(key),
  nameOf: (key) => String(canvas.nodeData(key)?.label ?? key),
});

const postViewer = new PostViewer((key) => void focusEntity(key));

// The first screen, in the empty canvas: every item leads into the canvas.
const overview = new OverviewPanel(byId('empty-state'), {
  openEntity: (key) => void focusEntity(key),
  openPost: (id) => void postViewer.open(id),
  pickMonth: (month) => {
    const [dateFrom, dateTo] = monthRange(month);
    filters.set({ ...filters.value, dateFrom, dateTo });
    overview.markMonth(month);
    applyFilters();
    syncUrl();
    selectTab('filters');
    notify(`Date filter set to ${month}: entities you add now show what was said that month.`, 'info');
  },
});

// ---- search ---------------------------------------------------------------------------------
const search = new EntityPicker({
  label: 'Search entities',
  placeholder: 'Models, labs, people…  (press /)',
  id: 'search-input',
  onPick: (hit: SearchHit) => void focusEntity(hit.key),
});
byId('search').append(search.root);

// ---- sidebar panels -----------------------------------------------------------------------
const filters = new FiltersPanel(byId('panel-filters'), (state) => {
  overview.markMonth(monthOfRange(state.dateFrom, state.dateTo));
  applyFilters();
  syncUrl();
});
renderLegend(byId('legend'));

const paths = new PathsPanel(byId('panel-paths'), {
  show: (response) => {
    const result = addToCanvas(response.elements);
    if (result.added) canvas.runLayout();
    const groups = pathGroups(response);
    canvas.highlightGroups(groups.length ? groups : [response.elements.map((e) => e.data.id)]);
  },
  highlight: (groups) => canvas.highlightGroups(groups),
  openPost: (id, terms, sentences) => void postViewer.open(id, terms, sentences),
  select: (key) => selectNode(key),
  changed: () => syncUrl(),
});

const results = new ResultsTable(byId('results'), (key) => void focusEntity(key));
function showResult(title: string, result: QueryResult, replaceCanvas: boolean): void {
  if (replaceCanvas) {
    canvas.clear();
    paths.current = null;
  }
  const shape = resultShape(result);
  const elements = shape.kind === 'star' ? [...result.elements, ...starEdges(shape)] : result.elements;
  const added = addToCanvas(elements, undefined, result.truncated !== false);
  results.show(title, result);
  // The drawer has just taken room from the canvas: the layout must fit what is left, not wait
  // for the ResizeObserver.
  canvas.cy.resize();
  if (shape.kind === 'plain') {
    if (added.added) canvas.runLayout(undefined, { randomize: replaceCanvas });
    return;
  }
  // A ranking is drawn in rings around its centre, or around its top entities.
  canvas.runRankedLayout(shape.kind === 'star' ? shape.centre : null, shape.weights);
  if (shape.kind === 'ranking') void linkRanking(shape.weights);
}

/** The relationships among a ranking's entities, so that they are not a grid of lone dots. */
async function linkRanking(weights: ReadonlyMap<string, number>): Promise<void> {
  try {
    const between = await fetchSubgraph([...weights.keys()]);
    const added = addToCanvas(between.filter((e) => e.group === 'edges'));
    if (added.added) canvas.runRankedLayout(null, weights);
  } catch (err) {
    notify(`Could not draw the relationships among the results: ${messageOf(err)}`, 'warning');
  }
}
const queries = new QueriesPanel(byId('panel-queries'), { showResult, changed: () => syncUrl() });
const cypher = new CypherPanel(byId('panel-cypher'), {
  showResult: (title, result, replace) => {
    queries.current = null;
    showResult(title, result, replace);
    syncUrl();
  },
  clearResult: () => results.hide(),
});

const channels = new ChannelsPanel(byId('panel-channels'), {
  deleted: (deletion) => {
    // Entities that went with the channel leave the canvas too; those that stay may have lost
    // posts, relations or their type vote, so their data is read again.
    const gone = deletion.deletedEntities.filter((key) => canvas.has(key));
    if (gone.length > 0) canvas.remove(gone);
    void refreshCanvasData();
    details.reload();
    void showHealth();
  },
});

new ExportMenu(canvas);
new FollowPanel(() => {
  notify('A followed channel was fetched: new posts are searchable.', 'success');
  void overview.load();
});

new Importer({
  imported: (newEntityCount) => {
    void overview.load();
    // The header's node and relationship counts, now rather than at the next poll.
    void checkHealth();
    notify(
      `Import finished: ${plural(newEntityCount, 'new entity', 'new entities')} now searchable.`,
      'success',
    );
    void channels.refresh();
  },
  addEntity: (key) => void focusEntity(key),
});
setUpSettings();

// ---- tabs (arrow keys move between them, as in the ARIA tabs pattern) -------------------------
const TAB_NAMES = ['filters', 'paths', 'queries', 'cypher', 'channels'] as const;
type TabName = (typeof TAB_NAMES)[number];
function selectTab(name: TabName, focus = false): void {
  for (const tab of TAB_NAMES) {
    const button = byId(`tab-${tab}`);
    const selected = tab === name;
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`panel-${tab}`).hidden = !selected;
    if (selected && focus) button.focus();
  }
  if (name === 'queries') void queries.load();
  if (name === 'cypher') void cypher.ensure();
  if (name === 'channels') void channels.load();
}
TAB_NAMES.forEach((name, index) => {
  const button = byId(`tab-${name}`);
  button.addEventListener('click', () => selectTab(name));
  button.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    selectTab(TAB_NAMES[(index + step + TAB_NAMES.length) % TAB_NAMES.length], true);
  });
});

// ---- toolbar ----------------------------------------------------------------------------------
function toolbarButton(label: string, title: string, run: () => void, id?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'button small', title, id });
  b.append(label);
  b.addEventListener('click', run);
  return b;
}
const layoutSelect = h(
  'select',
  { id: 'layout-select', 'aria-label': 'Layout' },
  ...LAYOUTS.map((name) => h('option', { value: name }, name)),
);
layoutSelect.addEventListener('change', () => {
  canvas.runLayout(layoutSelect.value as LayoutName, { randomize: true });
  syncUrl();
});
byId('toolbar').append(
  h('label', { for: 'layout-select', class: 'toolbar-label' }, 'Layout'),
  layoutSelect,
  toolbarButton('Re-layout', 'Run the layout again', () => canvas.runLayout(undefined, { randomize: true })),
  toolbarButton('Fit', 'Fit the graph to the screen', () => canvas.fit(), 'fit-button'),
  h('span', { class: 'toolbar-sep', 'aria-hidden': 'true' }),
  toolbarButton('Expand selected', 'Add the neighbours of the selected nodes', () => {
    for (const key of canvas.selectedEntityKeys().slice(0, 10)) void expand(key);
  }),
  toolbarButton(
    'Remove selected',
    'Remove the selected nodes (Delete)',
    () => removeSelected(),
    'remove-selected',
  ),
  toolbarButton('Clear', 'Remove everything from the canvas', () => {
    canvas.clear();
    results.hide();
    details.showEmpty();
    queries.current = null;
    paths.current = null;
    syncUrl();
  }),
);

// ---- actions ----------------------------------------------------------------------------------
function addToCanvas(elements: CyElement[], near?: string, truncated = false): AddResult {
  const result = canvas.add(elements, near);
  const sampled = samplingWarning(result.sampledOut);
  if (sampled) {
    notify(sampled, 'warning', 12000);
  } else if (truncated) {
    notify('The server cut this result at its limit; not every neighbour is shown.', 'warning');
  }
  applyFilters();
  return result;
}

async function loadNeighbourhood(key: string): Promise<GraphResponse> {
  return api.neighbours(key, {
    limit: NEIGHBOUR_LIMIT,
    depth: 1,
    types: filters.typesForQuery(),
    rels: filters.relsForQuery(),
  });
}

/** Search pick, post mention, import summary: put the entity and its neighbourhood on the canvas. */
async function focusEntity(key: string): Promise<void> {
  try {
    const graph = await loadNeighbourhood(key);
    const result = addToCanvas(graph.elements, canvas.has(key) ? key : undefined, graph.truncated);
    if (!canvas.has(key)) {
      notify(`“${key}” is not in the graph.`, 'warning');
      return;
    }
    if (result.added) canvas.runLayout(undefined, { randomize: canvas.size().nodes === result.added });
    selectNode(key);
  } catch (err) {
    notify(`Could not load “${key}”: ${messageOf(err)}`, 'error');
  }
}

async function expand(key: string): Promise<void> {
  try {
    const graph = await loadNeighbourhood(key);
    const result = addToCanvas(graph.elements, key, graph.truncated);
    if (result.added === 0)
      notify('No new neighbours to add (all are on the canvas or hidden by filters).', 'info');
    else canvas.runLayout();
  } catch (err) {
    notify(`Could not expand “${key}”: ${messageOf(err)}`, 'error');
  }
}

async function refreshCanvasData(): Promise<void> {
  const keys = canvas.entityKeys();
  if (keys.length === 0) return;
  try {
    canvas.refreshData(keys, await fetchSubgraph(keys));
    applyFilters();
  } catch (err) {
    notify(`Could not refresh the canvas: ${messageOf(err)}`, 'warning');
  }
}

function selectNode(key: string): void {
  if (!canvas.has(key)) {
    void focusEntity(key);
    return;
  }
  canvas.select(key);
  void details.showEntity(key);
  syncUrl();
}

function removeSelected(): void {
  const n = canvas.removeSelected();
  if (n) details.showEmpty();
  else notify('Select nodes first (click, or drag with Shift held).', 'info');
}

function applyFilters(): void {
  const state = filters.value;
  canvas.applyVisibility(
    (data) => nodePasses(state, data),
    (data) => edgePasses(state, data),
  );
  updateStats();
}

function updateStats(): void {
  const { nodes, edges } = canvas.size();
  byId('empty-state').hidden = nodes > 0;
  byId('canvas-stats').textContent = nodes ? `${plural(nodes, 'node')} · ${plural(edges, 'edge')}` : '';
}

function contentChanged(): void {
  if (details.shown && !canvas.has(details.shown)) details.showEmpty();
  filters.noteRelTypes(canvas.edgeTypes());
  updateStats();
  syncUrl();
}

// ---- URL state --------------------------------------------------------------------------------
let restoring = false;
function currentView(): ViewState {
  const selected = canvas.cy.nodes(':selected');
  const nodes = canvas.entityKeys();
  return {
    nodes,
    filters: filters.value,
    layout: canvas.layout,
    selected: selected.length === 1 ? selected[0].id() : null,
    query: queries.current,
    path: paths.current,
    ...canvas.picture(nodes),
  };
}
const syncUrlNow = (mode: UrlWrite) => {
  if (!restoring) writeUrl(currentView(), mode);
};
/** A change of what is shown: a history entry (several within 150 ms are one). */
const syncUrl = debounce(() => syncUrlNow('push'), 150);
/** Nodes moved, zoom or pan: the current entry follows (never a new one). */
const syncPicture = debounce(() => syncUrlNow('picture'), 300);
canvas.cy.on('layoutstop dragfree viewport', () => syncPicture());

async function restore(view: ViewState): Promise<void> {
  restoring = true;
  try {
    filters.set(view.filters);
    layoutSelect.value = view.layout;
    if (view.nodes.length) {
      try {
        const { elements, missing } = await fetchKnownSubgraph(view.nodes);
        addToCanvas(elements);
        canvas.runLayout(view.layout, { randomize: true });
        if (missing.length > 0) notify(skippedNotice(missing), 'warning', 12000);
      } catch (err) {
        notify(`Could not restore the view from the link: ${messageOf(err)}`, 'error');
      }
    }
    if (view.query) {
      selectTab('queries');
      await queries.select(view.query.name, view.query.params, true, view.nodes.length > 0);
    }
    if (view.path) {
      selectTab('paths');
      await paths.find(view.path.from, view.path.to, view.path.from, view.path.to);
    }
    if (view.selected && canvas.has(view.selected)) {
      canvas.select(view.selected);
      void details.showEntity(view.selected);
    }
    // Last, so that no layout (or pan to the selection) above moves the picture the link has.
    if (view.positions) canvas.place(view.positions, view.viewport);
  } finally {
    restoring = false;
    syncUrlNow('replace');
  }
}

/** "“x” from the link is no longer in the graph and was left out." */
function skippedNotice(missing: string[]): string {
  const names = missing.slice(0, 5).map((key) => `“${key}”`);
  if (missing.length > 5) names.push(`${missing.length - 5} more`);
  return missing.length === 1
    ? `${names[0]} from the link is no longer in the graph and was left out; the rest is shown.`
    : `${names.join(', ')} from the link are no longer in the graph and were left out; the rest is shown.`;
}

// Back and Forward: the view of that history entry. Only a selection (or the picture) changed:
// select in place; anything else: the canvas is rebuilt from the entry, as from a shared link.
window.addEventListener('popstate', () => {
  const view = decodeView(window.location.search);
  const now = currentView();
  if (sameContent(view, now)) {
    restoring = true;
    if (view.positions) canvas.place(view.positions, view.viewport);
    if (view.selected && canvas.has(view.selected)) {
      canvas.select(view.selected);
      void details.showEntity(view.selected);
    } else {
      canvas.cy.nodes(':selected').unselect();
      details.showEmpty();
    }
    restoring = false;
    return;
  }
  canvas.clear();
  results.hide();
  details.showEmpty();
  queries.current = null;
  paths.current = null;
  void restore(view);
});

/** Whether two views show the same things (they may differ in selection, positions and zoom). */
function sameContent(a: ViewState, b: ViewState): boolean {
  const strip = (view: ViewState) => shownPart(encodeView({ ...view, selected: null }));
  return strip(a) === strip(b);
}

// ---- keyboard and status ------------------------------------------------------------------------
function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) ||
      !!el.closest('.cm-editor'))
  );
}
document.addEventListener('keydown', (event) => {
  if (typingInField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    search.input.focus();
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && canvas.cy.$(':selected').length) {
    event.preventDefault();
    removeSelected();
  } else if (event.key === 'Escape') {
    canvas.highlight([]);
  }
});

onPendingChange((count) => {
  byId('loading-bar').hidden = count === 0;
  document.body.setAttribute('aria-busy', String(count > 0));
});

/**
 * How often the health line is asked again: the database can die (and be restarted by the server)
 * while the page is open, and the line must say so; more often while it is not answering.
 */
const HEALTH_POLL_MS = 15_000;
const HEALTH_RETRY_MS = 3000;

/** Asks for the health once and shows it; true when the database answers. */
async function checkHealth(): Promise<boolean> {
  try {
    const health = await api.health();
    renderHealth(healthClass(health), healthText(health));
    return health.status === 'ok' && health.database.reachable;
  } catch (err) {
    renderHealth('health-bad', messageOf(err));
    return false;
  }
}

async function showHealth(): Promise<void> {
  const ok = await checkHealth();
  // The server restarts a database that died; the line says so until it is back, then recovers.
  window.setTimeout(() => void showHealth(), ok ? HEALTH_POLL_MS : HEALTH_RETRY_MS);
}

/** Only on a change: the line is a live region, and a screen reader would repeat every poll. */
function renderHealth(className: string, text: string): void {
  const el = byId('health');
  if (el.classList.contains(className) && el.textContent === text) return;
  clear(el);
  el.className = `health ${className}`;
  el.append(h('span', { class: 'dot', 'aria-hidden': 'true' }), text);
}

// Handle for end-to-end tests, the canvas measurement script and debugging from the console.
declare global {
  interface Window {
    explorer?: { cy: GraphCanvas['cy']; canvas: GraphCanvas; ready: Promise<void> };
  }
}
const ready = (async () => {
  updateStats();
  void showHealth();
  const overviewShown = overview.load();
  await restore(decodeView(window.location.search));
  await overviewShown;
  document.body.dataset.ready = 'true';
})();
window.explorer = { cy: canvas.cy, canvas, ready };
