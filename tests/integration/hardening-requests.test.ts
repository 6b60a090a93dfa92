/**
 * Issue 11, item 12 (the smaller ones): malformed multipart is 400 (was 500); parameters nested
 * 2,000+ deep are 400 at the edge (were 503 from a StackOverflowError in Neo4j, or 500); an upload's
 * UTF-8 name comes back as sent (was decoded as latin1); a too-large upload's 413 names the limit;
 * exports share the rate limit of queries (GET /api/export?query= ran saved queries unlimited);
 * after each kind of refused request the server goes on answering.
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

describe('exports and the rate limit', () => {
  const exportOf = (target: TestApi, query = 'most-connected') =>
    target.get<ApiError>(`/api/export?format=json&query=${query}`);

  it('counts exports in the per-client budget of queries (429 past it), reads stay open', async () => {
    const limited = await startTestApi({ driver: api.driver, loadFixture: false, queriesPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await exportOf(limited)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await exportOf(limited);
      expect(refused.body.error.code).toBe('rate_limited');
      expect(refused.body.error.message).toContain('at most 3 queries and exports a minute');
      expect(refused.headers.get('ratelimit-policy')).toContain('3');
      // One budget: the console is refused too once exports have used it up.
      expect((await limited.post('/api/cypher', { query: 'RETURN 1' })).status).toBe(429);
      expect((await limited.post('/api/export?format=json', { keys: ['meta'] })).status).toBe(429);
      expect((await limited.get('/api/entities/meta')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses deeply nested export parameters in the query string with 400', async () => {
    let deep = '"x"';
    // 2,000 levels: as deep as a URL under Node's 16 KB header limit can take (deeper is 431).
    for (let i = 0; i < 2000; i++) deep = `[${deep}]`;
    const res = await api.get<ApiError>(
      `/api/export?format=json&query=most-connected&params=${encodeURIComponent(`{"type":${deep}}`)}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('must not nest deeper than 32 levels');
  });
});

describe('after a refused request', () => {
  const still = async () => {
    expect((await api.get('/api/health')).status).toBe(200);
    expect((await api.get('/api/search?q=meta')).status).toBe(200);
    expect((await api.post('/api/cypher', { query: 'RETURN 1 AS one' })).status).toBe(200);
  };

  it.each<[string, () => Promise<number>]>([
    ['malformed multipart', async () => (await multipart('--XyZ\r\nbroken')).status],
    [
      'an upload over the limit',
      async () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(1024 * 1024 + 10)]), 'big.json');
        return (await fetch(`${api.url}/api/imports`, { method: 'POST', body: form })).status;
      },
    ],
    ['JSON that does not parse', async () => (await api.post('/api/cypher', '{"query":')).status],
    [
      'a body nested too deep',
      async () =>
        (
          await api.post(
            '/api/cypher',
            `{"query":"RETURN 1","params":{"p":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
          )
        ).status,
    ],
    ['a Cypher syntax error', async () => (await api.post('/api/cypher', { query: 'RETURN (' })).status],
    [
      'a refused write',
      async () => (await api.post('/api/cypher', { query: 'CREATE (n:X) RETURN n' })).status,
    ],
    ['an unknown route', async () => (await api.get('/api/nothing-here')).status],
  ])('answers the next requests after %s', async (_what, refused) => {
    const before = await counts(api.driver);
    const status = await refused();
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    await still();
    expect(await counts(api.driver)).toEqual(before);
  });
});
