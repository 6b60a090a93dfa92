import type {
  ApiError,
  EdgeData,
  EntityDetails,
  GraphResponse,
  HealthResponse,
  NodeData,
  PathsResponse,
  PostDetails,
  SearchResponse,
  TimelineResponse,
} from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { counts } from './support/db';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const nodeIds = (g: { elements: { group: string; data: { id: string } }[] }) =>
  g.elements
    .filter((e) => e.group === 'nodes')
    .map((e) => e.data.id)
    .sort();
const edges = (g: { elements: { group: string; data: unknown }[] }) =>
  g.elements.filter((e) => e.group === 'edges').map((e) => e.data as EdgeData);

function expectError(res: { status: number; body: unknown }, status: number, code: string, mention?: string) {
  expect(res.status).toBe(status);
  const body = res.body as ApiError;
  expect(body.error.code).toBe(code);
  if (mention) expect(body.error.message).toContain(mention);
}

describe('GET /api/health', () => {
  it('reports the database version, edition and graph size', async () => {
    const res = await api.get<HealthResponse>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.reachable).toBe(true);
    expect(res.body.database.version).toMatch(/^5\.26\./);
    expect(res.body.database.edition).toBe('community');
    expect(res.body.database).toMatchObject(await counts(api.driver));
  });
});

describe('GET /api/search', () => {
  const search = (query: string) => api.get<SearchResponse>(`/api/search?${query}`);

  it('ranks the exact name first and finds prefixes', async () => {
    const res = await search('q=llama');
    expect(res.status).toBe(200);
    expect(res.body.hits[0]).toMatchObject({
      key: 'llama 3',
      name: 'Llama 3',
      type: 'Model',
      mentionCount: 3,
    });
    expect(res.body.hits.map((h) => h.key)).toContain('meta-llama/llama3');
  });

  it('finds Cyrillic names by prefix and Latin aliases', async () => {
    expect((await search(`q=${encodeURIComponent('Яндек')}`)).body.hits[0].key).toBe('яндекс');
    const byAlias = await search('q=yandex');
    expect(byAlias.body.hits.map((h) => h.key)).toEqual(expect.arrayContaining(['яндекс', 'yandexgpt']));
  });

  it('tolerates a typo with a fuzzy term', async () => {
    expect((await search('q=pytorh')).body.hits[0].key).toBe('pytorch');
  });

  it('filters by entity type', async () => {
    const res = await search('q=llama&types=Repository');
    expect(res.body.hits.map((h) => h.key)).toEqual(['meta-llama/llama3']);
  });

  it('falls back to a substring match for one- and two-letter queries', async () => {
    const res = await search('q=AB');
    expect(res.body.hits[0]).toMatchObject({ key: 'ab', type: 'Library' });
  });

  it.each(['meta" OR *:*', '*', 'name:meta) OR (x', 'AND OR NOT', '\\', '~~~', '{[()]}^'])(
    'treats Lucene syntax in %j as text, never as query structure',
    async (q) => {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.hits.length).toBeLessThan(5);
    },
  );

  it('answers 400 naming the parameter for a missing q, a bad limit and an unknown type', async () => {
    expectError(await search(''), 400, 'bad_request', 'q');
    expectError(await search('q=meta&limit=0'), 400, 'bad_request', 'limit');
    expectError(await search('q=meta&limit=abc'), 400, 'bad_request', 'limit');
    expectError(await search('q=meta&types=Robot'), 400, 'bad_request', 'types');
  });
});

