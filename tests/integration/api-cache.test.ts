/**
 * The response cache (server/cache) on a real Neo4j: repeated reads are answered from memory,
 * identical concurrent reads cost one query, and every kind of change to the graph (a direct
 * write, an import from another process that only edits text, an import through the API) is seen
 * on the next request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PostDetails, SearchResponse } from '../../server/api/contract';
import { ingestFiles } from '../../ingest/pipeline';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(120_000);

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(path.join(tmpdir(), 'api-cache-'));
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const cacheStats = () => {
  const cache = api.running.app.locals.cache;
  if (!cache) throw new Error('the test API runs without a cache');
  return cache.stats();
};

/** A one-message Telegram export of a channel of its own; `text` is that message. */
function writeExport(text: string): string {
  const file = path.join(dir, 'result.json');
  const message = { id: 7, type: 'message', date: '2025-02-03T10:00:00', date_unixtime: '1738576800', text };
  writeFileSync(
    file,
    JSON.stringify({ name: 'Cache Probe', type: 'public_channel', id: 1700000777, messages: [message] }),
  );
  return file;
}

it('answers a repeated read from the cache with the same body, and 304 to a matching If-None-Match', async () => {
  const first = await api.get<SearchResponse>('/api/search?q=meta');
  const second = await api.get<SearchResponse>('/api/search?q=meta');
  expect(first.status).toBe(200);
  expect(first.headers.get('x-cache')).toBe('miss');
  expect(second.headers.get('x-cache')).toBe('hit');
  expect(second.text).toBe(first.text);
  expect(first.body.hits.length).toBeGreaterThan(0);

  const etag = second.headers.get('etag');
  expect(etag).toBeTruthy();
  // fetch adds "Cache-Control: no-cache" to a request with If-None-Match unless it has one, and a
  // no-cache request must get the full answer; a browser revalidating sends max-age=0.
  const revalidated = await api.get('/api/search?q=meta', {
    'if-none-match': etag!,
    'cache-control': 'max-age=0',
  });
  expect(revalidated.status).toBe(304);
  expect(revalidated.text).toBe('');
});

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress on its own). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

it('sends a large cached answer gzipped to clients that accept it, and plain to the others', async () => {
  const url = `${api.url}/api/entities/meta/neighbours?limit=50`;
  const plain = await rawGet(url, {});
  const zipped = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers['vary']).toMatch(/Accept-Encoding/i);
  expect(plain.body.length).toBeGreaterThan(1024);
  expect(zipped.body.length).toBeLessThan(plain.body.length);
  expect(gunzipSync(zipped.body).toString('utf8')).toBe(plain.body.toString('utf8'));
  expect(JSON.parse(plain.body.toString('utf8')).elements.length).toBeGreaterThan(0);
});

it('runs one query for identical requests that arrive together', async () => {
  const before = cacheStats();
  const url = '/api/entities/meta/neighbours?limit=37';
  const answers = await Promise.all(Array.from({ length: 12 }, () => api.get(url)));
  const after = cacheStats();
  expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
  expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  expect(after.misses - before.misses).toBe(1);
  expect(after.hits + after.joined - before.hits - before.joined).toBe(11);
});

it('does not keep error answers', async () => {
  const before = cacheStats();
  for (let i = 0; i < 2; i++) {
    const res = await api.get('/api/entities/no-such-entity-anywhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-cache')).toBeNull();
  }
  expect(cacheStats().misses - before.misses).toBe(2);
});

it('sees a node written straight into the database on the next request', async () => {
  const query = '/api/search?q=zyxwvutsrq';
  expect((await api.get<SearchResponse>(query)).body.hits).toHaveLength(0);
  await api.driver.executeQuery(
    "CREATE (:Entity:Model {key: 'zyxwvutsrq', name: 'Zyxwvutsrq', type: 'Model', aliases: [], mentionCount: 1})",
  );
  try {
    const after = await api.get<SearchResponse>(query);
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(after.body.hits.map((h) => h.key)).toEqual(['zyxwvutsrq']);
  } finally {
    await api.driver.executeQuery("MATCH (e:Entity {key: 'zyxwvutsrq'}) DETACH DELETE e");
  }
});

it('sees an import by another process that only edited a post (same node and relationship counts)', async () => {
  await ingestFiles(api.driver, [writeExport('Mistral AI released Mistral 7B, an open model.')]);
  const before = await api.get<PostDetails>('/api/posts/cache-probe/7');
  expect(before.status).toBe(200);
  expect(before.body.text).toContain('an open model');
  expect((await api.get('/api/posts/cache-probe/7')).headers.get('x-cache')).toBe('hit');

  await ingestFiles(api.driver, [writeExport('Mistral AI released Mistral 7B, a small open model.')]);
  const after = await api.get<PostDetails>('/api/posts/cache-probe/7');
  expect(after.headers.get('x-cache')).toBe('miss');
  expect(after.body.text).toContain('a small open model');
});

it('serves nothing from memory when the cache is turned off', async () => {
  const uncached = await startTestApi({
    driver: api.driver,
    loadFixture: false,
    cache: { maxMb: 0, checkIntervalMs: 0 },
  });
  try {
    expect(uncached.running.app.locals.cache).toBeNull();
    const res = await uncached.get('/api/search?q=meta');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-cache')).toBeNull();
  } finally {
    await uncached.close();
  }
});
