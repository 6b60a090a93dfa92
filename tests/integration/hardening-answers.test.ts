/**
 * Issue 11, item 6 (answers): a console answer is bounded in bytes as well as in rows. One query
 * returned a 524 MB body (Node at 2.7 GB, health stalled for seconds); now the rows are read one
 * by one and reading stops at the byte bound (limits.maxAnswerBytes, MAX_ANSWER_MB), and the
 * answer says what cut it: `truncated: 'rows' | 'bytes' | 'elements'` (false when complete).
 */
import type { QueryResult } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(120_000);

const BOUND = 1_000_000;
/** 2^17 = 131,072 characters per row, built by doubling (cheap for the database). */
const BIG_ROW = "reduce(s = 'a', x IN range(1, 17) | s + s)";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ limits: { maxAnswerBytes: BOUND, maxRows: 1000 } });
});
afterAll(async () => {
  await api?.close();
});

const cypher = (query: string, extra: Record<string, unknown> = {}) =>
  api.post<QueryResult>('/api/cypher', { query, ...extra });

describe('console answers bounded in bytes', () => {
  it('stops at the byte bound with whole rows, says so, and health answers meanwhile', async () => {
    // 200 rows of 128 KiB: about 26 MB unbounded, 26 times the bound.
    const answer = cypher(`UNWIND range(1, 200) AS i RETURN i, ${BIG_ROW} AS text`);
    let done = false;
    void answer.finally(() => (done = true));
    const health: number[] = [];
    while (!done) {
      health.push((await api.get('/api/health')).status);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await answer;
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(BOUND);
    expect(res.body.truncated).toBe('bytes');
    expect(res.body.rows.length).toBeGreaterThan(0);
    expect(res.body.rows.length).toBeLessThan(200);
    // Rows are whole or absent, never cut in the middle.
    res.body.rows.forEach((row, index) => {
      expect(row[0]).toBe(index + 1);
      expect((row[1] as string).length).toBe(131_072);
    });
    // Every health request was answered while the answer was read and sent. A 503 can only mean
    // the database was slow to answer health's own 1 s query on a loaded machine, not a stalled server.
    expect(health.length).toBeGreaterThan(0);
    expect(health.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect((await api.get('/api/health')).status).toBe(200);
  });

  it('answers with no rows when the first row alone is over the bound', async () => {
    const res = await cypher("RETURN reduce(s = 'a', x IN range(1, 21) | s + s) AS text");
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(res.body.truncated).toBe('bytes');
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(BOUND);
  });

  it('says "rows" when the row limit cut the answer, false when nothing was cut', async () => {
    const cut = await cypher('UNWIND range(1, 500) AS i RETURN i', { limit: 7 });
    expect(cut.body.rows).toHaveLength(7);
    expect(cut.body.truncated).toBe('rows');
    const whole = await cypher('UNWIND range(1, 5) AS i RETURN i');
    expect(whole.body.rows).toHaveLength(5);
    expect(whole.body.truncated).toBe(false);
  });
});

describe('graph elements within the bound', () => {
  let small: TestApi;
  beforeAll(async () => {
    small = await startTestApi({ loadFixture: false, driver: api.driver, limits: { maxAnswerBytes: 4000 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('counts the elements built from the rows (end nodes fetched for relationships included)', async () => {
    // Relationships alone: their end nodes are fetched and become elements beyond the rows.
    const res = await small.post<QueryResult>('/api/cypher', { query: 'MATCH ()-[r]->() RETURN r' });
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(4000);
    expect(res.body.truncated).toBe('bytes');
    // Every edge kept has both its ends kept.
    const nodes = new Set(res.body.elements.filter((e) => e.group === 'nodes').map((e) => e.data.id));
    for (const edge of res.body.elements.filter((e) => e.group === 'edges')) {
      const data = edge.data as { source: string; target: string };
      expect(nodes.has(data.source) && nodes.has(data.target)).toBe(true);
    }
  });

  it('bounds saved-query runs too', async () => {
    const res = await small.post<QueryResult>('/api/queries/most-connected/run', { params: { limit: 100 } });
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(4000);
  });
});