describe('GET /api/entities/{key}', () => {
  it('returns the entity with relationship counts and its posts, newest first', async () => {
    const res = await api.get<EntityDetails>('/api/entities/meta');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: 'meta',
      name: 'Meta',
      type: 'Organization',
      aliases: ['Facebook', 'FB AI'],
      mentionCount: 4,
      firstSeen: '2024-03-12T09:00:00+00:00',
      degree: { RELEASED: 2, WORKS_AT: 1, OWNS: 1 },
    });
    expect(res.body.posts.total).toBe(4);
    expect(res.body.posts.items.map((p) => p.id)).toEqual([
      'mlnews/106',
      'mlnews/105',
      'mlnews/103',
      'mlnews/101',
    ]);
    expect(res.body.posts.items[0].sentences).toEqual(['Meta released Llama 3 weights under a new licence.']);
  });

  it('pages the posts', async () => {
    const res = await api.get<EntityDetails>('/api/entities/meta?page=2&pageSize=3');
    expect(res.body.posts).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(res.body.posts.items.map((p) => p.id)).toEqual(['mlnews/101']);
  });

  it('accepts keys with a slash written as is or encoded, and keys with spaces', async () => {
    for (const path of ['/api/entities/meta-llama/llama3', '/api/entities/meta-llama%2Fllama3']) {
      const res = await api.get<EntityDetails>(path);
      expect(res.status).toBe(200);
      expect(res.body.key).toBe('meta-llama/llama3');
      expect(res.body.properties.url).toBe('https://github.com/meta-llama/llama3');
    }
    expect((await api.get<EntityDetails>('/api/entities/llama%203')).body.name).toBe('Llama 3');
  });

  it('answers 404 for an unknown key, and a Cypher-looking key changes nothing', async () => {
    const before = await counts(api.driver);
    expectError(await api.get('/api/entities/nobody'), 404, 'not_found', 'nobody');
    const injected = encodeURIComponent("x'}) DETACH DELETE e //");
    expectError(await api.get(`/api/entities/${injected}`), 404, 'not_found');
    expect(await counts(api.driver)).toEqual(before);
  });
});

describe('GET /api/entities/{key}/neighbours', () => {
  it('returns the neighbours and collapses parallel relationships into one edge', async () => {
    const res = await api.get<GraphResponse>('/api/entities/meta/neighbours');
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    expect(nodeIds(res.body)).toEqual(['llama 3', 'meta', 'meta-llama/llama3', 'yann lecun']);
    const released = edges(res.body).find((e) => e.type === 'RELEASED');
    expect(released).toMatchObject({
      id: 'meta|RELEASED|llama 3',
      source: 'meta',
      target: 'llama 3',
      count: 2,
      posts: ['mlnews/101', 'mlnews/106'],
      firstDate: '2024-03-12T09:00:00+00:00',
    });
    // One sentence per edge, the earliest: GET /api/relations pages through the rest.
    expect(released?.evidence).toEqual(['Meta has published Llama 3 today.']);
    // Relationships among the neighbours are included too.
    expect(edges(res.body).map((e) => e.id)).toContain('llama 3|HAS_REPO|meta-llama/llama3');
    const meta = res.body.elements.find((e) => e.data.id === 'meta')?.data as NodeData;
    expect(meta).toMatchObject({ label: 'Meta', type: 'Organization', mentionCount: 4, degree: 3 });
  });

  it('reaches two hops at depth 2 and flags truncation at the limit', async () => {
    const deep = await api.get<GraphResponse>('/api/entities/meta/neighbours?depth=2');
    expect(nodeIds(deep.body)).toEqual(expect.arrayContaining(['gpt-4o', 'pytorch', 'mmlu', 'neurips 2024']));
    const cut = await api.get<GraphResponse>('/api/entities/meta/neighbours?depth=2&limit=2');
    expect(cut.body.truncated).toBe(true);
    expect(nodeIds(cut.body)).toHaveLength(3);
    // Nearest first: the two kept neighbours are one hop away.
    expect(nodeIds(cut.body)).not.toContain('pytorch');
  });

  it('filters by relationship and entity type', async () => {
    const byRel = await api.get<GraphResponse>('/api/entities/meta/neighbours?rels=WORKS_AT');
    expect(nodeIds(byRel.body)).toEqual(['meta', 'yann lecun']);
    const byType = await api.get<GraphResponse>('/api/entities/meta/neighbours?types=Repository,Person');
    expect(nodeIds(byType.body)).toEqual(['meta', 'meta-llama/llama3', 'yann lecun']);
  });

  it('answers an entity without relationships with itself alone, not 404', async () => {
    const res = await api.get<GraphResponse>('/api/entities/ab/neighbours?depth=2');
    expect(res.status).toBe(200);
    expect(nodeIds(res.body)).toEqual(['ab']);
    expect(edges(res.body)).toEqual([]);
    expect(res.body.truncated).toBe(false);
  });

  it('answers 400 for out-of-range depth and limit, 404 for an unknown entity', async () => {
    expectError(await api.get('/api/entities/meta/neighbours?depth=3'), 400, 'bad_request', 'depth');
    expectError(await api.get('/api/entities/meta/neighbours?limit=501'), 400, 'bad_request', 'limit');
    expectError(await api.get('/api/entities/meta/neighbours?rels=LIKES'), 400, 'bad_request', 'rels');
    expectError(await api.get('/api/entities/nobody/neighbours'), 404, 'not_found', 'nobody');
  });
});

