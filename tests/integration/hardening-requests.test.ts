/**
 * Issue 11, item 12 (the smaller ones): malformed multipart is 400 (was 500); parameters nested
 * 2,000+ deep are 400 at the edge (were 503 from a StackOverflowError in Neo4j, or 500); an upload's
 * UTF-8 name comes back as sent (was decoded as latin1); a too-large upload's 413 names the limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiError, ImportStatus } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { counts } from './support/db';

jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ config: { maxUploadMb: 1 } });
});
afterAll(async () => {
  await api?.close();
});

const multipart = (body: string, contentType = 'multipart/form-data; boundary=XyZ') =>
  fetch(`${api.url}/api/imports`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('malformed multipart', () => {
  it.each([
    [
      'a form cut short',
      '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{"x":',
    ],
    ['a malformed part header', '--XyZ\r\nContent-Disposition form-data name file\r\n\r\nabc\r\n--XyZ--\r\n'],
  ])('answers 400 to %s', async (_what, body) => {
    const before = await counts(api.driver);
    const res = await multipart(body);
    expect(res.status).toBe(400);
    const error = ((await res.json()) as ApiError).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('api/imports');
    expect(await counts(api.driver)).toEqual(before);
  });

  it('answers 400 to a multipart type without a boundary', async () => {
    const res = await multipart('abc', 'multipart/form-data');
    expect(res.status).toBe(400);
  });
});

describe('deeply nested parameters', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  };

  // Written as text: JSON.stringify itself overflows the stack on such values.
  const nestedJson = (depth: number): string => {
    let text = '1';
    for (let i = 0; i < depth; i++) text = i % 2 === 0 ? `[${text}]` : `{"a":${text}}`;
    return text;
  };

  it.each([2000, 5000, 20000])('refuses parameters %i levels deep with 400', async (depth) => {
    const res = await api.post<ApiError>(
      '/api/cypher',
      `{"query":"RETURN $p AS p","params":{"p":${nestedJson(depth)}}}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('nests deeper than 32 levels');
    const saved = await api.post<ApiError>(
      '/api/queries/most-connected/run',
      `{"params":{"type":${nestedJson(depth)}}}`,
    );
    expect(saved.status).toBe(400);
  });

  it('still takes parameters a few levels deep', async () => {
    const res = await api.post('/api/cypher', { query: 'RETURN $p AS p', params: { p: nested(10) } });
    expect(res.status).toBe(200);
  });
});

describe('uploads', () => {
  const upload = async (name: string, content: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const response = await fetch(`${api.url}/api/imports`, { method: 'POST', body: form });
    return { status: response.status, body: (await response.json()) as ImportStatus & ApiError };
  };

  it('keeps a UTF-8 file name as sent', async () => {
    const file = fs.readFileSync(path.resolve(__dirname, '../fixtures/graph/upload-small.result.json'));
    const res = await upload('канал.json', file);
    expect(res.status).toBe(202);
    expect(res.body.file).toBe('канал.json');
    await api.running.app.locals.imports.idle();
    expect((await api.get<ImportStatus>(`/api/imports/${res.body.id}`)).body.file).toBe('канал.json');
  });

  it('names the limit in the 413 of a file over MAX_UPLOAD_MB', async () => {
    const res = await upload('big.json', Buffer.alloc(1024 * 1024 + 10, 0x20));
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('limit of 1 MB (MAX_UPLOAD_MB)');
  });

  it('names the limit in the 413 of a JSON body over 1 MB', async () => {
    const res = await api.post<ApiError>('/api/cypher', {
      query: 'RETURN 1',
      params: { p: 'x'.repeat(1_100_000) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('the limit is 1024 KiB');
  });
});
