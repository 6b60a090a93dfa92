import type { ApiError, EdgeData, QueryResult, SavedQuery } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { counts } from './support/db';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ limits: { maxRows: 50 } });
});
afterAll(async () => {
  await api?.close();
});

const run = (name: string, params?: Record<string, unknown>) =>
  api.post<QueryResult>(`/api/queries/${name}/run`, params === undefined ? {} : { params });
const column = (result: QueryResult, name: string) =>
  result.rows.map((row) => row[result.columns.indexOf(name)]);
const edgeIds = (result: QueryResult) =>
  result.elements.filter((e) => e.group === 'edges').map((e) => (e.data as EdgeData).id);
const nodeIds = (result: QueryResult) =>
  result.elements
    .filter((e) => e.group === 'nodes')
    .map((e) => e.data.id)
    .sort();

function expectError(res: { status: number; body: unknown }, status: number, code: string, mention?: string) {
  expect(res.status).toBe(status);
  expect((res.body as ApiError).error.code).toBe(code);
  if (mention) expect((res.body as ApiError).error.message).toContain(mention);
}

describe('GET /api/queries', () => {
  it('lists every saved query with title, description and typed parameters with defaults', async () => {
    const res = await api.get<SavedQuery[]>('/api/queries');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(10);
    const released = res.body.find((q) => q.name === 'who-released-what');
    expect(released).toMatchObject({ title: 'Who released what' });
    expect(released?.description).not.toBe('');
    expect(released?.params).toEqual([
      {
        name: 'org',
        type: 'string',
        default: '',
        description: 'Organisation name or key; empty for all',
        label: 'Organisation',
        input: 'entity',
      },
      { name: 'limit', type: 'integer', default: 100, description: 'Rows at most', label: 'Rows at most' },
    ]);
    for (const query of res.body) expect(query.title).not.toBe(query.name);
  });
});

