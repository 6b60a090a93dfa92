/**
 * GET /api/relations: the evidence of one collapsed edge, a page at a time, against the ml-news
 * fixture graph with two more statements of Meta RELEASED Llama 3 (one in an undated post), so the
 * edge is stated in four posts: 106 (May), 104 (April), 101 (March) and 107 (no date).
 */
import type {
  ApiError,
  EdgeData,
  GraphResponse,
  PostDetails,
  RelationEvidenceResponse,
} from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(60_000);

let api: TestApi;
/** Written for this test: statements of the same relationship in posts that did not state it. */
const EXTRA_STATEMENTS = [
  { post: 'mlnews/104', evidence: 'Meta put Llama 3 out for everyone to try.' },
  { post: 'mlnews/107', evidence: 'Llama 3 is the model Meta shipped this spring.' },
];

beforeAll(async () => {
  api = await startTestApi();
  await api.driver.executeQuery(
    `UNWIND $statements AS s
     MATCH (a:Entity {key: 'meta'}), (b:Entity {key: 'llama 3'}), (p:Post {key: s.post})
     CREATE (a)-[r:RELEASED]->(b)
     SET r.post = s.post, r.evidence = s.evidence, r.confidence = 0.9, r.date = p.date`,
    { statements: EXTRA_STATEMENTS },
  );
});
afterAll(async () => {
  await api?.close();
});

const RELEASED = '/api/relations?from=meta&type=RELEASED&to=llama%203';

function expectError(res: { status: number; body: unknown }, status: number, code: string, mention: string) {
  expect(res.status).toBe(status);
  const body = res.body as ApiError;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(mention);
}

describe('GET /api/relations', () => {
  it('lists every post stating the relationship, newest first and undated last, with its sentence', async () => {
    const res = await api.get<RelationEvidenceResponse>(RELEASED);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      from: 'meta',
      to: 'llama 3',
      type: 'RELEASED',
      total: 4,
      page: 1,
      pageSize: 20,
    });
    expect(res.body.items.map((e) => [e.post, e.date, e.sentence])).toEqual([
      ['mlnews/106', '2024-05-21T07:00:00+00:00', 'Meta released Llama 3 weights under a new licence.'],
      ['mlnews/104', '2024-04-18T12:00:00+00:00', 'Meta put Llama 3 out for everyone to try.'],
      ['mlnews/101', '2024-03-12T09:00:00+00:00', 'Meta has published Llama 3 today.'],
      ['mlnews/107', null, 'Llama 3 is the model Meta shipped this spring.'],
    ]);
    // Title and link are the post's own.
    const post = await api.get<PostDetails>('/api/posts/mlnews/106');
    expect(res.body.items[0]).toMatchObject({ title: post.body.title, sourceUrl: post.body.sourceUrl });
    expect(res.body.items[0].title).not.toBe('');
  });

  it('pages without overlap: the pages together are the whole list, and past the end is empty', async () => {
    const page = (n: number) => api.get<RelationEvidenceResponse>(`${RELEASED}&page=${n}&pageSize=3`);
    const [first, second, third] = await Promise.all([page(1), page(2), page(3)]);
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.body.items.map((e) => e.post)).toEqual(['mlnews/106', 'mlnews/104', 'mlnews/101']);
    expect(second.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.body.items.map((e) => e.post)).toEqual(['mlnews/107']);
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ total: 4, page: 3, items: [] });
  });

  it("counts what the neighbourhood's edge counts", async () => {
    const graph = await api.get<GraphResponse>('/api/entities/meta/neighbours');
    const edge = graph.body.elements.find((e) => e.data.id === 'meta|RELEASED|llama 3')?.data as EdgeData;
    const evidence = await api.get<RelationEvidenceResponse>(`${RELEASED}&pageSize=1`);
    expect(evidence.body.total).toBe(edge.count);
    expect(evidence.body.items).toHaveLength(1);
  });

  it('finds keys with slashes and one statement of other types', async () => {
    const res = await api.get<RelationEvidenceResponse>(
      '/api/relations?from=meta&type=OWNS&to=meta-llama%2Fllama3',
    );
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items).toEqual([
      {
        post: 'mlnews/101',
        title: expect.any(String),
        date: '2024-03-12T09:00:00+00:00',
        sourceUrl: 'https://t.me/mlnews/101',
        sentence: 'Weights and code sit in meta-llama/llama3 on GitHub.',
      },
    ]);
  });

  it('answers no items for a relationship that does not exist (another type, or against its direction)', async () => {
    for (const url of [
      '/api/relations?from=meta&type=USES&to=llama%203',
      '/api/relations?from=llama%203&type=RELEASED&to=meta',
    ]) {
      const res = await api.get<RelationEvidenceResponse>(url);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 0, items: [] });
    }
  });

  it('answers 404 naming the entity that does not exist', async () => {
    expectError(
      await api.get('/api/relations?from=nobody&type=RELEASED&to=llama%203'),
      404,
      'not_found',
      'from: no entity with key "nobody"',
    );
    expectError(
      await api.get('/api/relations?from=meta&type=RELEASED&to=nothing'),
      404,
      'not_found',
      'to: no entity with key "nothing"',
    );
  });

  it('answers 400 naming the bad parameter', async () => {
    const cases: [string, string][] = [
      ['/api/relations?from=meta&type=RELEASES&to=llama%203', 'type'],
      ['/api/relations?from=meta&type=released&to=llama%203', 'type'],
      ['/api/relations?from=meta&type=MENTIONS&to=llama%203', 'type'],
      ['/api/relations?from=meta&to=llama%203', 'type'],
      ['/api/relations?type=RELEASED&to=llama%203', 'from'],
      ['/api/relations?from=meta&type=RELEASED', 'to'],
      [`${RELEASED}&page=0`, 'page'],
      [`${RELEASED}&pageSize=101`, 'pageSize'],
      [`${RELEASED}&pageSize=two`, 'pageSize'],
    ];
    for (const [url, parameter] of cases) expectError(await api.get(url), 400, 'bad_request', parameter);
  });
});

