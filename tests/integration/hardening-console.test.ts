/**
 * Issue 11, item 2: the console's read-only screen is a real Cypher parse, not comment stripping.
 * Neo4j ends a `//` comment at `\r`; the old screen blanked to the next `\n` and let SHOW
 * TRANSACTIONS (other clients' query texts and parameters), SHOW SETTINGS and TERMINATE
 * TRANSACTIONS through. Each must be refused with 400, and a running transaction must survive.
 */
import neo4j from 'neo4j-driver';
import type { ApiError } from '../../server/api/contract';
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

const cypher = (query: string) => api.post<ApiError>('/api/cypher', { query });

it.each([
  ['// x\rSHOW TRANSACTIONS YIELD * RETURN *', 'SHOW'],
  ['// x\r\nSHOW TRANSACTIONS YIELD * RETURN *', 'SHOW'],
  ['// x\rSHOW SETTINGS', 'SHOW'],
  ['// x\rSHOW SETTINGS YIELD name, value RETURN name, value', 'SHOW'],
  ["// x\rTERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'TERMINATE'],
  ['SHOW TRANSACTIONS', 'SHOW'],
  ['SHOW SETTINGS', 'SHOW'],
  ['SHOW PROCEDURES', 'SHOW'],
  ['SHOW INDEXES', 'SHOW'],
  ['/**/SHOW FUNCTIONS', 'SHOW'],
  ['// x\rCALL dbms.listConfig()', 'dbms.listConfig'],
  ['// x\rCREATE (n:Hacked)', 'CREATE'],
  ['RETURN 1; // x\rCREATE (n:Hacked)', 'one statement'],
  ['MATCH (n) RETURN COUNT { // x\rCREATE (m:Hacked) RETURN m } AS c', 'CREATE'],
])('refuses %j with 400', async (query, reason) => {
  const before = await counts(api.driver);
  const res = await cypher(query);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('bad_request');
  expect(res.body.error.message).toContain(reason);
  expect(await counts(api.driver)).toEqual(before);
});

it('neither shows nor terminates another client’s running transaction', async () => {
  const session = api.driver.session({ defaultAccessMode: neo4j.session.READ });
  const tx = session.beginTransaction();
  try {
    await tx.run("RETURN 'secret-marker-query' AS marker");
    const shown = await cypher('// x\rSHOW TRANSACTIONS YIELD currentQuery, parameters RETURN *');
    expect(shown.status).toBe(400);
    expect(shown.text).not.toContain('secret-marker');
    const killed = await cypher('// x\rTERMINATE TRANSACTIONS "neo4j-transaction-1", "neo4j-transaction-2"');
    expect(killed.status).toBe(400);
    // The transaction is still usable: nothing terminated it.
    const again = await tx.run('RETURN 2 AS two');
    expect(again.records[0].get('two').toNumber()).toBe(2);
  } finally {
    await tx.rollback().catch(() => undefined);
    await session.close();
  }
});

it('still runs read queries, comments with \\r included', async () => {
  const res = await api.post<{ rows: unknown[][] }>('/api/cypher', {
    query: '// a comment\rMATCH (n:Entity) // another\r\nRETURN count(n) AS n',
  });
  expect(res.status).toBe(200);
  expect(res.body.rows).toHaveLength(1);
});
