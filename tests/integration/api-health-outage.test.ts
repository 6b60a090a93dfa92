/**
 * The API outlives its database: a private embedded Neo4j (not the run's shared one) is stopped
 * under a running server and started again on the same port; health goes 200 -> 503 -> 200 and
 * graph endpoints answer 503 in between, without the server process failing.
 */
import type { ApiError, HealthResponse } from '../../server/api/contract';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../db/embedded';
import { migrate } from '../../db/migrate';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { loadGraphFixture } from '../fixtures/graph/load-graph-fixture';
import { startPrivateNeo4j, type PrivateNeo4j } from './support/db';

jest.setTimeout(300_000);

let db: PrivateNeo4j;
let restarted: EmbeddedNeo4j | null = null;
let api: TestApi;

beforeAll(async () => {
  db = await startPrivateNeo4j({ migrate: true });
  await loadGraphFixture(db.driver);
  api = await startTestApi({ driver: db.driver, loadFixture: false, limits: { healthTimeoutMs: 2000 } });
});
afterAll(async () => {
  await api?.close();
  await restarted?.stop();
  await db?.dispose();
});

async function waitForHealth(status: number, timeoutMs: number): Promise<HealthResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get<HealthResponse>('/api/health');
    if (res.status === status || Date.now() > deadline) {
      expect(res.status).toBe(status);
      return res.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

it('answers 503 while the database is down and recovers by itself once it is back', async () => {
  expect((await waitForHealth(200, 10_000)).database.reachable).toBe(true);
  expect((await api.get('/api/entities/meta')).status).toBe(200);

  await db.stop();
  const down = await waitForHealth(503, 15_000);
  expect(down).toMatchObject({ status: 'unavailable', database: { reachable: false } });
  expect(down.database.message).toMatch(/unreachable/);
  expect(JSON.stringify(down)).not.toMatch(/password/i);

  const entity = await api.get<ApiError>('/api/entities/meta');
  expect(entity.status).toBe(503);
  expect(entity.body.error.code).toBe('unavailable');
  const search = await api.get<ApiError>('/api/search?q=meta');
  expect(search.status).toBe(503);
  const cypher = await api.post<ApiError>('/api/cypher', { query: 'RETURN 1' });
  expect(cypher.status).toBe(503);

  const port = Number(new URL(db.uri).port);
  restarted = await startEmbeddedNeo4j({
    dataDir: db.dataDir,
    boltPort: port,
    heap: '384m',
    pageCache: '32m',
  });
  await migrate(db.driver);
  const up = await waitForHealth(200, 60_000);
  expect(up.database.nodes).toBeGreaterThan(0);
  expect((await api.get('/api/entities/meta')).status).toBe(200);
});