describe('GET /api/relations in /api/openapi.json', () => {
  it('is described with the parameters the route reads and the fields it returns', async () => {
    type Operation = { parameters: { name: string; required: boolean }[] };
    const doc = (
      await api.get<{
        paths: Record<string, { get: Operation }>;
        components: { schemas: Record<string, { required?: string[] }> };
      }>('/api/openapi.json')
    ).body;
    const operation = doc.paths['/api/relations'].get;
    expect(operation.parameters.map((p) => [p.name, p.required])).toEqual([
      ['from', true],
      ['type', true],
      ['to', true],
      ['page', false],
      ['pageSize', false],
    ]);
    const res = await api.get<Record<string, unknown>>(RELEASED);
    const schemas = doc.components.schemas;
    expect(Object.keys(res.body).sort()).toEqual(
      [...(schemas.RelationEvidenceResponse.required ?? [])].sort(),
    );
    const item = (res.body as unknown as RelationEvidenceResponse).items[0];
    expect(Object.keys(item).sort()).toEqual([...(schemas.Evidence.required ?? [])].sort());
  });
});

describe('neighbourhood edges after GET /api/relations took over their evidence', () => {
  it('carry one sentence (the earliest), while count and posts still describe all statements', async () => {
    const graph = await api.get<GraphResponse>('/api/entities/meta/neighbours');
    const edge = graph.body.elements.find((e) => e.data.id === 'meta|RELEASED|llama 3')?.data as EdgeData;
    expect(edge).toMatchObject({
      count: 4,
      posts: ['mlnews/101', 'mlnews/104', 'mlnews/106', 'mlnews/107'],
      evidence: ['Meta has published Llama 3 today.'],
      firstDate: '2024-03-12T09:00:00+00:00',
    });
  });

  it('keep their sentences in exports of a neighbourhood', async () => {
    const res = await api.get<{ edges: EdgeData[] }>('/api/export?format=json&key=meta');
    expect(res.status).toBe(200);
    const edge = res.body.edges.find((e) => e.type === 'RELEASED' && e.source === 'meta');
    expect(edge?.evidence).toHaveLength(4);
  });
});
