/**
 * Following channels against the local t.me stand-in (tests/support/tme-fixture) on the real
 * Neo4j: first fetch, a second fetch after new posts, an edit, and every fault the client must
 * survive or report. Pages hold 20 messages, like t.me.
 */
import type { Driver } from 'neo4j-driver';
import { FollowError } from '../../ingest/follow/errors';
import { followChannel } from '../../ingest/follow/follow-channel';
import { followChannels } from '../../ingest/follow/follow-channels';
import { USER_AGENT } from '../../ingest/follow/tme-client';
import { getFollow } from '../../ingest/load/follow-state';
import { fixtureChannel, fixturePost } from '../support/tme-fixture/channels';
import { TmeFixtureServer } from '../support/tme-fixture/server';
import { clearGraph, testDriver } from './support/db';
import { testClient } from './support/follow-client';
import { graphSnapshot } from './support/graph-snapshot';

jest.setTimeout(120_000);

let driver: Driver;
let tme: TmeFixtureServer;
let baseUrl: string;

beforeAll(async () => {
  driver = testDriver();
  tme = new TmeFixtureServer();
  baseUrl = await tme.start();
});
afterAll(async () => {
  await tme.stop();
  await driver.close();
});
beforeEach(async () => {
  await clearGraph(driver);
  tme.channels.clear();
  tme.requests.length = 0;
});

async function postCount(channel: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (p:Post)-[:IN_CHANNEL]->(:Channel {key: $channel}) RETURN count(p) AS n',
    { channel },
  );
  return records[0].get('n').toNumber();
}

/** Posts 1..n without the photo-only ones (every 7th). */
const withText = (n: number) => n - Math.floor(n / 7);