describe('GET /api/paths', () => {
  it('finds the shortest path with evidence on every hop and the direction of each relationship', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=sam%20altman&to=yann%20lecun&max=5');
    expect(res.status).toBe(200);
    expect(res.body.paths).toHaveLength(1);
    const [path] = res.body.paths;
    expect(path.length).toBe(5);
    expect(path.nodes.map((n) => n.id)).toEqual([
      'sam altman',
      'openai',
      'gpt-4o',
      'llama 3',
      'meta',
      'yann lecun',
    ]);
    expect(path.hops.map((h) => [h.type, h.forward])).toEqual([
      ['WORKS_AT', true],
      ['RELEASED', true],
      ['OUTPERFORMS', false],
      ['RELEASED', false],
      ['WORKS_AT', false],
    ]);
    for (const hop of path.hops) {
      expect(hop.evidence.length).toBeGreaterThan(0);
      for (const e of hop.evidence) {
        expect(e.post).toMatch(/^mlnews\/\d+$/);
        expect(e.title).not.toBe('');
        expect(e.date).toMatch(/^2024-/);
        expect(e.sentence).not.toBe('');
      }
    }
    expect(path.hops[3].evidence.map((e) => e.post)).toEqual(['mlnews/101', 'mlnews/106']);
    expect(nodeIds(res.body)).toHaveLength(6);
    expect(edges(res.body)).toHaveLength(5);
  });

  it('returns the k shortest paths, shortest first, up to max hops', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=sam%20altman&to=yann%20lecun&max=6');
    expect(res.body.paths.map((p) => p.length)).toEqual([5, 6]);
    expect(res.body.paths[1].nodes.map((n) => n.id)).toContain('meta-llama/llama3');
    const one = await api.get<PathsResponse>('/api/paths?from=sam%20altman&to=yann%20lecun&max=6&k=1');
    expect(one.body.paths.map((p) => p.length)).toEqual([5]);
  });

  it('returns one path where parallel relationships would make several', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=meta&to=gpt-4o');
    expect(res.body.paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['meta', 'llama 3', 'gpt-4o'],
      ['meta', 'meta-llama/llama3', 'llama 3', 'gpt-4o'],
    ]);
    expect(edges(res.body).find((e) => e.type === 'RELEASED')?.count).toBe(2);
  });

  it('returns no path when the only ones are longer than max', async () => {
    const res = await api.get<PathsResponse>(
      '/api/paths?from=sam%20altman&to=yann%20lecun&max=4&via=relations',
    );
    expect(res.status).toBe(200);
    expect(res.body.paths).toEqual([]);
  });

  it('follows co-mentions in posts on request, with the shared post and sentence as evidence', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=sam%20altman&to=yann%20lecun&via=posts&k=1');
    expect(res.status).toBe(200);
    expect(res.body.via).toBe('posts');
    const [path] = res.body.paths;
    expect(path.nodes.map((n) => n.id)).toEqual(['sam altman', 'openai', 'yann lecun']);
    expect(path.hops.map((h) => [h.type, h.forward, h.evidence.map((e) => e.post)])).toEqual([
      ['CO_MENTIONED', true, ['mlnews/102']],
      ['CO_MENTIONED', true, ['mlnews/105']],
    ]);
    expect(path.hops[0].evidence[0].sentence).toBe('Sam Altman, CEO of OpenAI, demoed it live.');
    expect(edges(res.body).map((e) => e.type)).toEqual(['CO_MENTIONED', 'CO_MENTIONED']);
  });

  it('falls back to co-mentions only when no relationship path exists (via=auto, the default)', async () => {
    const related = await api.get<PathsResponse>('/api/paths?from=meta&to=gpt-4o');
    expect(related.body.via).toBe('relations');
    const auto = await api.get<PathsResponse>('/api/paths?from=ab&to=meta');
    expect(auto.body.via).toBe('posts');
    expect(auto.body.paths[0].nodes.map((n) => n.id)).toEqual(['ab', 'gpt-4o', 'meta']);
    const strict = await api.get<PathsResponse>('/api/paths?from=ab&to=meta&via=relations');
    expect(strict.body).toMatchObject({ via: 'relations', paths: [] });
  });

  it('answers 404 naming the unknown end and 400 for bad parameters', async () => {
    expectError(await api.get('/api/paths?from=meta&to=openai&via=telepathy'), 400, 'bad_request', 'via');
    expectError(await api.get('/api/paths?from=nobody&to=meta'), 404, 'not_found', 'from');
    expectError(await api.get('/api/paths?from=meta'), 400, 'bad_request', 'to');
    expectError(await api.get('/api/paths?from=meta&to=openai&max=7'), 400, 'bad_request', 'max');
  });
});