describe('POST /api/queries/{name}/run: every saved query on the fixture graph', () => {
  it('who-released-what lists releases and draws the collapsed RELEASED edges', async () => {
    const all = await run('who-released-what');
    expect(all.status).toBe(200);
    expect(all.body.rows.map((r) => r.slice(0, 2))).toEqual([
      ['Meta', 'Llama 3'],
      ['OpenAI', 'GPT-4o'],
      ['Яндекс', 'YandexGPT'],
    ]);
    expect(column(all.body, 'posts')).toEqual([2, 1, 1]);
    const meta = all.body.elements.find((e) => e.data.id === 'meta|RELEASED|llama 3')?.data as EdgeData;
    expect(meta).toMatchObject({ count: 2, posts: ['mlnews/101', 'mlnews/106'] });
    const byAlias = await run('who-released-what', { org: 'Facebook' });
    expect(column(byAlias.body, 'released')).toEqual(['Llama 3']);
    const cyrillic = await run('who-released-what', { org: 'яндекс' });
    expect(column(cyrillic.body, 'released')).toEqual(['YandexGPT']);
  });

  it('organisations-by-releases ranks organisations', async () => {
    const res = await run('organisations-by-releases');
    expect(column(res.body, 'organisation')).toEqual(['Meta', 'OpenAI', 'Яндекс']);
    expect(column(res.body, 'examples')[0]).toEqual(['Llama 3']);
  });

  it('models-with-repositories gives the repository URL', async () => {
    const res = await run('models-with-repositories');
    expect(res.body.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Llama 3', 'meta-llama/llama3', 'https://github.com/meta-llama/llama3'],
    ]);
    expect(edgeIds(res.body)).toEqual(['llama 3|HAS_REPO|meta-llama/llama3']);
  });

  it('what-outperforms names the benchmark and the sentence', async () => {
    const res = await run('what-outperforms', { model: 'LLaMA-3' });
    expect(res.body.rows.map((r) => r.slice(0, 3))).toEqual([['Llama 3', 'GPT-4o', 'MMLU']]);
    expect(column(res.body, 'post')).toEqual(['mlnews/103']);
    expect(nodeIds(res.body)).toEqual(['gpt-4o', 'llama 3']);
  });

  it('co-mentioned-with ranks entities by shared posts', async () => {
    const res = await run('co-mentioned-with', { entity: 'Meta', limit: 2 });
    expect(column(res.body, 'entity')[0]).toBe('Llama 3');
    expect(column(res.body, 'sharedPosts')[0]).toBe(3);
    expect(res.body.rows).toHaveLength(2);
  });

  it('first-seen-in-month lists what first appeared in a month', async () => {
    const res = await run('first-seen-in-month', { month: '2024-04' });
    expect(column(res.body, 'entity').sort()).toEqual(['MMLU', 'PyTorch', 'YandexGPT', 'Яндекс']);
    const full = await run('first-seen-in-month', { month: '2024-03-31' });
    expect(column(full.body, 'entity')).toContain('Meta');
  });

  it('people-and-employers pairs people with organisations', async () => {
    const res = await run('people-and-employers');
    expect(res.body.rows.map((r) => r.slice(0, 2))).toEqual([
      ['Sam Altman', 'OpenAI'],
      ['Yann LeCun', 'Meta'],
    ]);
  });

  it('unowned-repositories keeps only repositories no organisation owns', async () => {
    const res = await run('unowned-repositories');
    expect(column(res.body, 'repository')).toEqual(['lonely-dev/tiny-agent']);
    expect(column(res.body, 'owner')).toEqual(['lonely-dev']);
  });

  it('posts-mentioning-both finds the shared post and draws both MENTIONS edges', async () => {
    const res = await run('posts-mentioning-both', { a: 'Meta', b: 'OpenAI' });
    expect(column(res.body, 'post')).toEqual(['mlnews/105']);
    expect(nodeIds(res.body)).toEqual(['meta', 'openai', 'post:mlnews/105']);
    expect(edgeIds(res.body).sort()).toEqual([
      'post:mlnews/105|MENTIONS|meta',
      'post:mlnews/105|MENTIONS|openai',
    ]);
  });

  it('most-connected ranks by relationships and filters by type', async () => {
    const res = await run('most-connected', { limit: 3 });
    expect(column(res.body, 'entity')).toEqual(['Llama 3', 'Meta', 'OpenAI']);
    const people = await run('most-connected', { type: 'Person' });
    expect(column(people.body, 'entity')).toEqual(['Yann LeCun', 'Sam Altman']);
  });

  it('benchmark-scores reports scores with metric', async () => {
    const res = await run('benchmark-scores', { benchmark: 'mmlu' });
    expect(res.body.rows.map((r) => r.slice(0, 4))).toEqual([['Llama 3', 'MMLU', 89.1, 'accuracy']]);
  });

  it('who-uses finds users of a library', async () => {
    const res = await run('who-uses', { library: 'pytorch' });
    expect(column(res.body, 'user')).toEqual(['Llama 3']);
  });

  it('mentions-by-month counts posts per month for an entity', async () => {
    const res = await run('mentions-by-month', { entity: 'Meta' });
    expect(res.body.rows.map((r) => r.slice(0, 2))).toEqual([
      ['2024-03', 1],
      ['2024-04', 1],
      ['2024-05', 2],
    ]);
    expect(res.body.elements).toEqual([]);
  });

  it('every listed query runs with its defaults', async () => {
    const list = await api.get<SavedQuery[]>('/api/queries');
    for (const query of list.body) {
      const res = await run(query.name);
      expect([query.name, res.status]).toEqual([query.name, 200]);
      expect(res.body.columns.length).toBeGreaterThan(0);
    }
  });

  it('accepts parameter values as the bare body and as strings from forms', async () => {
    const bare = await api.post<QueryResult>('/api/queries/most-connected/run', { limit: '2' });
    expect(bare.status).toBe(200);
    expect(bare.body.rows).toHaveLength(2);
  });
});

