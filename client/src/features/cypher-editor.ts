/**
 * Read-only Cypher editor (CodeMirror 6 + @neo4j-cypher/codemirror, loaded on first use because the
 * Cypher grammar is large). Ctrl/Cmd+Enter runs; errors are rephrased in plain words.
 */
import type { QueryResult } from '../../../server/api/contract';
import { ApiRequestError, api, messageOf } from '../api';
import { h } from '../dom';
import { SCHEMA_QUERY, schemaFrom, type CypherSchema } from './cypher-schema';
import { truncationNote } from './results';

const EXAMPLE = `// Read-only: MATCH ... RETURN. Nodes and relationships returned also appear on the canvas.
MATCH (m:Model)<-[r:RELEASED]-(o:Organization)
RETURN o, r, m
LIMIT 25`;

/** Turns a database error into a sentence; keeps the position (line/column) when there is one. */
export function explainCypherError(err: unknown): string {
  const raw = messageOf(err);
  // A missing token (403, or 401 when the server asks for one) is not a read-only refusal, although
  // its wording ("set the access token") would match the write check below.
  if (
    err instanceof ApiRequestError &&
    (err.code === 'forbidden' || err.code === 'unauthorized') &&
    /token|auth/i.test(raw)
  )
    return raw;
  if (
    /write|read[- ]?only|not allowed|forbidden|updat|creat|delet|merge|\bset\b/i.test(raw) &&
    !/invalid input/i.test(raw)
  ) {
    return `This editor only reads the graph: queries that create, change or delete data are refused. (${firstLine(raw)})`;
  }
  const position = /line (\d+), column (\d+)/i.exec(raw);
  if (/invalid input|syntax|mismatched|extraneous|expected/i.test(raw)) {
    const where = position ? ` at line ${position[1]}, column ${position[2]}` : '';
    return `The query has a syntax error${where}: ${firstLine(raw).replace(/\s*\(line \d+, column \d+.*$/i, '')}`;
  }
  if (/unknown function|not defined|variable .* not defined/i.test(raw))
    return `The query uses a name the database does not know: ${firstLine(raw)}`;
  if (err instanceof ApiRequestError && err.code === 'timeout')
    return 'The query ran too long and was stopped. Add a LIMIT or narrow the MATCH.';
  return `The query could not run: ${firstLine(raw)}`;
}

/** First line, without the server's origin prefixes ("api/cypher: query: ..."). */
function firstLine(text: string): string {
  return text
    .split('\n')[0]
    .trim()
    .replace(/^(?:[\w/-]+: )+/, '');
}

export interface CypherActions {
  showResult(title: string, result: QueryResult, replaceCanvas: boolean): void;
  /** The query failed: the table of an earlier query must not look like its answer. */
  clearResult(): void;
}

interface EditorHandle {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
}

export class CypherPanel {
  private editor: EditorHandle | null = null;
  private readonly host = h('div', { class: 'cypher-host', id: 'cypher-editor' });
  private readonly status = h('div', { class: 'cypher-status', 'aria-live': 'polite' });
  private readonly replace = h('input', { type: 'checkbox', id: 'cypher-replace', checked: true });

  constructor(
    root: HTMLElement,
    private readonly actions: CypherActions,
  ) {
    const run = h(
      'button',
      { type: 'button', class: 'button primary', id: 'cypher-run' },
      'Run (Ctrl+Enter)',
    );
    run.addEventListener('click', () => void this.run());
    // The sidebar is narrow for a query; widened, it takes about half the window (the canvas shrinks).
    const widen = h(
      'button',
      { type: 'button', class: 'button small', id: 'cypher-widen', 'aria-pressed': 'false' },
      'Widen editor',
    );
    widen.addEventListener('click', () => {
      const wide = widen.getAttribute('aria-pressed') !== 'true';
      widen.setAttribute('aria-pressed', String(wide));
      widen.textContent = wide ? 'Narrow editor' : 'Widen editor';
      document.body.classList.toggle('cypher-wide', wide);
    });
    root.append(
      h(
        'div',
        { class: 'panel-title-row' },
        h('h2', { class: 'panel-title', id: 'cypher-title' }, 'Cypher (read-only)'),
        widen,
      ),
      this.host,
      h(
        'div',
        { class: 'row' },
        run,
        h('label', { class: 'check', for: 'cypher-replace' }, this.replace, 'Clear the canvas first'),
      ),
      this.status,
    );
  }

  /** Creates the editor on first use. */
  async ensure(): Promise<void> {
    if (this.editor) return;
    this.host.append(h('p', { class: 'muted' }, 'Loading editor…'));
    try {
      const [{ createCypherEditor }] = await Promise.all([
        import('@neo4j-cypher/codemirror'),
        // Tooltips, the completion list and lint marks; token colours are ours (styles.css).
        import('@neo4j-cypher/codemirror/css/cypher-codemirror.css'),
      ]);
      this.host.replaceChildren();
      const { editor } = createCypherEditor(this.host, {
        value: EXAMPLE,
        theme: 'light',
        lineNumbers: true,
        lineWrapping: true,
        autocomplete: true,
        lint: true,
      });
      editor.codemirror.contentDOM.setAttribute('aria-labelledby', 'cypher-title');
      editor.onKeyDown((event: KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void this.run();
        }
      });
      void loadSchema().then((schema) => editor.setSchema(schema));
      this.editor = {
        getValue: () => editor.codemirror.state.doc.toString(),
        setValue: (text) => editor.setValue(text),
        focus: () => editor.focus(),
      };
    } catch (err) {
      // The Cypher package failed to load: a plain textarea still lets people run queries.
      console.warn('client/cypher-editor: CodeMirror failed to load, using a textarea', err);
      const area = h(
        'textarea',
        { class: 'cypher-fallback', rows: 8, 'aria-labelledby': 'cypher-title', spellcheck: 'false' },
        EXAMPLE,
      );
      area.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void this.run();
        }
      });
      this.host.replaceChildren(area);
      this.editor = {
        getValue: () => area.value,
        setValue: (text) => (area.value = text),
        focus: () => area.focus(),
      };
    }
  }

  async setQuery(text: string): Promise<void> {
    await this.ensure();
    this.editor?.setValue(text);
  }

  async run(): Promise<void> {
    await this.ensure();
    const text = this.editor?.getValue().trim() ?? '';
    if (!text) {
      this.setStatus('Write a query first.', true);
      return;
    }
    this.setStatus('Running…');
    try {
      const result = await api.cypher(text);
      this.setStatus(`${result.rows.length} rows${truncationNote(result.truncated)}.`);
      this.actions.showResult('Cypher result', result, this.replace.checked);
    } catch (err) {
      this.actions.clearResult();
      this.setStatus(explainCypherError(err), true);
    }
  }

  private setStatus(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error-text', error);
    this.status.setAttribute('role', error ? 'alert' : 'status');
  }
}

/** The live schema for completion; what fails to load is left out (the editor still completes keywords). */
async function loadSchema(): Promise<CypherSchema> {
  const [result, queries] = await Promise.all([
    api.cypher(SCHEMA_QUERY).catch(() => null),
    api.queries().catch(() => null),
  ]);
  return schemaFrom(result, queries);
}
