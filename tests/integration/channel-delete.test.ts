import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { deleteChannel, UnknownChannelError } from '../../ingest/load/delete-channel';
import { loadExtraction } from '../../ingest/load/load';
import { recordsToPlain } from '../../db/to-plain';
import { ALPHA, BETA } from './channel-delete.fixtures';
import { extraction } from './ingest-extractions.fixtures';
import { clearGraph, testDriver } from './support/db';

const ROOT = path.resolve(__dirname, '../..');

// testTimeout in a jest project entry is not applied (it is a global option): set it here.
jest.setTimeout(120_000);

let driver: Driver;

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});
beforeEach(async () => {
  await clearGraph(driver);
});

async function query<T = Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const { records } = await driver.executeQuery(cypher, params);
  return recordsToPlain(records) as T[];
}

interface Snapshot {
  labels: Record<string, number>;
  types: Record<string, number>;
  /** sha256 of `content`, the figure the issue asks to compare. */
  hash: string;
  /** Every node and relationship with its properties, sorted (shown by jest when hashes differ). */
  content: string[];
}

/**
 * "The same graph": node counts by label, relationship counts by type, and every node and
 * relationship with all its properties (entities: key, name, type, aliases, counts, dates;
 * relations: type, ends, post, evidence...). Only Channel.importedAt, the time of the last import,
 * is left out: it differs between two runs by design.
 */
async function snapshot(): Promise<Snapshot> {
  const labels = await query<{ label: string; n: number }>(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n',
  );
  const types = await query<{ type: string; n: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n',
  );
  const nodes = await query<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) RETURN labels(n) AS labels, CASE WHEN n:Channel THEN n {.*, importedAt: null} ELSE properties(n) END AS props',
  );
  const rels = await query<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props',
  );
  const content = [
    ...nodes.map((n) => `${[...n.labels].sort().join(':')} ${JSON.stringify(sortKeys(n.props))}`),
    ...rels.map((r) => `${r.from} -${r.type}-> ${r.to} ${JSON.stringify(sortKeys(r.props))}`),
  ].sort();
  return {
    labels: Object.fromEntries(labels.map((l) => [l.label, l.n])),
    types: Object.fromEntries(types.map((t) => [t.type, t.n])),
    hash: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    content,
  };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

async function entity(key: string) {
  const [row] = await query<Record<string, unknown>>(
    `MATCH (e:Entity {key: $key})
     RETURN e.name AS name, e.type AS type, e.aliases AS aliases, e.mentionCount AS mentionCount,
            e.postCount AS postCount, e.firstSeen AS firstSeen, labels(e) AS labels`,
    { key },
  );
  return row;
}

