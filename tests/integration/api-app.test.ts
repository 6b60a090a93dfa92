import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiError } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(60_000);

const TOKEN = 'test-token-0123456789abcdef';
let api: TestApi;
let secured: TestApi;
let clientDir: string;

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-app-client-'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>explorer</title>');
  fs.writeFileSync(path.join(clientDir, 'app.js'), 'console.log(1)');
  api = await startTestApi({ clientDir });
  secured = await startTestApi({
    driver: api.driver,
    loadFixture: false,
    config: { explorerToken: TOKEN, corsOrigins: ['http://localhost:5173'] },
  });
});
afterAll(async () => {
  await secured?.close();
  await api?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe('EXPLORER_TOKEN', () => {
  it('lets reads through without a token', async () => {
    expect((await secured.get('/api/entities/meta')).status).toBe(200);
  });

  it('answers 401 to a change without the right bearer token, and never echoes the token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const res = await secured.post<ApiError>('/api/cypher', { query: 'RETURN 1' }, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.text).not.toContain(TOKEN);
    }
  });

  it('accepts the bearer token', async () => {
    const res = await secured.post(
      '/api/cypher',
      { query: 'RETURN 1 AS one' },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(res.status).toBe(200);
  });
});

describe('CORS', () => {
  it('sends no CORS headers unless CORS_ORIGIN is configured', async () => {
    const res = await api.get('/api/health', { origin: 'http://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows only the configured origin and answers its preflight', async () => {
    const ok = await secured.get('/api/health', { origin: 'http://localhost:5173' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await secured.get('/api/health', { origin: 'http://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${secured.url}/api/cypher`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('HTTP hygiene', () => {
  it('sets security headers and hides the framework', async () => {
    const res = await api.get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('answers 400 to malformed JSON and 413 to an oversized body, in the error shape', async () => {
    const bad = await api.post<ApiError>('/api/cypher', '{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const big = await api.post<ApiError>('/api/cypher', {
      query: 'RETURN 1',
      params: { x: 'a'.repeat(1_100_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('too_large');
  });

  it('answers 404 in the error shape for an unknown API route', async () => {
    const res = await api.get<ApiError>('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: 'api: no route GET /api/nothing-here' });
  });
});

describe('client', () => {
  it('serves the built client and falls back to index.html for client routes', async () => {
    const asset = await api.get('/app.js');
    expect(asset.text).toBe('console.log(1)');
    for (const route of ['/', '/entity/meta', '/paths?from=a']) {
      const res = await api.get(route);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>explorer</title>');
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route of the API with schemas that resolve', async () => {
    const res = await api.get<{
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
    }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const routes = Object.entries(res.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(routes.sort()).toEqual(
      [
        'get /api/health',
        'get /api/search',
        'get /api/entities/{key}',
        'get /api/entities/{key}/neighbours',
        'get /api/paths',
        'get /api/relations',
        'get /api/posts/{id}',
        'get /api/timeline',
        'get /api/overview',
        'get /api/queries',
        'post /api/queries/{name}/run',
        'post /api/cypher',
        'get /api/export',
        'post /api/export',
        'post /api/imports',
        'get /api/imports/{id}',
        'get /api/follows',
        'post /api/follows',
        'delete /api/follows/{channel}',
        'post /api/follows/{channel}/refresh',
        'get /api/channels',
        'delete /api/channels/{key}',
        'get /api/openapi.json',
      ].sort(),
    );
    // Every $ref points at a defined component.
    const refs = [...res.text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/([^"]+)"/g)];
    expect(refs.length).toBeGreaterThan(20);
    for (const [, kind, name] of refs) {
      expect([kind, name, name in res.body.components[kind as 'schemas' | 'responses']]).toEqual([
        kind,
        name,
        true,
      ]);
    }
  });

  it('lists the fields the API actually returns', async () => {
    const doc = (
      await api.get<{ components: { schemas: Record<string, { required?: string[] }> } }>('/api/openapi.json')
    ).body;
    const entity = await api.get<Record<string, unknown>>('/api/entities/meta');
    expect(Object.keys(entity.body).sort()).toEqual(
      [...(doc.components.schemas.EntityDetails.required ?? [])].sort(),
    );
    const post = await api.get<Record<string, unknown>>('/api/posts/mlnews/101');
    expect(Object.keys(post.body).sort()).toEqual(
      [...(doc.components.schemas.PostDetails.required ?? [])].sort(),
    );
  });
});
