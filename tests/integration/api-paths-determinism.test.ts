/**
 * GET /api/paths gives the same bytes for the same graph and request, however often and however
 * many at once it is asked, and from a fresh server too (response cache off, so every answer is
 * searched again). Beside the ml-news fixture, a lattice of entities where one pair has 256
 * equally short paths and another has far more than k paths of several lengths: the ties and the
 * longer alternatives that a time budget used to cut differently on a loaded machine. The answers
 * are checked against every simple path Cypher enumerates, sorted in the documented order.
 */
import type { PathsResponse } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';

jest.setTimeout(120_000);

const LAYERS = 4;
const WIDTH = 4;
const TYPES = ['USES', 'PART_OF', 'RELEASED'] as const;
const DATE = '2024-05-01';

interface LatticeRelation {
  from: string;
  to: string;
  type: (typeof TYPES)[number];
  post: string;
}

const node = (layer: number, i: number) =>
  layer === 0 ? 'lattice/a' : layer === LAYERS + 1 ? 'lattice/z' : `lattice/${layer}-${i}`;

/**
 * Every entity of a layer linked to every entity of the next: types, directions and parallel
 * relationships (a second post stating the same) vary with the position, and every post has the
 * same date so that only the post key orders the evidence.
 */
function lattice(): { keys: string[]; relations: LatticeRelation[] } {
  const keys = new Set<string>();
  const relations: LatticeRelation[] = [];
  for (let layer = 0; layer <= LAYERS; layer++) {
    const here = layer === 0 ? 1 : WIDTH;
    const next = layer === LAYERS ? 1 : WIDTH;
    for (let i = 0; i < here; i++)
      for (let j = 0; j < next; j++) {
        const a = node(layer, i);
        const b = node(layer + 1, j);
        keys.add(a).add(b);
        const [from, to] = (i + j + layer) % 2 === 0 ? [a, b] : [b, a];
        const type = TYPES[(i + 2 * j + layer) % TYPES.length];
        const copies = (i + j) % 3 === 0 ? 2 : 1;
        for (let c = 0; c < copies; c++)
          relations.push({ from, to, type, post: `lattice/${relations.length + 1}` });
      }
  }
  return { keys: [...keys], relations };
}

async function loadLattice(api: TestApi): Promise<void> {
  const { keys, relations } = lattice();
  await api.driver.executeQuery(
    `UNWIND $keys AS key
     MERGE (e:Entity {key: key})
     SET e:Model, e.name = toUpper(key), e.type = 'Model', e.aliases = []`,
    { keys },
  );
  // One post per relationship, mentioning both ends: co-mention paths follow the same lattice.
  await api.driver.executeQuery(
    `UNWIND $relations AS r
     MATCH (a:Entity {key: r.from}), (b:Entity {key: r.to})
     MERGE (p:Post {key: r.post})
     SET p.channel = 'lattice', p.title = 'Post ' + r.post, p.date = $date, p.text = r.from + ' and ' + r.to
     MERGE (p)-[ma:MENTIONS]->(a) SET ma.count = 1, ma.sentences = [p.text]
     MERGE (p)-[mb:MENTIONS]->(b) SET mb.count = 1, mb.sentences = [p.text]`,
    { relations, date: DATE },
  );
  for (const type of TYPES)
    await api.driver.executeQuery(
      `UNWIND $relations AS r
       MATCH (a:Entity {key: r.from}), (b:Entity {key: r.to})
       MERGE (a)-[rel:${type} {post: r.post}]->(b)
       SET rel.evidence = r.from + ' ${type} ' + r.to, rel.confidence = 0.9, rel.date = $date`,
      { relations: relations.filter((r) => r.type === type), date: DATE },
    );
  await api.driver.executeQuery(
    `MATCH (e:Entity)<-[:MENTIONS]-(p:Post) WHERE e.key STARTS WITH 'lattice/'
     WITH e, count(p) AS posts SET e.mentionCount = posts, e.firstSeen = $date, e.lastSeen = $date`,
    { date: DATE },
  );
}

/** A path as the order of the answer sees it: its hops as (next entity, type, direction). */
type Hops = [string, string, boolean][];

function hopsOf(path: PathsResponse['paths'][number]): Hops {
  return path.hops.map((h, i) => [path.nodes[i + 1].id, h.type, h.forward]);
}

/** Shorter first, then hop by hop: entity key, type, forward before backward (code-unit order). */
function compareHops(a: Hops, b: Hops): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x[0] !== y[0]) return x[0] < y[0] ? -1 : 1;
    if (x[1] !== y[1]) return x[1] < y[1] ? -1 : 1;
    if (x[2] !== y[2]) return x[2] ? -1 : 1;
  }
  return 0;
}