describe('POST /api/queries/{name}/run: bad input', () => {
  it('answers 400 naming the parameter for a wrong type, an unknown parameter and a bad date', async () => {
    expectError(await run('most-connected', { limit: 'many' }), 400, 'bad_request', 'params.limit');
    expectError(await run('most-connected', { limit: 2.5 }), 400, 'bad_request', 'params.limit');
    expectError(await run('most-connected', { colour: 'red' }), 400, 'bad_request', 'params.colour');
    expectError(await run('first-seen-in-month', { month: 'April' }), 400, 'bad_request', 'params.month');
    expectError(await run('who-released-what', { org: ['Meta'] }), 400, 'bad_request', 'params.org');
  });

  it('answers 404 for an unknown query and 400 for a malformed name', async () => {
    expectError(await run('drop-everything'), 404, 'not_found', 'drop-everything');
    expectError(await api.post('/api/queries/..%2F..%2Fetc/run', {}), 400, 'bad_request', 'name');
  });

  it('passes injection attempts in parameters as plain values', async () => {
    const before = await counts(api.driver);
    const res = await run('who-released-what', {
      org: "Meta' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    expect(await counts(api.driver)).toEqual(before);
  });
});

describe('POST /api/cypher', () => {
  const cypher = (query: string, extra: Record<string, unknown> = {}) =>
    api.post<QueryResult>('/api/cypher', { query, ...extra });

  it('runs a read query with parameters and returns rows and graph elements', async () => {
    const res = await cypher('MATCH (o:Organization)-[r:RELEASED]->(m) WHERE o.key = $org RETURN o, r, m', {
      params: { org: 'meta' },
    });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['o', 'r', 'm']);
    expect(res.body.rows).toHaveLength(2);
    const cell = res.body.rows[0][0] as { labels: string[]; properties: { key: string } };
    expect(cell.labels).toEqual(expect.arrayContaining(['Entity', 'Organization']));
    expect(cell.properties.key).toBe('meta');
    expect(nodeIds(res.body)).toEqual(['llama 3', 'meta']);
    expect(res.body.elements.find((e) => e.group === 'edges')?.data).toMatchObject({ count: 2 });
  });

  it('draws paths and fetches the ends of relationships returned alone', async () => {
    const paths = await cypher('MATCH p = (:Person)-[:WORKS_AT]->(:Organization) RETURN p');
    expect(nodeIds(paths.body)).toEqual(['meta', 'openai', 'sam altman', 'yann lecun']);
    const relsOnly = await cypher('MATCH ()-[r:USES]->() RETURN r');
    expect(nodeIds(relsOnly.body)).toEqual(['llama 3', 'pytorch']);
    expect(edgeIds(relsOnly.body)).toEqual(['llama 3|USES|pytorch']);
  });

  it('allows read-only schema procedures', async () => {
    const res = await cypher('CALL db.labels() YIELD label RETURN label ORDER BY label');
    expect(res.status).toBe(200);
    expect(res.body.rows.flat()).toEqual(expect.arrayContaining(['Entity', 'Post', 'Channel']));
  });

  it('cuts the rows at the limit and says so', async () => {
    const res = await cypher('UNWIND range(1, 500) AS i RETURN i');
    expect(res.body.rows).toHaveLength(50);
    expect(res.body.truncated).toBe('rows');
    const small = await cypher('UNWIND range(1, 500) AS i RETURN i', { limit: 7 });
    expect(small.body.rows).toHaveLength(7);
    expectError(await cypher('RETURN 1', { limit: 51 }), 400, 'bad_request', 'limit');
  });

  it.each([
    ['CREATE (n:Hacked) RETURN n', 'write'],
    ['MATCH (n) DETACH DELETE n', 'write'],
    ['MATCH (n:Entity) SET n.name = "x"', 'write'],
    ['MERGE (n:Entity {key: "x"})', 'write'],
    ['MATCH (n) CALL { WITH n REMOVE n.name } IN TRANSACTIONS RETURN 1', ''],
    ['CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)', 'schema'],
    ['DROP CONSTRAINT entity_key', 'schema'],
    ['CALL dbms.listConfig() YIELD name RETURN name', 'dbms'],
    ['CALL db.createLabel("Hacked")', ''],
    ['LOAD CSV FROM "file:///etc/passwd" AS line RETURN line', 'LOAD CSV'],
    ['SHOW USERS', 'administration'],
    ['USE system SHOW USERS', ''],
    ['CREATE USER eve SET PASSWORD "secret"', ''],
    ['CALL apoc.help("x")', 'apoc.help'],
    ['cReAtE (n:Hacked)', 'write'],
    ['MATCH (n) /* comment */ DETACH\nDELETE n', 'write'],
  ])('refuses %j with 400 and a reason, leaving the graph unchanged', async (query, reason) => {
    const before = await counts(api.driver);
    const res = await cypher(query);
    expectError(res, 400, 'bad_request', reason);
    expect((res.body as unknown as ApiError).error.message).toMatch(/^api\/cypher: query: /);
    expect(await counts(api.driver)).toEqual(before);
  });

  it('refuses by the plan what the text check does not see', async () => {
    // No write keyword in the text, but the plan calls a procedure outside the allow-list.
    const res = await cypher('CALL db.info() YIELD name RETURN name');
    expectError(res, 400, 'bad_request', 'procedure "db.info" is not allowed');
  });

  it('answers 400 with the database message for a syntax error', async () => {
    expectError(await cypher('MATCH (n RETURN n'), 400, 'bad_request', 'api/cypher');
    expectError(await cypher('   '), 400, 'bad_request', 'query');
    expectError(await api.post('/api/cypher', { params: {} }), 400, 'bad_request', 'query');
  });

  it('stops a query that runs past the time limit with 504', async () => {
    const impatient = await startTestApi({
      driver: api.driver,
      loadFixture: false,
      limits: { userQueryTimeoutMs: 1000 },
    });
    try {
      const res = await impatient.post('/api/cypher', {
        query: 'UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 123 RETURN count(*)',
      });
      expectError(res, 504, 'timeout', 'time limit');
    } finally {
      await impatient.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 once a client has run too many queries in a minute', async () => {
    const limited = await startTestApi({ driver: api.driver, loadFixture: false, queriesPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.post('/api/cypher', { query: 'RETURN 1' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.post<ApiError>('/api/cypher', { query: 'RETURN 1' });
      expect(res.body.error.code).toBe('rate_limited');
      // Reads of the graph are not limited.
      expect((await limited.get('/api/entities/meta')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
