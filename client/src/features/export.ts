/**
 * Export of what the canvas shows (filters applied) or of the selection: PNG and SVG drawn by
 * Cytoscape in the browser; GraphML, GEXF, Cytoscape JSON, CSV and JSON formatted by the server
 * from the entity keys. Files are named after what they hold (export-name.ts).
 */
import { api, messageOf, type ExportFormat } from '../api';
import type { GraphCanvas } from '../canvas/graph';
import { byId, clear, h, plural } from '../dom';
import { notify } from '../notify';
import { exportFileName, type ExportContent, type ExportScope } from './export-name';

export type Format = 'png' | 'svg' | ExportFormat;

/** The export menu, in order: images drawn in the browser, then the server's formats. */
export const EXPORT_MENU_FORMATS: readonly { format: Format; label: string; ext: string }[] = [
  { format: 'png', label: 'PNG image', ext: 'png' },
  { format: 'svg', label: 'SVG image', ext: 'svg' },
  { format: 'graphml', label: 'GraphML', ext: 'graphml' },
  { format: 'gexf', label: 'GEXF (Gephi)', ext: 'gexf' },
  { format: 'cyjs', label: 'Cytoscape JSON', ext: 'cyjs' },
  { format: 'csv', label: 'CSV (neo4j-admin, zip)', ext: 'zip' },
  { format: 'json', label: 'JSON', ext: 'json' },
];

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class ExportMenu {
  private readonly button = byId<HTMLButtonElement>('export-button');
  private readonly menu = byId('export-menu');

  constructor(private readonly canvas: GraphCanvas) {
    this.button.addEventListener('click', () => (this.menu.hidden ? this.open() : this.close()));
    document.addEventListener('click', (event) => {
      if (!this.menu.hidden && !this.menu.contains(event.target as Node) && event.target !== this.button)
        this.close();
    });
    this.menu.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.close();
        this.button.focus();
      }
    });
  }

  private open(): void {
    clear(this.menu);
    const onCanvas = exportContent(this.canvas, 'canvas').nodes.length;
    const selected = exportContent(this.canvas, 'selection').nodes.length;
    // What is on the canvas (filters applied) unless the user asks for the selection.
    const scopeCanvas = h('input', {
      type: 'radio',
      name: 'export-scope',
      id: 'export-scope-canvas',
      value: 'canvas',
      checked: true,
    });
    const scopeSelection = h('input', {
      type: 'radio',
      name: 'export-scope',
      id: 'export-scope-selection',
      value: 'selection',
      disabled: selected === 0,
    });
    this.menu.append(
      h(
        'fieldset',
        { class: 'export-scope' },
        h('legend', {}, 'What to export'),
        h(
          'label',
          { class: 'check', for: scopeCanvas.id },
          scopeCanvas,
          `What is shown (${plural(onCanvas, 'entity', 'entities')})`,
        ),
        h(
          'label',
          { class: 'check', for: scopeSelection.id },
          scopeSelection,
          `Selection (${plural(selected, 'entity', 'entities')})`,
        ),
      ),
    );
    for (const item of EXPORT_MENU_FORMATS) {
      const b = h('button', { type: 'button', class: 'menu-item', 'data-format': item.format }, item.label);
      b.addEventListener('click', () => {
        this.close();
        void this.export(item.format, item.ext, scopeSelection.checked ? 'selection' : 'canvas');
      });
      this.menu.append(b);
    }
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.menu.querySelector<HTMLElement>('.menu-item')?.focus();
  }

  private close(): void {
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  async export(format: Format, ext: string, scope: ExportScope): Promise<void> {
    if (this.canvas.isEmpty()) {
      notify('The canvas is empty: add some entities before exporting.', 'warning');
      return;
    }
    const content = exportContent(this.canvas, scope);
    const filename = exportFileName(scope, content, ext);
    try {
      if (format === 'png') return download(this.canvas.png(scope), filename);
      if (format === 'svg')
        return download(new Blob([this.canvas.svg(scope)], { type: 'image/svg+xml' }), filename);
      const keys = content.nodes.map((n) => n.id);
      if (keys.length === 0) {
        notify('There are no entities to export (only posts or channels are shown).', 'warning');
        return;
      }
      const { blob } = await api.exportGraph(format, keys);
      download(blob, filename);
      notify(`Exported ${plural(keys.length, 'entity', 'entities')} as ${format.toUpperCase()}.`, 'success');
    } catch (err) {
      notify(`Export failed: ${messageOf(err)}`, 'error');
    }
  }
}

/**
 * The entities an export holds: those shown on the canvas (not hidden by the filters), or the
 * shown ones that are selected; posts and channels are no entities. Edges are those shown between them.
 */
export function exportContent(canvas: GraphCanvas, scope: ExportScope): ExportContent {
  const shown = canvas.cy
    .nodes()
    .not('.hidden')
    .filter((n) => !['Post', 'Channel'].includes(String(n.data('type'))));
  const nodes = scope === 'selection' ? shown.filter(':selected') : shown;
  const ids = new Set(nodes.map((n) => n.id()));
  return {
    nodes: nodes.map((n) => ({ id: n.id(), label: String(n.data('label') ?? n.id()) })),
    edges: canvas.cy
      .edges()
      .not('.hidden')
      .filter((e) => ids.has(String(e.data('source'))) && ids.has(String(e.data('target'))))
      .map((e) => ({ source: String(e.data('source')), target: String(e.data('target')) })),
  };
}
