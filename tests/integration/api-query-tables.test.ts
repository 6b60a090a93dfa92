/**
 * What a query table needs from the API: the ends of every relationship in the rows, named
 * (QueryResult.ends), and the labels and inputs of saved-query parameters from their header.
 */
import type { QueryResult, SavedQuery } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({});
});
afterAll(async () => {
  await api?.close();
});

type Rel = { type: string; start: string; end: string };

test('every relationship in the rows has both ends named in `ends`', async () => {
  const res = await api.post<QueryResult>('/api/queries/who-released-what/run', {});
  expect(res.status).toBe(200);
  const { columns, rows, ends } = res.body;
  expect(rows.length).toBeGreaterThan(0);
  const [by, released, statements] = ['releasedBy', 'released', 'statements'].map((c) => columns.indexOf(c));
  for (const row of rows) {
    for (const rel of row[statements] as Rel[]) {
      expect(rel.type).toBe('RELEASED');
      expect([ends?.[rel.start]?.label, ends?.[rel.end]?.label]).toEqual([row[by], row[released]]);
    }
  }
});

test('a Cypher answer names the ends of a relationship whose nodes it did not return', async () => {
  const res = await api.post<QueryResult>('/api/cypher', {
    query: 'MATCH (o:Organization)-[r:RELEASED]->(m) RETURN r, o.name AS org, m.name AS thing LIMIT 3',
  });
  expect(res.status).toBe(200);
  for (const [rel, org, thing] of res.body.rows as [Rel, string, string][])
    expect([res.body.ends?.[rel.start]?.label, res.body.ends?.[rel.end]?.label]).toEqual([org, thing]);
});

test('saved-query parameters carry their labels and inputs', async () => {
  const res = await api.get<SavedQuery[]>('/api/queries');
  const params = (name: string) => res.body.find((q) => q.name === name)?.params ?? [];
  expect(params('most-connected').map((p) => [p.name, p.label, p.input])).toEqual([
    ['type', 'Entity type', 'entity-type'],
    ['limit', 'Entities at most', undefined],
  ]);
  expect(params('who-released-what')[0]).toMatchObject({
    name: 'org',
    label: 'Organisation',
    input: 'entity',
  });
});
