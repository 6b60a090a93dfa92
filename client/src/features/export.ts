/**
 * Export of the current view or the selection: PNG and SVG drawn by Cytoscape in the browser;
 * GraphML, GEXF, Cytoscape JSON, CSV and JSON formatted by the server from the entity keys.
 */
import { api, messageOf, type ExportFormat } from '../api';
import type { GraphCanvas } from '../canvas/graph';
import { byId, clear, h } from '../dom';
import { notify } from '../notify';

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
    const selected = this.canvas.selectedEntityKeys().length;
    const scopeView = h('input', {
      type: 'radio',
      name: 'export-scope',
      id: 'export-scope-view',
      value: 'view',
      checked: selected === 0,
    });
    const scopeSelection = h('input', {
      type: 'radio',
      name: 'export-scope',
      id: 'export-scope-selection',
      value: 'selection',
      checked: selected > 0,
      disabled: selected === 0,
    });
    this.menu.append(
      h(
        'fieldset',
        { class: 'export-scope' },
        h('legend', {}, 'What to export'),
        h('label', { class: 'check', for: scopeView.id }, scopeView, 'Current view'),
        h('label', { class: 'check', for: scopeSelection.id }, scopeSelection, `Selection (${selected})`),
      ),
    );
    for (const item of EXPORT_MENU_FORMATS) {
      const b = h('button', { type: 'button', class: 'menu-item', 'data-format': item.format }, item.label);
      b.addEventListener('click', () => {
        this.close();
        void this.export(item.format, item.ext, scopeSelection.checked ? 'selection' : 'view');
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

  async export(format: Format, ext: string, scope: 'view' | 'selection'): Promise<void> {
    if (this.canvas.isEmpty()) {
      notify('The canvas is empty: add some entities before exporting.', 'warning');
      return;
    }
    const stamp = new Date().toISOString().slice(0, 10);
    const base = `ml-graph-${scope}-${stamp}`;
    try {
      if (format === 'png') return download(this.canvas.png(scope), `${base}.png`);
      if (format === 'svg')
        return download(new Blob([this.canvas.svg(scope)], { type: 'image/svg+xml' }), `${base}.svg`);
      const keys = scope === 'selection' ? this.canvas.selectedEntityKeys() : this.canvas.entityKeys();
      if (keys.length === 0) {
        notify('There are no entities to export (only posts or channels are shown).', 'warning');
        return;
      }
      const { blob, filename } = await api.exportGraph(format, keys);
      download(blob, filename ?? `${base}.${ext}`);
      notify(`Exported ${keys.length} entities as ${format.toUpperCase()}.`, 'success');
    } catch (err) {
      notify(`Export failed: ${messageOf(err)}`, 'error');
    }
  }
}
