import type { ApiError, EdgeData, NodeData } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface JsonExport {
  nodes: NodeData[];
  edges: EdgeData[];
}
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();

describe('GET|POST /api/export', () => {
  it('exports the given entities and the relationships among them as JSON', async () => {
    const res = await api.get<JsonExport>('/api/export?format=json&keys=meta,llama%203,pytorch');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9_.-]+\.json"$/);
    expect(ids(res.body.nodes)).toEqual(['llama 3', 'meta', 'pytorch']);
    expect(ids(res.body.edges)).toEqual(['llama 3|USES|pytorch', 'meta|RELEASED|llama 3']);
    expect(res.body.edges.find((e) => e.type === 'RELEASED')).toMatchObject({ count: 2 });
  });

  it('takes keys containing commas and slashes as a JSON array in a POST body', async () => {
    const res = await api.post<JsonExport>('/api/export?format=json', {
      keys: ['meta', 'meta-llama/llama3'],
    });
    expect(res.status).toBe(200);
    expect(ids(res.body.edges)).toEqual(['meta|OWNS|meta-llama/llama3']);
  });

  it('exports a neighbourhood as GraphML', async () => {
    const res = await api.get('/api/export?format=graphml&key=meta&depth=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('graphml');
    expect(res.text).toContain('<graphml');
    for (const id of ['meta', 'llama 3', 'yann lecun', 'meta-llama/llama3'])
      expect(res.text).toContain(`"${id}"`);
  });

  it('exports the graph of a saved query as GEXF and the whole graph as a CSV zip', async () => {
    const gexf = await api.get(
      `/api/export?format=gexf&query=who-released-what&params=${encodeURIComponent('{"org":"Meta"}')}`,
    );
    expect(gexf.status).toBe(200);
    expect(gexf.text).toContain('<gexf');
    expect(gexf.text).toContain('Llama 3');
    expect(gexf.text).not.toContain('YandexGPT');
    const zip = await fetch(`${api.url}/api/export?format=csv`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('exports Cytoscape JSON that lists every entity of the whole graph', async () => {
    const res = await api.get<{ elements: { nodes: { data: { id: string } }[] } }>('/api/export?format=cyjs');
    expect(res.status).toBe(200);
    const body = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    expect(body.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toHaveLength(15);
  });

  it('answers 400 for an unknown format, two sources or bad params, and 404 for unknown keys', async () => {
    const cases: [string, number, string][] = [
      ['/api/export?format=pdf&keys=meta', 400, 'format'],
      ['/api/export?keys=meta', 400, 'format'],
      ['/api/export?format=json&keys=meta&key=meta', 400, 'source'],
      ['/api/export?format=json&query=who-released-what&params=notjson', 400, 'params'],
      ['/api/export?format=json&key=meta&depth=5', 400, 'depth'],
      ['/api/export?format=json&keys=meta,nobody', 404, 'nobody'],
      ['/api/export?format=json&query=no-such-query', 404, 'no-such-query'],
    ];
    for (const [url, status, mention] of cases) {
      const res = await api.get<ApiError>(url);
      expect([url, res.status]).toEqual([url, status]);
      expect(res.body.error.message).toContain(mention);
    }
  });
});