describe('follow: fetching a channel', () => {
  it('first fetch pages back to the first post, writes every post with text and records the newest id', async () => {
    tme.addChannel(fixtureChannel('mlnews', 45));
    const { client } = testClient();
    const result = await followChannel(driver, 'mlnews', { client, baseUrl });
    expect(tme.pagePaths()).toEqual([
      '/s/mlnews',
      '/s/mlnews?before=26',
      '/s/mlnews?before=6',
      '/s/mlnews?before=1',
    ]);
    expect(result).toMatchObject({ pages: 3, posts: withText(45), newestId: 45, stoppedBy: 'start' });
    expect(await postCount('mlnews')).toBe(withText(45));
    expect(await getFollow(driver, 'mlnews')).toMatchObject({
      newestId: 45,
      lastPosts: withText(45),
      lastError: null,
    });
    // Polite: our User-Agent, GET only, never two requests at once.
    expect(new Set(tme.requests.map((r) => r.userAgent))).toEqual(new Set([USER_AGENT]));
    expect(tme.requests.every((r) => r.method === 'GET')).toBe(true);
    expect(tme.maxConcurrent).toBe(1);
    // Exactly the headers the README lists under "What the tool sends to t.me".
    const host = new URL(baseUrl).host;
    expect(tme.requests[1].headers).toEqual([
      `host: ${host}`,
      'connection: keep-alive',
      `user-agent: ${USER_AGENT}`,
      'accept: text/html',
      'accept-language: *',
      'sec-fetch-mode: cors',
      'accept-encoding: gzip, deflate',
    ]);
    const { records } = await driver.executeQuery(
      "MATCH (:Entity {key: 'northwind ai'})-[r:RELEASED]->(m:Model) RETURN count(r) AS n",
    );
    expect(records[0].get('n').toNumber()).toBeGreaterThan(0);
  });

  it('a second fetch asks only for what is new, and a third with nothing new changes nothing', async () => {
    const channel = fixtureChannel('mlnews', 45);
    tme.addChannel(channel);
    const { client } = testClient();
    await followChannel(driver, 'mlnews', { client, baseUrl });
    for (let id = 46; id <= 52; id++) channel.posts.push(fixturePost(id));
    tme.requests.length = 0;
    const second = await followChannel(driver, 'mlnews', { client, baseUrl });
    // The newest page (posts 33-52) already reaches post 45: one request.
    expect(tme.pagePaths()).toEqual(['/s/mlnews']);
    // Posts 33-45 were written by the first run and read the same: only the 7 new ones are written.
    expect(second).toMatchObject({ pages: 1, posts: 20 - 2, written: 7, newestId: 52, stoppedBy: 'known' });
    expect(await postCount('mlnews')).toBe(withText(45) + 7);
    const before = await graphSnapshot(driver);
    tme.requests.length = 0;
    const third = await followChannel(driver, 'mlnews', { client, baseUrl });
    expect(tme.pagePaths()).toEqual(['/s/mlnews']);
    expect(third.written).toBe(0);
    expect(await graphSnapshot(driver)).toEqual(before);
  });

  it('the result equals one clean fetch of the whole channel', async () => {
    const channel = fixtureChannel('mlnews', 45);
    tme.addChannel(channel);
    const { client } = testClient();
    await followChannel(driver, 'mlnews', { client, baseUrl });
    for (let id = 46; id <= 70; id++) channel.posts.push(fixturePost(id));
    await followChannel(driver, 'mlnews', { client, baseUrl });
    const incremental = await graphSnapshot(driver);
    await clearGraph(driver);
    await followChannel(driver, 'mlnews', { client, baseUrl });
    expect(await graphSnapshot(driver)).toEqual(incremental);
  });

  it('an edited post (marked "edited" by Telegram) is updated in place: new text, new entities, nothing duplicated', async () => {
    const channel = fixtureChannel('mlnews', 30);
    tme.addChannel(channel);
    const { client } = testClient();
    await followChannel(driver, 'mlnews', { client, baseUrl });
    const oldModel = "MATCH (e:Entity {key: 'lumen-3b'}) RETURN count(e) AS n";
    expect((await driver.executeQuery(oldModel)).records[0].get('n').toNumber()).toBe(1);
    const post = channel.posts.find((p) => p.id === 29)!;
    post.text = 'Bluefin Labs released Zephyrine-3B, a small model for speech.';
    post.edited = true;
    const edited = await followChannel(driver, 'mlnews', { client, baseUrl });
    expect(edited.written).toBe(1);
    const { records } = await driver.executeQuery(
      "MATCH (p:Post {key: 'mlnews/29'}) OPTIONAL MATCH (p)-[:MENTIONS]->(e:Entity) RETURN p.text AS text, collect(e.key) AS entities",
    );
    expect(records).toHaveLength(1);
    expect(records[0].get('text')).toBe(post.text);
    expect(records[0].get('entities')).toContain('zephyrine-3b');
    expect(await postCount('mlnews')).toBe(withText(30));
    // The model only this post named before the edit is mentioned by no post any more: gone.
    expect((await driver.executeQuery(oldModel)).records[0].get('n').toNumber()).toBe(0);
  });

  it('--max-posts and --since bound the first fetch', async () => {
    tme.addChannel(fixtureChannel('mlnews', 45));
    const { client } = testClient();
    const limited = await followChannel(driver, 'mlnews', { client, baseUrl, maxPosts: 10 });
    expect(limited).toMatchObject({ pages: 1, posts: 10, stoppedBy: 'max-posts' });
    expect(await postCount('mlnews')).toBe(10);
    await clearGraph(driver);
    // Post n is dated 2026-MM-(n % 28 + 1): posts 28-45 are in February.
    const since = await followChannel(driver, 'mlnews', {
      client,
      baseUrl,
      since: new Date('2026-02-01T00:00:00Z'),
    });
    expect(since.stoppedBy).toBe('since');
    const { records } = await driver.executeQuery('MATCH (p:Post) RETURN min(p.date) AS oldest');
    expect(records[0].get('oldest') >= '2026-02-01').toBe(true);
  });
});

