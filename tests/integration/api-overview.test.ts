/**
 * GET /api/overview on a real Neo4j with the ml-news fixture graph: every figure is what a plain
 * MATCH over the whole graph says, the lists come in their documented order, the answer is cached
 * like the other reads, and its queries read indexes and the count store, not every post.
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { OverviewResponse } from '../../server/api/contract';
import { ENTITY_TYPES } from '../../vocabulary/types';
import { ingestFiles } from '../../ingest/pipeline';
import { apiQuery } from '../../server/repositories/cypher-files';
import { toPlain } from '../../db/to-plain';
import { OVERVIEW_LIMITS, releaseWindowStart, sumMonths } from '../../server/services/overview';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { loadGraphFixture } from '../fixtures/graph/load-graph-fixture';
import { clearGraph } from './support/db';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function rows<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await api.driver.executeQuery(cypher, params);
  return records.map((r) => toPlain(r.toObject()) as T);
}
async function one<T>(cypher: string, params: Record<string, unknown> = {}): Promise<T> {
  return (await rows<T>(cypher, params))[0];
}
const overview = async () => {
  const res = await api.get<OverviewResponse>('/api/overview');
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /api/overview on the fixture graph', () => {
  let body: OverviewResponse;
  beforeAll(async () => {
    body = await overview();
  });

  it('counts channels, posts and entities of each type as MATCH does', async () => {
    const counted = await one<{ channels: number; posts: number; entities: number }>(
      `CALL () { MATCH (c:Channel) WHERE EXISTS { (c)<-[:IN_CHANNEL]-() } RETURN count(c) AS channels }
       CALL () { MATCH (p:Post) RETURN count(p) AS posts }
       CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
       RETURN channels, posts, entities`,
    );
    expect(counted.posts).toBeGreaterThan(5);
    expect(body.channels.count).toBe(counted.channels);
    expect(body.posts).toBe(counted.posts);
    expect(body.entities.count).toBe(counted.entities);
    const byType = Object.fromEntries(
      await rows<{ type: string; n: number }>(
        'UNWIND $types AS type MATCH (e:Entity) WHERE type IN labels(e) RETURN type, count(e) AS n',
        { types: [...ENTITY_TYPES] },
      ).then((list) => list.map((r) => [r.type, r.n])),
    );
    for (const type of ENTITY_TYPES)
      expect([type, body.entities.byType[type]]).toEqual([type, byType[type] ?? 0]);
    expect(body.channels.items).toEqual(
      await rows(
        'MATCH (c:Channel) WHERE EXISTS { (c)<-[:IN_CHANNEL]-() } RETURN c.key AS key, coalesce(c.title, c.key) AS title ORDER BY title LIMIT 10',
      ),
    );
  });

  it('gives the date span and the posts per month of the dated posts', async () => {
    const span = await one<{ first: string; last: string; dated: number }>(
      'MATCH (p:Post) WHERE p.date IS NOT NULL RETURN min(p.date) AS first, max(p.date) AS last, count(p) AS dated',
    );
    expect(body.dates).toEqual({ first: span.first, last: span.last });
    expect(body.months).toEqual(
      await rows(
        'MATCH (p:Post) WHERE p.date IS NOT NULL RETURN substring(p.date, 0, 7) AS month, count(*) AS count ORDER BY month',
      ),
    );
    expect(body.months.reduce((sum, m) => sum + m.count, 0)).toBe(span.dated);
    // The fixture has an undated post: it counts in `posts` but in no month.
    expect(span.dated).toBeLessThan(body.posts);
  });

  it('lists the newest dated posts newest first, with their channel and entities', async () => {
    const expected = await rows<{ id: string; date: string }>(
      'MATCH (p:Post) WHERE p.date IS NOT NULL RETURN p.key AS id, p.date AS date ORDER BY date DESC, id LIMIT $limit',
      { limit: neo4j.int(OVERVIEW_LIMITS.latestPosts) },
    );
    expect(body.latestPosts.map((p) => [p.id, p.date])).toEqual(expected.map((p) => [p.id, p.date]));
    const dates = body.latestPosts.map((p) => p.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const [newest] = body.latestPosts;
    expect(newest.channel).toBe('mlnews');
    expect(newest.channelTitle.length).toBeGreaterThan(0);
    const mentioned = await rows<{ key: string }>(
      'MATCH (:Post {key: $id})-[:MENTIONS]->(e:Entity) RETURN e.key AS key',
      { id: newest.id },
    );
    expect(newest.entities.length).toBe(Math.min(OVERVIEW_LIMITS.entitiesPerPost, mentioned.length));
    for (const e of newest.entities) expect(mentioned.map((m) => m.key)).toContain(e.key);
  });

  it('ranks the most mentioned entities by mentionCount', async () => {
    const expected = await rows<{ key: string; mentionCount: number }>(
      'MATCH (e:Entity) RETURN e.key AS key, e.mentionCount AS mentionCount ORDER BY mentionCount DESC, key LIMIT $limit',
      { limit: neo4j.int(OVERVIEW_LIMITS.topEntities) },
    );
    expect(body.topEntities.map((e) => [e.key, e.mentionCount])).toEqual(
      expected.map((e) => [e.key, e.mentionCount]),
    );
    expect(body.topEntities[0]).toMatchObject({ name: expect.any(String), type: expect.any(String) });
  });

  it('ranks organisations by what they released in the latest months, with what they released', async () => {
    const { since, months } = body.releasers;
    expect(OVERVIEW_LIMITS.releaseWindows).toContain(months);
    expect(since).toBe(months === null ? null : releaseWindowStart(body.dates.last, months));
    const orgsSince = (from: string) =>
      rows<{ key: string }>(
        'MATCH (o:Organization)-[r:RELEASED]->(:Entity) WHERE r.date >= $from RETURN DISTINCT o.key AS key',
        { from },
      );
    // A wider window only when the narrowest had too few.
    if (months !== OVERVIEW_LIMITS.releaseWindows[0]) {
      const narrowest = releaseWindowStart(body.dates.last, OVERVIEW_LIMITS.releaseWindows[0]!)!;
      expect((await orgsSince(narrowest)).length).toBeLessThan(OVERVIEW_LIMITS.enoughReleasers);
    }
    const expected = await rows<{ key: string; releases: number; things: string[] }>(
      `MATCH (o:Organization)-[r:RELEASED]->(t:Entity) WHERE r.date >= $since
       RETURN o.key AS key, count(DISTINCT t) AS releases, collect(DISTINCT t.key) AS things`,
      { since: since ?? '' },
    );
    expect(body.releasers.items.length).toBeGreaterThan(0);
    expect(body.releasers.items.length).toBe(Math.min(expected.length, OVERVIEW_LIMITS.releasers));
    const counts = body.releasers.items.map((o) => o.releases);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const item of body.releasers.items) {
      const match = expected.find((e) => e.key === item.key);
      expect(match).toBeDefined();
      expect(item.type).toBe('Organization');
      expect(item.releases).toBe(match!.releases);
      expect(item.released.length).toBe(Math.min(match!.releases, OVERVIEW_LIMITS.releasedPerOrganisation));
      for (const thing of item.released) {
        expect(match!.things).toContain(thing.key);
        expect(thing.date >= (since ?? '')).toBe(true);
      }
      const dates = item.released.map((t) => t.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
  });

  it('is cached until the graph changes', async () => {
    const first = await api.get('/api/overview');
    const again = await api.get('/api/overview');
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.text).toBe(first.text);
  });
});

describe('GET /api/overview query plans', () => {
  const plan = async (name: string, params: Record<string, unknown>) => {
    const result = await api.driver.executeQuery(`EXPLAIN ${apiQuery(name)}`, params);
    const operators: string[] = [];
    type Op = { operatorType: string; arguments: Record<string, unknown>; children: Op[] };
    const walk = (op: Op) => {
      // Channels are few (one per imported export): scanning them is fine, and needed to skip
      // forward sources without posts. Any other label scan would grow with the graph.
      const details = String(op.arguments.Details ?? '');
      if (!/:Channel\b/.test(details)) operators.push(op.operatorType.replace(/@.*$/, ''));
      op.children.forEach(walk);
    };
    walk(result.summary.plan as unknown as Op);
    return operators;
  };
  const int = (n: number) => neo4j.int(n);

  it.each([
    ['overview-summary', {}],
    ['overview-channel-months', {}],
    ['overview-dates', {}],
    ['overview-months', {}],
    ['overview-latest-posts', { limit: int(8), entities: int(4) }],
    ['overview-top-entities', { limit: int(12) }],
  ])('%s reads no node by label scan', async (name, params) => {
    const operators = await plan(name, params);
    expect(operators).not.toContain('AllNodesScan');
    expect(operators).not.toContain('NodeByLabelScan');
  });

  it('overview-releasers starts from the released_date index', async () => {
    const operators = await plan('overview-releasers', {
      months: int(3),
      limit: int(8),
      perOrganisation: int(5),
    });
    expect(operators.some((op) => /RelationshipIndexSeekByRange/.test(op))).toBe(true);
  });
});

const monthsByMatch = () =>
  rows<{ month: string; count: number }>(
    'MATCH (p:Post) WHERE p.date IS NOT NULL RETURN substring(p.date, 0, 7) AS month, count(*) AS count ORDER BY month',
  );

describe('GET /api/overview on a graph written by the loader', () => {
  beforeAll(async () => {
    await clearGraph(api.driver);
    const repo = path.resolve(__dirname, '../..');
    await ingestFiles(api.driver, [
      path.join(repo, 'ingest/demo/ml-digest.result.json'),
      path.join(repo, 'tests/fixtures/xss/xss-post.result.json'),
    ]);
  });
  afterAll(async () => {
    await clearGraph(api.driver);
    await loadGraphFixture(api.driver);
  });

  it('sums the posts per month the loader kept on each channel, equal to counting the posts', async () => {
    const kept = await rows<{ months: string[] | null }>(
      'MATCH (c:Channel) WHERE EXISTS { (c)<-[:IN_CHANNEL]-() } RETURN c.postMonths AS months',
    );
    expect(kept.length).toBe(2);
    for (const c of kept)
      expect(c.months).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}$/)]));
    const body = await overview();
    expect(body.months).toEqual(await monthsByMatch());
    expect(body.channels.count).toBe(2);
  });

  it('counts from the posts when a channel has no kept months (imported before the loader kept them)', async () => {
    const before = await overview();
    await api.driver.executeQuery(
      'MATCH (c:Channel) WHERE EXISTS { (c)<-[:IN_CHANNEL]-() } WITH c LIMIT 1 REMOVE c.postMonths, c.postMonthCounts',
    );
    const after = await overview();
    expect(after.months).toEqual(before.months);
  });
});

describe('GET /api/overview on other graphs', () => {
  afterAll(async () => {
    await clearGraph(api.driver);
    await loadGraphFixture(api.driver);
  });

  it('bounds the channel list of a graph with twenty channels, and leaves out channels without posts', async () => {
    await api.driver.executeQuery(
      `UNWIND range(2, 20) AS i
       CREATE (:Post {key: 'extra' + i + '/1', channel: 'extra' + i, date: '2024-01-01'})
              -[:IN_CHANNEL]->(:Channel {key: 'extra' + i, title: 'Extra channel ' + i})`,
    );
    // A forwarded post's source channel: a node, but no posts of its own.
    await api.driver.executeQuery("CREATE (:Channel {key: 'forward-source', title: 'Forward source'})");
    const body = await overview();
    expect(body.channels.count).toBe(20);
    expect(body.channels.items.map((c) => c.key)).not.toContain('forward-source');
    expect(body.channels.items).toHaveLength(OVERVIEW_LIMITS.channels);
  });

  it('answers an empty graph with zeros and empty lists', async () => {
    await clearGraph(api.driver);
    const body = await overview();
    expect(body).toMatchObject({
      channels: { count: 0, items: [] },
      posts: 0,
      entities: { count: 0 },
      dates: { first: null, last: null },
      months: [],
      releasers: { since: null, months: null, items: [] },
      topEntities: [],
      latestPosts: [],
    });
    for (const type of ENTITY_TYPES) expect(body.entities.byType[type]).toBe(0);
  });
});

describe('sumMonths', () => {
  it('adds the channels up month by month, in month order', () => {
    expect(
      sumMonths([
        { months: ['2024-01', '2024-03'], counts: [2, 1] },
        { months: ['2023-12', '2024-03'], counts: [5, 4] },
      ]),
    ).toEqual([
      { month: '2023-12', count: 5 },
      { month: '2024-01', count: 2 },
      { month: '2024-03', count: 5 },
    ]);
  });
});

describe('releaseWindowStart', () => {
  it('counts calendar months back from the newest post, across a year boundary', () => {
    expect(releaseWindowStart('2024-05-21T07:00:00+00:00', 3)).toBe('2024-03');
    expect(releaseWindowStart('2024-02-01', 3)).toBe('2023-12');
    expect(releaseWindowStart('2024-01-31', 1)).toBe('2024-01');
    expect(releaseWindowStart(null, 3)).toBeNull();
  });
});
