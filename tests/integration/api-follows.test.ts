/**
 * /api/follows on the real app and Neo4j, fetching from the local t.me stand-in: follow, progress
 * and outcome in the list, refresh, unfollow (posts stay), token-protected writes, and the
 * schedule (FOLLOW_INTERVAL_MIN) fired by hand through an injected timer.
 */
import type { ApiError, FollowList, FollowStatus } from '../../server/api/contract';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { fixtureChannel, fixturePost } from '../support/tme-fixture/channels';
import type { FixtureChannel } from '../support/tme-fixture/pages';
import { TmeFixtureServer } from '../support/tme-fixture/server';
import { clearGraph } from './support/db';
import { testClient } from './support/follow-client';

jest.setTimeout(120_000);

const TOKEN = 'follow-test-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

let tme: TmeFixtureServer;
let api: TestApi;
let channel: FixtureChannel;
let scheduled: { run: () => void; ms: number } | null = null;

beforeAll(async () => {
  tme = new TmeFixtureServer();
  const baseUrl = await tme.start();
  channel = fixtureChannel('mlnews', 30);
  tme.addChannel(channel);
  api = await startTestApi({
    loadFixture: false,
    config: { explorerToken: TOKEN },
    follow: {
      intervalMin: 5,
      baseUrl,
      pageDelayMs: 0,
      timeoutMs: 30_000,
      client: testClient().client,
      every: (run, ms) => {
        scheduled = { run, ms };
        return () => (scheduled = null);
      },
    },
  });
  await clearGraph(api.driver);
});
afterAll(async () => {
  await api?.close();
  await tme?.stop();
});

const follows = () => api.running.app.locals.follows;

async function list(): Promise<FollowList> {
  const res = await api.get<FollowList>('/api/follows');
  expect(res.status).toBe(200);
  return res.body;
}

async function postCount(): Promise<number> {
  const { records } = await api.driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
  return records[0].get('n').toNumber();
}

function del(path: string, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, { method: 'DELETE', headers });
}

describe('/api/follows', () => {
  it('refuses writes without the token', async () => {
    const res = await api.post<ApiError>('/api/follows', { channel: '@mlnews' });
    expect(res.status).toBe(401);
    expect((await del('/api/follows/mlnews')).status).toBe(401);
  });

  it('refuses a bad channel name with a 400 naming the parameter', async () => {
    const res = await api.post<ApiError>('/api/follows', { channel: 'a/b' }, auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'channel: "a/b" is not a public channel name: expected @name (5-32 letters, digits or _, starting with a letter) or a t.me/name link',
    );
    expect((await api.post<ApiError>('/api/follows', {}, auth)).status).toBe(400);
  });

  it('follows a channel: 202 and queued, then fetched in the background; the list shows the last fetch', async () => {
    const res = await api.post<FollowStatus>('/api/follows', { channel: 'https://t.me/mlnews' }, auth);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ channel: 'mlnews', state: 'queued', newestId: null, lastFetchAt: null });
    await follows().idle();
    const { follows: listed, intervalMin } = await list();
    expect(intervalMin).toBe(5);
    expect(listed).toEqual([
      expect.objectContaining({
        channel: 'mlnews',
        state: 'idle',
        newestId: 30,
        lastPosts: 26,
        lastError: null,
        progress: null,
      }),
    ]);
    expect(listed[0].lastFetchAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const post = await api.get<{ text: string }>('/api/posts/mlnews/30');
    expect(post.status).toBe(200);
  });

  it('the schedule refreshes every followed channel every FOLLOW_INTERVAL_MIN minutes', async () => {
    expect(scheduled?.ms).toBe(5 * 60_000);
    for (let id = 31; id <= 33; id++) channel.posts.push(fixturePost(id));
    scheduled!.run();
    await follows().refreshAll(); // waits for the run the timer started (same queue)
    expect((await list()).follows[0]).toMatchObject({ newestId: 33, lastError: null });
    expect(await postCount()).toBe(29);
  });

  it('a failed fetch shows its error in the list; a refresh after the fault clears it', async () => {
    tme.queueFaults('/s/mlnews', { kind: 'malformed' });
    const res = await api.post<FollowStatus>('/api/follows/mlnews/refresh', undefined, auth);
    expect(res.status).toBe(202);
    await follows().idle();
    expect((await list()).follows[0].lastError).toContain('/s/mlnews: the page does not parse');
    await api.post('/api/follows/mlnews/refresh', undefined, auth);
    await follows().idle();
    expect((await list()).follows[0].lastError).toBeNull();
  });

  it('a channel without web preview is listed with a clear error', async () => {
    await api.post('/api/follows', { channel: '@nosuchchannel' }, auth);
    await follows().idle();
    const missing = (await list()).follows.find((f) => f.channel === 'nosuchchannel');
    expect(missing?.lastError).toContain('no web preview');
  });

  it('unfollowing keeps the posts; unknown channels are 404', async () => {
    expect((await del('/api/follows/nosuchchannel', auth)).status).toBe(204);
    expect((await del('/api/follows/mlnews', auth)).status).toBe(204);
    expect((await list()).follows).toEqual([]);
    expect(await postCount()).toBe(29);
    const again = await del('/api/follows/mlnews', auth);
    expect(again.status).toBe(404);
    expect(((await again.json()) as ApiError).error.message).toBe(
      'api/follows: channel "mlnews" is not followed',
    );
    expect((await api.post('/api/follows/mlnews/refresh', undefined, auth)).status).toBe(404);
  });
});
