/**
 * What an import tells the person who made it (GET /api/imports/{id}): the exact number of new
 * entities (not the length of the list, which stops at 500), their names as written (not the
 * lower-case keys), and a failure `reason` in plain words, without module names or command-line
 * advice, while `error` keeps the loader's full message for scripts and the CLI's wording.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportStatus } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { MANY_NEW_ENTITIES, manyNewEntitiesExport } from '../fixtures/graph/many-new-entities';

jest.setTimeout(180_000);

const FIXTURES = path.resolve(__dirname, '../fixtures/graph');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function importFile(name: string, content: string | Buffer): Promise<ImportStatus> {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const response = await fetch(`${api.url}/api/imports`, { method: 'POST', body: form });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as ImportStatus;
  await api.running.app.locals.imports.idle();
  return (await api.get<ImportStatus>(`/api/imports/${id}`)).body;
}

it('counts every new entity, lists at most 500, and names them as written', async () => {
  const status = await importFile('many.result.json', manyNewEntitiesExport());
  expect(status.state).toBe('done');
  const summary = status.summary!;
  expect(summary.newEntityCount).toBe(MANY_NEW_ENTITIES);
  expect(summary.newEntities).toHaveLength(500);
  expect(summary.newEntityNames['deeplab0/fastmodel0']).toBe('DeepLab0/FastModel0');
  expect(Object.keys(summary.newEntityNames).sort()).toEqual([...summary.newEntities].sort());
});

it.each([
  [
    'notes.txt',
    'hello world',
    'cannot detect the export format (not JSON, HTML, or text copied from a t.me/s page)',
  ],
  [
    'broken.result.json',
    fs.readFileSync(path.join(FIXTURES, 'upload-broken.result.json')),
    'truncated JSON: the file ends before the document is closed (last message started: 1), at line 7',
  ],
])(
  'gives the failure of %s in plain words, and keeps the full message in error',
  async (name, content, reason) => {
    const status = await importFile(name, content);
    expect(status.state).toBe('failed');
    expect(status.reason).toBe(reason);
    expect(status.error).toMatch(/^ingest\//);
    expect(status.error).toContain(name);
  },
);

it('keeps the command-line advice in the full message only', async () => {
  const status = await importFile('page.html', '<html><body>hi</body></html>');
  expect(status.error).toContain('force one with --format');
  expect(status.reason).not.toContain('--format');
  expect(status.reason).not.toContain('ingest/');
});