describe('GET /api/posts/{id}', () => {
  it('returns the text and every mention as offsets into it, in text order', async () => {
    for (const path of ['/api/posts/mlnews/104', '/api/posts/mlnews%2F104']) {
      const res = await api.get<PostDetails>(path);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: 'mlnews/104',
        channel: 'mlnews',
        language: 'ru',
        date: '2024-04-18T12:00:00+00:00',
      });
      expect(res.body.mentions.map((m) => [m.key, res.body.text.slice(m.start, m.end)])).toEqual([
        ['яндекс', 'Яндекс'],
        ['yandexgpt', 'YandexGPT'],
        ['яндекс', 'Яндексе'],
      ]);
    }
  });

  it('shows where a post was forwarded from', async () => {
    expect((await api.get<PostDetails>('/api/posts/mlnews/105')).body.forwardedFrom).toBe(
      'AI Conference Watch',
    );
  });

  it('answers 404 for an unknown post', async () => {
    expectError(await api.get('/api/posts/mlnews/999'), 404, 'not_found', 'mlnews/999');
  });
});

describe('GET /api/timeline', () => {
  it('counts posts per month for the whole graph (undated posts left out)', async () => {
    const res = await api.get<TimelineResponse>('/api/timeline');
    expect(res.body).toEqual({
      key: null,
      months: [
        { month: '2024-03', count: 2 },
        { month: '2024-04', count: 2 },
        { month: '2024-05', count: 2 },
      ],
    });
  });

  it('counts the posts mentioning one entity', async () => {
    const res = await api.get<TimelineResponse>('/api/timeline?key=meta');
    expect(res.body.months).toEqual([
      { month: '2024-03', count: 1 },
      { month: '2024-04', count: 1 },
      { month: '2024-05', count: 2 },
    ]);
    expectError(await api.get('/api/timeline?key=nobody'), 404, 'not_found', 'nobody');
  });
});
