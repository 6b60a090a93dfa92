import type { ApiError, ChannelDeletion, ChannelList, EntityDetails } from '../../server/api/contract';
import { loadExtraction } from '../../ingest/load/load';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { ALPHA, BETA } from './channel-delete.fixtures';
import { extraction } from './ingest-extractions.fixtures';
import { clearGraph, counts } from './support/db';

jest.setTimeout(120_000);

const TOKEN = 'channels-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ loadFixture: false, config: { explorerToken: TOKEN } });
});
afterAll(async () => {
  await api?.close();
});
beforeEach(async () => {
  await clearGraph(api.driver);
  await loadExtraction(api.driver, extraction('alpha', ALPHA));
  await loadExtraction(api.driver, extraction('beta', BETA));
});

async function remove<T>(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${api.url}${path}`, { method: 'DELETE', headers });
  return { status: response.status, body: (await response.json()) as T };
}

describe('GET /api/channels', () => {
  it('lists the imported channels with posts, date span and last import, not mere forward sources', async () => {
    const res = await api.get<ChannelList>('/api/channels');
    expect(res.status).toBe(200);
    expect(res.body.channels.map((c) => c.key)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = res.body.channels;
    expect(alpha).toMatchObject({
      title: 'Channel alpha',
      username: 'alpha',
      posts: 2,
      firstPost: '2025-03-02T09:00:00Z',
      lastPost: '2025-03-09T09:00:00Z',
    });
    expect(beta).toMatchObject({
      posts: 3,
      firstPost: '2025-02-20T12:00:00Z',
      lastPost: '2025-03-20T12:00:00Z',
    });
    expect(Date.parse(beta.importedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(alpha.importedAt ?? ''));
  });

  it('returns the fields the OpenAPI document lists', async () => {
    const doc = await api.get<{ components: { schemas: Record<string, { required?: string[] }> } }>(
      '/api/openapi.json',
    );
    const [channel] = (await api.get<ChannelList>('/api/channels')).body.channels;
    expect(Object.keys(channel).sort()).toEqual(
      [...(doc.body.components.schemas.ChannelSummary.required ?? [])].sort(),
    );
  });
});

describe('GET /api/entities/{key}: channels', () => {
  it('says which channels mention an entity, the first one first', async () => {
    const res = await api.get<EntityDetails>('/api/entities/kestrel');
    expect(res.body.channels).toEqual([
      { key: 'beta', title: 'Channel beta', posts: 2, firstSeen: '2025-02-20T12:00:00Z' },
      { key: 'alpha', title: 'Channel alpha', posts: 2, firstSeen: '2025-03-02T09:00:00Z' },
    ]);
    const own = await api.get<EntityDetails>('/api/entities/sandpiper');
    expect(own.body.channels.map((c) => c.key)).toEqual(['beta']);
  });
});

describe('DELETE /api/channels/{key}', () => {
  it('needs the token, refuses another site, and changes nothing then', async () => {
    const before = await counts(api.driver);
    const anonymous = await remove<ApiError>('/api/channels/beta');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('forbidden');
    const crossSite = await remove<ApiError>('/api/channels/beta', {
      ...AUTH,
      origin: 'http://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect(await counts(api.driver)).toEqual(before);
  });

  it('answers 404 for an unknown channel', async () => {
    const res = await remove<ApiError>('/api/channels/no-such-channel', AUTH);
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      code: 'not_found',
      message: 'api/channels: no channel "no-such-channel" in the graph',
    });
  });

  it('says in a dry run what would go, then deletes it and drops cached answers', async () => {
    // Cached before the delete: the answers must not outlive it.
    expect((await api.get('/api/entities/sandpiper')).status).toBe(200);
    expect((await api.get<ChannelList>('/api/channels')).body.channels).toHaveLength(2);
    const before = await counts(api.driver);

    const preview = await remove<ChannelDeletion>('/api/channels/beta?dryRun=1', AUTH);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ key: 'beta', dryRun: true, posts: 3, entities: 3, keptEntities: 3 });
    expect(await counts(api.driver)).toEqual(before);

    const deleted = await remove<ChannelDeletion>('/api/channels/beta', AUTH);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      key: 'beta',
      dryRun: false,
      posts: 3,
      mentions: 7,
      relations: 3,
      entities: 3,
    });
    expect(deleted.body.deletedEntities).toContain('sandpiper');
    expect(preview.body.deletedEntities).toEqual([]);
    expect((await api.get('/api/entities/sandpiper')).status).toBe(404);
    expect((await api.get<ChannelList>('/api/channels')).body.channels.map((c) => c.key)).toEqual(['alpha']);
    expect((await remove<ApiError>('/api/channels/beta', AUTH)).status).toBe(404);
  });

  it('answers 400 for a bad dryRun value', async () => {
    const res = await remove<ApiError>('/api/channels/beta?dryRun=maybe', AUTH);
    expect(res.status).toBe(400);
  });
});