describe('deleteChannel', () => {
  it('import alpha, import beta, delete beta: the graph is the one importing alpha alone gives', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    const alphaAlone = await snapshot();

    await clearGraph(driver);
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await loadExtraction(driver, extraction('beta', BETA));
    // Beta changed what alpha's entities say, so the comparison below means something.
    expect(await entity('kestrel')).toMatchObject({
      type: 'Product',
      postCount: 4,
      firstSeen: '2025-02-20T12:00:00Z',
    });
    expect((await entity('orbit labs'))?.aliases).toEqual(['Orbit', 'Orbit AI']);
    expect(await entity('tensorline')).toMatchObject({
      name: 'Tensorline',
      aliases: ['TensorLine 2.0', 'TensorLine'],
    });
    expect(await entity('heron#person')).toMatchObject({ type: 'Person' });
    expect((await snapshot()).hash).not.toBe(alphaAlone.hash);

    const dryRun = await deleteChannel(driver, 'beta', { dryRun: true });
    expect(dryRun).toMatchObject({
      key: 'beta',
      title: 'Channel beta',
      dryRun: true,
      posts: 3,
      mentions: 7,
      relations: 3,
      // Plover Studio, heron#person, Sandpiper; Kestrel, Orbit Labs and Tensorline stay.
      entities: 3,
      keptEntities: 3,
    });
    expect((await snapshot()).hash).not.toBe(alphaAlone.hash);

    const deleted = await deleteChannel(driver, 'beta');
    expect({ ...deleted, deletedEntities: [...deleted.deletedEntities].sort() }).toEqual({
      ...dryRun,
      dryRun: false,
      seconds: deleted.seconds,
      deletedEntities: ['heron#person', 'plover studio', 'sandpiper'],
    });
    const after = await snapshot();
    expect(after.labels).toEqual(alphaAlone.labels);
    expect(after.types).toEqual(alphaAlone.types);
    expect(after.content).toEqual(alphaAlone.content);
    expect(after.hash).toBe(alphaAlone.hash);
  });

  it('gives the same end result with one post per batch', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    const alphaAlone = await snapshot();
    await clearGraph(driver);
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await loadExtraction(driver, extraction('beta', BETA));
    const seen: string[] = [];
    await deleteChannel(driver, 'beta', {
      batchSize: 1,
      onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(seen).toEqual(['posts 1/3', 'posts 2/3', 'posts 3/3', 'entities 3/3']);
    expect((await snapshot()).content).toEqual(alphaAlone.content);
  });

  it('finishes a delete cut short when run again, the recomputation of shared entities included', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    const alphaAlone = await snapshot();
    await clearGraph(driver);
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await loadExtraction(driver, extraction('beta', BETA));
    const stop = new Error('cut short');
    await expect(
      deleteChannel(driver, 'beta', {
        batchSize: 2,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    // The first batch is gone, beta's shared entities are not recomputed yet.
    expect((await query<{ n: number }>("MATCH (:Post {channel: 'beta'}) RETURN count(*) AS n"))[0].n).toBe(1);
    const again = await deleteChannel(driver, 'beta');
    expect(again.posts).toBe(1);
    expect((await snapshot()).content).toEqual(alphaAlone.content);
  });

  it('import alpha, import beta, delete alpha: the graph is the one importing beta alone gives', async () => {
    await loadExtraction(driver, extraction('beta', BETA));
    const betaAlone = await snapshot();
    await clearGraph(driver);
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await loadExtraction(driver, extraction('beta', BETA));
    expect(await entity('heron#person')).toMatchObject({ type: 'Person' });
    await deleteChannel(driver, 'alpha');
    // Beta's Heron had its own key beside alpha's model Heron; with alpha gone it takes the name's key.
    expect(await entity('heron#person')).toBeUndefined();
    expect(await entity('heron')).toMatchObject({ type: 'Person' });
    const after = await snapshot();
    expect(after.labels).toEqual(betaAlone.labels);
    expect(after.types).toEqual(betaAlone.types);
    expect(after.content).toEqual(betaAlone.content);
  });

  it('deleting the first import keeps the names the other channel gives and drops the rest', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await loadExtraction(driver, extraction('beta', BETA));
    await deleteChannel(driver, 'alpha');
    // Alpha's spelling goes with alpha: the name is the one beta's earliest post gives.
    expect(await entity('tensorline')).toMatchObject({ name: 'TensorLine', aliases: ['TensorLine 2.0'] });
    expect(await entity('orbit labs')).toMatchObject({
      name: 'Orbit Labs',
      aliases: ['Orbit AI'],
      postCount: 1,
    });
    expect(await entity('kestrel')).toMatchObject({
      type: 'Product',
      labels: ['Entity', 'Product'],
      postCount: 2,
    });
    // Alpha's own entities are gone; beta's Heron takes back the key it could not have beside alpha's.
    expect(await entity('marsh')).toBeUndefined();
    expect(await entity('heron#person')).toBeUndefined();
    expect(await entity('heron')).toMatchObject({ type: 'Person', postCount: 1 });
    const channels = await query<{ key: string }>('MATCH (c:Channel) RETURN c.key AS key ORDER BY key');
    expect(channels).toEqual([{ key: 'beta' }, { key: 'wader-weekly' }]);
  });

  it('keeps a deleted channel as a forward source when another channel forwarded from it', async () => {
    const forwarding = extraction('alpha', [{ ...ALPHA[0], forwardedFrom: 'Channel beta' }]);
    const beta = extraction('beta', BETA);
    beta.channel.username = null;
    beta.channel.key = 'channel-beta';
    for (const p of beta.posts) p.id = p.id.replace(/^beta\//, 'channel-beta/');
    await loadExtraction(driver, forwarding);
    const alphaAlone = await snapshot();
    await clearGraph(driver);
    await loadExtraction(driver, forwarding);
    await loadExtraction(driver, beta);
    await deleteChannel(driver, 'channel-beta');
    expect((await snapshot()).content).toEqual(alphaAlone.content);
  });

  it('deletes the relations of posts written without relationKeys too', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    await driver.executeQuery('MATCH (p:Post) REMOVE p.relationKeys');
    const deleted = await deleteChannel(driver, 'alpha');
    expect(deleted).toMatchObject({ posts: 2, relations: 4, entities: 5 });
    expect(await query('MATCH (n) RETURN labels(n) AS labels')).toEqual([]);
  });

  it('throws UnknownChannelError for a key no imported channel has, a forward source included', async () => {
    await loadExtraction(driver, extraction('beta', BETA));
    await expect(deleteChannel(driver, 'nope')).rejects.toBeInstanceOf(UnknownChannelError);
    await expect(deleteChannel(driver, 'wader-weekly', { dryRun: true })).rejects.toThrow(
      'ingest/load: no channel "wader-weekly" in the graph',
    );
  });
});

/** Runs `npm run ingest` as a user would (tsx), against the test database from NEO4J_URI. */
function ingestCli(args: string[]) {
  const result = spawnSync('npx', ['tsx', 'ingest/cli/ingest.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DEBUG: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ingest -- --delete-channel', () => {
  it('previews with --dry-run, deletes, and exits 1 naming an unknown key', async () => {
    await loadExtraction(driver, extraction('alpha', ALPHA));
    const alphaAlone = await snapshot();
    await loadExtraction(driver, extraction('beta', BETA));
    const both = await snapshot();

    const preview = ingestCli(['--delete-channel', 'beta', '--dry-run']);
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain(
      'Dry run: nothing was deleted. Deleting channel beta (Channel beta) would remove:',
    );
    expect(preview.stdout).toContain('  posts:     3\n');
    expect((await snapshot()).hash).toBe(both.hash);

    const run = ingestCli(['--delete-channel', 'beta']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Deleted channel beta (Channel beta):');
    expect(run.stdout).toContain('  entities:  3 (mentioned by no other channel)\n');
    expect((await snapshot()).hash).toBe(alphaAlone.hash);

    const unknown = ingestCli(['--delete-channel', 'beta']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'ingest: ingest/load: no channel "beta" in the graph (imported channels: alpha)',
    );
    expect(unknown.stdout).toBe('');
  });

  it('refuses export files beside --delete-channel', () => {
    const run = ingestCli(['--delete-channel', 'beta', 'some.json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ingest: --delete-channel takes no export files');
  });
});
