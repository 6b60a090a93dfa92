import fs from 'node:fs';
import path from 'node:path';
import type { ApiError, ImportStatus } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { counts } from './support/db';

jest.setTimeout(120_000);

const FIXTURES = path.resolve(__dirname, '../fixtures/graph');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { maxUploadMb: 1 } });
});
afterAll(async () => {
  await api?.close();
});

async function upload(name: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const response = await fetch(`${api.url}/api/imports`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as ImportStatus & ApiError };
}

async function finished(id: string): Promise<ImportStatus> {
  await api.running.app.locals.imports.idle();
  const res = await api.get<ImportStatus>(`/api/imports/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe('POST /api/imports', () => {
  it('queues an upload, ingests it in the background and reports a summary', async () => {
    const res = await upload(
      'small.result.json',
      fs.readFileSync(path.join(FIXTURES, 'upload-small.result.json')),
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'queued', progress: 0, file: 'small.result.json' });
    const status = await finished(res.body.id);
    expect(status).toMatchObject({ state: 'done', progress: 1 });
    expect(status.summary?.posts).toBe(2);
    expect(status.summary?.relations.RELEASED).toBe(2);
    expect(status.summary?.newEntities.length).toBeGreaterThan(0);
    // The graph now has the new channel's posts, and the API finds them.
    const post = await api.get<{ channel: string }>('/api/posts/upload-test-channel/1');
    expect(post.status).toBe(200);
    const search = await api.get<{ hits: { key: string }[] }>(`/api/search?q=${encodeURIComponent('gemma')}`);
    expect(search.body.hits.length).toBeGreaterThan(0);
  });

  it('reports a clear error for a broken file and leaves the graph unchanged', async () => {
    const before = await counts(api.driver);
    const res = await upload(
      'broken.result.json',
      fs.readFileSync(path.join(FIXTURES, 'upload-broken.result.json')),
    );
    expect(res.status).toBe(202);
    const status = await finished(res.body.id);
    expect(status.state).toBe('failed');
    expect(status.error).toContain('broken.result.json');
    expect(status.error).toMatch(/truncated JSON/);
    expect(status.error).not.toContain('ml-graph-imports');
    expect(await counts(api.driver)).toEqual(before);
  });

  it('reports an export without messages as a failed import naming the file, leaving the graph unchanged', async () => {
    // Parsing runs after the upload is accepted (202), so the refusal is in the import's status.
    const before = await counts(api.driver);
    const res = await upload(
      'empty-chat.result.json',
      JSON.stringify({ name: 'Empty', type: 'public_channel', id: 9, messages: [] }),
    );
    expect(res.status).toBe(202);
    const status = await finished(res.body.id);
    expect(status.state).toBe('failed');
    expect(status.error).toBe(
      'ingest/telegram-json: empty-chat.result.json: the export has no messages (a chat export with 0 messages?)',
    );
    expect(await counts(api.driver)).toEqual(before);
  });

  it('answers 413 to a file over MAX_UPLOAD_MB and 400 without a file or with an unknown format', async () => {
    const big = await upload('big.txt', Buffer.alloc(1024 * 1024 + 10, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
    const none = await fetch(`${api.url}/api/imports`, { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
    expect(((await none.json()) as ApiError).error.message).toContain('file');
    const badFormat = await upload('x.json', '{}', { format: 'excel' });
    expect(badFormat.status).toBe(400);
    expect(badFormat.body.error.message).toContain('format');
  });

  it('answers 404 for an unknown import and 400 for a malformed id', async () => {
    expect((await api.get('/api/imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.get('/api/imports/..%2Fetc')).status).toBe(400);
  });
});