/** Every simple path over relationships as Cypher enumerates it, parallel ones as one, sorted. */
async function allPaths(api: TestApi, from: string, to: string, max: number): Promise<Hops[]> {
  const { records } = await api.driver.executeQuery(
    `MATCH p = (a:Entity {key: $from})-[:USES|PART_OF|RELEASED*1..${max}]-(b:Entity {key: $to})
     WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
     RETURN [i IN range(0, length(p) - 1) |
       [nodes(p)[i + 1].key, type(relationships(p)[i]), startNode(relationships(p)[i]) = nodes(p)[i]]] AS hops`,
    { from, to },
  );
  const distinct = new Map<string, Hops>();
  for (const r of records) {
    const hops = r.get('hops') as Hops;
    distinct.set(JSON.stringify(hops), hops);
  }
  return [...distinct.values()].sort(compareHops);
}

let api: TestApi;
let fresh: TestApi;
let bounded: TestApi;
const noCache = { maxMb: 0, checkIntervalMs: 0 };
beforeAll(async () => {
  api = await startTestApi({ cache: noCache });
  await loadLattice(api);
  fresh = await startTestApi({ driver: api.driver, loadFixture: false, cache: noCache });
  // A bound small enough that the lattice cannot be read to 6 hops around its two ends.
  bounded = await startTestApi({
    driver: api.driver,
    loadFixture: false,
    cache: noCache,
    limits: { pathMaxLinks: 24 },
  });
});
afterAll(async () => {
  await bounded?.close();
  await fresh?.close();
  await api?.close();
});

const REQUESTS = [
  '/api/paths?from=lattice%2Fa&to=lattice%2Fz&max=6&k=10',
  '/api/paths?from=lattice%2F1-0&to=lattice%2F1-1&max=6&k=10',
  '/api/paths?from=lattice%2F1-0&to=lattice%2F4-3&max=4&k=10',
  '/api/paths?from=lattice%2Fa&to=lattice%2Fz&max=6&k=10&via=posts',
  '/api/paths?from=sam%20altman&to=yann%20lecun&max=6&k=10',
  '/api/paths?from=meta&to=gpt-4o&k=10',
];

async function askRepeatedly(server: TestApi, path: string): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 0; i < 3; i++) texts.push((await server.get(path)).text);
  // Several at once: the answer must not depend on what else the server and database are doing.
  const together = await Promise.all(Array.from({ length: 4 }, () => server.get(path)));
  for (const res of together) {
    expect(res.status).toBe(200);
    texts.push(res.text);
  }
  texts.push((await fresh.get(path)).text);
  return texts;
}

describe('GET /api/paths answers deterministically', () => {
  it.each(REQUESTS)('%s: the same bytes every time', async (path) => {
    const texts = await askRepeatedly(api, path);
    expect(new Set(texts).size).toBe(1);
    const body = JSON.parse(texts[0]) as PathsResponse;
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.searchedHops).toBe(Number(new URLSearchParams(path.split('?')[1]).get('max') ?? 4));
    for (const p of body.paths)
      for (const hop of p.hops) expect(hop.evidence.map((e) => e.post).length).toBeGreaterThan(0);
  });

  it('gives the k first of all simple paths, ties in the documented order', async () => {
    for (const [from, to, max] of [
      ['lattice/a', 'lattice/z', 6],
      ['lattice/1-0', 'lattice/1-1', 6],
      ['lattice/1-0', 'lattice/4-3', 4],
    ] as const) {
      const res = await api.get<PathsResponse>(
        `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&max=${max}&k=10`,
      );
      const expected = (await allPaths(api, from, to, max)).slice(0, 10);
      expect(expected).toHaveLength(10);
      expect(res.body.paths.map(hopsOf)).toEqual(expected);
    }
  });

  it('searches longer alternatives when there are fewer than k shortest paths, the same every time', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=lattice%2F1-0&to=lattice%2F1-1&max=6&k=10');
    const lengths = res.body.paths.map((p) => p.length);
    expect(lengths).toHaveLength(10);
    expect(lengths[0]).toBe(2);
    expect(lengths[lengths.length - 1]).toBeGreaterThan(2);
  });

  it('cites the posts of a hop in date, then post key order', async () => {
    const res = await api.get<PathsResponse>('/api/paths?from=lattice%2Fa&to=lattice%2Fz&max=6&k=10');
    for (const p of res.body.paths)
      for (const hop of p.hops) {
        const posts = hop.evidence.map((e) => e.post);
        expect(posts).toEqual([...posts].sort());
      }
  });

  it('under a bound on links read searches fewer hops, says so, and answers the same every time', async () => {
    const path = '/api/paths?from=lattice%2Fa&to=lattice%2Fz&max=6&k=10&via=relations';
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await bounded.get(path)).text);
    expect(new Set(texts).size).toBe(1);
    const body = JSON.parse(texts[0]) as PathsResponse;
    expect(body.searchedHops).toBeLessThan(5);
    expect(body.paths).toEqual([]);
  });
});
