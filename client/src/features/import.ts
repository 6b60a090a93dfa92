/**
 * Import of a channel export: drop it anywhere on the page or choose a file. Shows upload and
 * processing progress (polling /api/imports/{id}), then a summary; bad files get a human message.
 */
import type { ImportStatus } from '../../../server/api/contract';
import { api, messageOf } from '../api';
import { byId, clear, h, plural } from '../dom';

const POLL_MS = 400;
/** New entities shown as chips in the summary; the heading gives the exact total. */
const MAX_CHIPS = 30;
const STATE_LABELS: Record<ImportStatus['state'], string> = {
  queued: 'Waiting for its turn…',
  parsing: 'Reading the export…',
  extracting: 'Finding entities and relationships…',
  writing: 'Writing to the graph…',
  done: 'Done',
  failed: 'Failed',
};

export interface ImportActions {
  /** Called when an import finished, with how many entities the graph did not have before. */
  imported(newEntityCount: number): void;
  addEntity(key: string): void;
}

export class Importer {
  private readonly dialog = byId<HTMLDialogElement>('import-dialog');
  private readonly fileInput = byId<HTMLInputElement>('import-file');
  private readonly overlay = byId('drop-overlay');
  private dragDepth = 0;

  constructor(private readonly actions: ImportActions) {
    byId('import-button').addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.upload(file);
      this.fileInput.value = '';
    });
    document.addEventListener('dragenter', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      this.dragDepth += 1;
      this.overlay.hidden = false;
    });
    document.addEventListener('dragleave', () => {
      this.dragDepth = Math.max(0, this.dragDepth - 1);
      if (this.dragDepth === 0) this.overlay.hidden = true;
    });
    document.addEventListener('dragover', (event) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    });
    document.addEventListener('drop', (event) => {
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      this.dragDepth = 0;
      this.overlay.hidden = true;
      void this.upload(event.dataTransfer.files[0]);
    });
  }

  async upload(file: File): Promise<void> {
    const bar = h('progress', { max: 100, value: 0, id: 'import-progress', 'aria-label': 'Import progress' });
    const label = h('p', { class: 'import-state', 'aria-live': 'polite' }, 'Uploading…');
    const body = h(
      'div',
      { class: 'dialog-body' },
      h('p', { class: 'muted' }, file.name, ' · ', formatBytes(file.size)),
      bar,
      label,
    );
    this.openDialog(body);

    let status: ImportStatus;
    try {
      // Upload counts for the first 30 % of the bar, processing for the rest.
      status = await api.importFile(file, (fraction) => (bar.value = Math.round(fraction * 30)));
      while (status.state !== 'done' && status.state !== 'failed') {
        bar.value = 30 + Math.round(status.progress * 70);
        label.textContent = STATE_LABELS[status.state] ?? status.state;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        status = await api.importStatus(status.id);
      }
    } catch (err) {
      this.showFailure(body, file.name, messageOf(err));
      return;
    }
    if (status.state === 'failed') {
      // `reason` is for people; `error` (module, file, CLI advice) only from an older server.
      this.showFailure(body, file.name, status.reason ?? status.error ?? 'the file could not be read.');
      return;
    }
    bar.value = 100;
    this.showSummary(body, status);
    const summary = status.summary;
    this.actions.imported(summary ? (summary.newEntityCount ?? summary.newEntities.length) : 0);
  }

  private openDialog(body: HTMLElement): void {
    clear(this.dialog);
    const close = h(
      'button',
      { type: 'button', class: 'button icon-button dialog-close', 'aria-label': 'Close import' },
      '×',
    );
    close.addEventListener('click', () => this.dialog.close());
    this.dialog.append(
      h(
        'header',
        { class: 'dialog-header' },
        h('h2', { id: 'import-title' }, 'Import a channel export'),
        close,
      ),
      body,
    );
    if (!this.dialog.open) this.dialog.showModal();
  }

  private showFailure(body: HTMLElement, fileName: string, reason: string): void {
    clear(body);
    body.append(
      h(
        'p',
        { class: 'error-text', role: 'alert', id: 'import-error' },
        `“${fileName}” was not imported: ${reason}`,
      ),
      h(
        'p',
        { class: 'muted' },
        'Supported: Telegram Desktop exports (result.json or messages.html), saved t.me/s/ channel pages, and plain-text channel dumps.',
      ),
    );
  }

  private showSummary(body: HTMLElement, status: ImportStatus): void {
    clear(body);
    const summary = status.summary;
    if (!summary) {
      body.append(h('p', { id: 'import-summary' }, 'The import finished.'));
      return;
    }
    const relations = Object.entries(summary.relations).filter(([, n]) => n > 0);
    const newCount = summary.newEntityCount ?? summary.newEntities.length;
    // Chips show names as the posts write them; keys are the lower-cased lookup form.
    const newOnes = summary.newEntities.slice(0, MAX_CHIPS).map((key) => {
      const b = h(
        'button',
        { type: 'button', class: 'chip', 'data-key': key },
        summary.newEntityNames?.[key] ?? key,
      );
      b.addEventListener('click', () => {
        this.dialog.close();
        this.actions.addEntity(key);
      });
      return b;
    });
    body.append(
      h(
        'div',
        { id: 'import-summary', class: 'import-summary', role: 'status' },
        h(
          'p',
          { class: 'success-text' },
          `Imported ${plural(summary.posts, 'post')} and ${plural(summary.entities, 'entity', 'entities')} in ${summary.seconds.toFixed(1)} s.`,
        ),
        relations.length
          ? h(
              'ul',
              { class: 'degree-list' },
              ...relations.map(([type, n]) => h('li', {}, h('span', { class: 'rel-type' }, type), ` ${n}`)),
            )
          : h('p', { class: 'muted' }, 'No relationships between entities were found.'),
        newOnes.length
          ? h('h3', {}, `New entities (${newCount.toLocaleString('en')}) — click to add to the canvas`)
          : h('p', { class: 'muted' }, 'No new entities: everything was already in the graph.'),
        newOnes.length ? h('div', { class: 'chips' }, ...newOnes) : null,
        newCount > newOnes.length
          ? h('p', { class: 'muted' }, `The first ${newOnes.length} are shown; search finds all of them.`)
          : null,
      ),
    );
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