describe('follow: faults', () => {
  it('429 with Retry-After: waits what the server asks, then goes on', async () => {
    tme.addChannel(fixtureChannel('mlnews', 25));
    tme.queueFaults('/s/mlnews?before=6', { kind: 'status', status: 429, retryAfter: '7' });
    const { client, sleeps } = testClient();
    const result = await followChannel(driver, 'mlnews', { client, baseUrl });
    expect(sleeps).toEqual([7000]);
    expect(result.posts).toBe(withText(25));
  });

  it('500 twice: exponential backoff with jitter (1 s then 2 s steps, half fixed), then success', async () => {
    tme.addChannel(fixtureChannel('mlnews', 25));
    tme.queueFaults('/s/mlnews', { kind: 'status', status: 500 }, { kind: 'status', status: 503 });
    const { client, sleeps } = testClient();
    await followChannel(driver, 'mlnews', { client, baseUrl });
    // random() is 0.5: step/2 + 0.5 * step/2.
    expect(sleeps).toEqual([750, 1500]);
    expect(await postCount('mlnews')).toBe(withText(25));
  });

  it('a response that never comes times out and is retried', async () => {
    tme.addChannel(fixtureChannel('mlnews', 25));
    tme.queueFaults('/s/mlnews?before=6', { kind: 'hang' });
    const { client, sleeps } = testClient({ timeoutMs: 500 });
    await followChannel(driver, 'mlnews', { client, baseUrl });
    // At least the hung request was retried (on a very loaded machine another may time out too).
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
    expect(tme.pagePaths().filter((p) => p === '/s/mlnews?before=6').length).toBeGreaterThanOrEqual(2);
    expect(await postCount('mlnews')).toBe(withText(25));
  });

  it('a 500 that persists gives up after the retries with a message naming the page, and writes nothing', async () => {
    tme.addChannel(fixtureChannel('mlnews', 25));
    const faults = Array.from({ length: 4 }, () => ({ kind: 'status', status: 500 }) as const);
    tme.queueFaults('/s/mlnews?before=6', ...faults);
    const { client } = testClient({ maxRetries: 3 });
    const failure = followChannel(driver, 'mlnews', { client, baseUrl });
    await expect(failure).rejects.toThrow(
      `follow @mlnews: ${baseUrl}/s/mlnews?before=6: HTTP 500 after 4 attempts; try again later`,
    );
    expect(await postCount('mlnews')).toBe(0);
    expect(await getFollow(driver, 'mlnews')).toMatchObject({
      newestId: null,
      lastError: expect.stringContaining('HTTP 500'),
    });
  });

  it('a page that does not parse stops that channel with a message naming the page; the next channel is still fetched', async () => {
    tme.addChannel(fixtureChannel('mlnews', 45));
    tme.addChannel(fixtureChannel('otherchan', 10));
    tme.queueFaults('/s/mlnews?before=6', { kind: 'malformed' });
    const { client } = testClient();
    const outcomes = await followChannels(driver, ['mlnews', 'otherchan'], { client, baseUrl });
    expect(outcomes.map((o) => o.ok)).toEqual([false, true]);
    const error = (outcomes[0] as { error: FollowError }).error;
    expect(error.message).toBe(
      `follow @mlnews: ${baseUrl}/s/mlnews?before=6: the page does not parse: not a t.me/s page: no div.tgme_widget_message[data-post] and no channel card`,
    );
    // Nothing of the failed channel is written and its follow did not advance: the next run redoes it.
    expect(await postCount('mlnews')).toBe(0);
    expect((await getFollow(driver, 'mlnews'))?.newestId).toBeNull();
    expect(await postCount('otherchan')).toBe(withText(10));
    const rerun = await followChannel(driver, 'mlnews', testClientOptions());
    expect(rerun.posts).toBe(withText(45));
    expect((await getFollow(driver, 'mlnews'))?.lastError).toBeNull();
  });

  it('a channel that does not exist (t.me redirects) is a clear error', async () => {
    const { client } = testClient();
    await expect(followChannel(driver, 'nosuchchannel', { client, baseUrl })).rejects.toThrow(
      `follow @nosuchchannel: ${baseUrl}/s/nosuchchannel: no web preview (HTTP 302 to /nosuchchannel): the channel does not exist, is private, is not a channel, or has previews turned off`,
    );
  });

  it('an empty channel is fetched without error and writes no posts', async () => {
    tme.addChannel({ ...fixtureChannel('emptychan', 0) });
    const { client } = testClient();
    const result = await followChannel(driver, 'emptychan', { client, baseUrl });
    expect(result).toMatchObject({ pages: 0, posts: 0, newestId: null, load: null });
    expect(await getFollow(driver, 'emptychan')).toMatchObject({ lastError: null, lastPosts: 0 });
    const { records } = await driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
    expect(records[0].get('n').toNumber()).toBe(0);
  });
});

function testClientOptions() {
  return { client: testClient().client, baseUrl };
}
