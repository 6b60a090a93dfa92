/**
 * Issue 11, items 7 and 8: requests are screened by where they come from.
 * 7. DNS rebinding: only configured Host names are served (loopback by default, ALLOWED_HOSTS);
 *    CSRF: a change (POST) from another site or origin is refused, by Origin or Sec-Fetch-Site,
 *    while same-origin pages, listed CORS origins and non-browser clients keep working.
 * 8. CSP's upgrade-insecure-requests only for requests that came over https.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../server/app';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { counts } from './support/db';

jest.setTimeout(120_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http, because fetch() does not let a caller set Host. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const query = JSON.stringify({ query: 'RETURN 1 AS one' });
const json = { 'content-type': 'application/json' };

describe('Host names (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:3000', '127.0.0.1.evil.example'])(
    'refuses Host %j with 403, API and UI alike',
    async (host) => {
      for (const route of ['/api/health', '/', '/api/entities/meta']) {
        const res = await raw(`${api.url}${route}`, { headers: { host } });
        expect(res.status).toBe(403);
        expect(res.body).toContain('ALLOWED_HOSTS');
      }
    },
  );

  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves the loopback name %j', async (name) => {
    const port = new URL(api.url).port;
    const res = await raw(`${api.url}/api/health`, { headers: { host: `${name}:${port}` } });
    expect(res.status).toBe(200);
  });

  it('serves the names listed in ALLOWED_HOSTS, and any with "*"', async () => {
    const listed = await startTestApi({
      driver: api.driver,
      loadFixture: false,
      config: { allowedHosts: ['explorer.lan'] },
    });
    const open = await startTestApi({
      driver: api.driver,
      loadFixture: false,
      config: { allowedHosts: ['*'] },
    });
    try {
      expect((await raw(`${listed.url}/api/health`, { headers: { host: 'explorer.lan:3000' } })).status).toBe(
        200,
      );
      expect((await raw(`${listed.url}/api/health`, { headers: { host: 'localhost' } })).status).toBe(403);
      expect((await raw(`${open.url}/api/health`, { headers: { host: 'anything.example' } })).status).toBe(
        200,
      );
    } finally {
      await listed.close();
      await open.close();
    }
  });
});

describe('cross-site changes (CSRF)', () => {
  it.each([
    [{ origin: 'http://evil.example' }],
    [{ origin: 'null' }],
    // Another port on localhost is another origin.
    [{ origin: 'http://127.0.0.1:1' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
  ])('refuses a POST with %j with 403', async (headers) => {
    const res = await raw(`${api.url}/api/cypher`, {
      method: 'POST',
      headers: { ...json, ...headers },
      body: query,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
  });

  it('refuses a cross-site multipart import without queueing it', async () => {
    const before = await counts(api.driver);
    const form = new FormData();
    const file = fs.readFileSync(path.resolve(__dirname, '../fixtures/graph/upload-small.result.json'));
    form.append('file', new Blob([new Uint8Array(file)]), 'small.result.json');
    const res = await fetch(`${api.url}/api/imports`, {
      method: 'POST',
      body: form,
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    await api.running.app.locals.imports.idle();
    expect(await counts(api.driver)).toEqual(before);
  });

  it('lets same-origin pages, listed origins and non-browser clients through', async () => {
    const post = (headers: Record<string, string>, url = api.url) =>
      raw(`${url}/api/cypher`, { method: 'POST', headers: { ...json, ...headers }, body: query });
    const host = new URL(api.url).host;
    expect((await post({ origin: api.url, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({ origin: `http://${host}` })).status).toBe(200);
    expect((await post({ 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    // GETs are not changes: a cross-site GET is answered (CORS keeps its body from the page).
    expect((await raw(`${api.url}/api/health`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(
      200,
    );

    const cors = await startTestApi({
      driver: api.driver,
      loadFixture: false,
      config: { corsOrigins: ['http://localhost:5173'] },
    });
    try {
      expect(
        (await post({ origin: 'http://localhost:5173', 'sec-fetch-site': 'same-site' }, cors.url)).status,
      ).toBe(200);
      expect((await post({ origin: 'http://evil.example' }, cors.url)).status).toBe(403);
    } finally {
      await cors.close();
    }
  });
});

describe('Content-Security-Policy', () => {
  it('asks to upgrade insecure requests only over https', async () => {
    const plain = await raw(`${api.url}/api/health`);
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    const tls = path.resolve(__dirname, '../fixtures/tls');
    const app = createApp({
      driver: api.driver,
      config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
      cache: { maxMb: 0, checkIntervalMs: 0 },
    });
    const server = https.createServer(
      {
        key: fs.readFileSync(path.join(tls, 'localhost.key')),
        cert: fs.readFileSync(path.join(tls, 'localhost.crt')),
      },
      app,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const secure = await raw(`https://127.0.0.1:${port}/api/health`);
      expect(secure.status).toBe(200);
      expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
    }
  });
});
