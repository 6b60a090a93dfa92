/**
 * The database dies in the middle of an import: the load ends with a clear LoadError, and running
 * it again after a restart completes it with exactly the counts of an uninterrupted run.
 */
import type { Driver } from 'neo4j-driver';
import { LoadError } from '../../ingest/load/errors';
import { loadExtraction } from '../../ingest/load/load';
import { syntheticExtraction } from '../support/synthetic-extraction';
import { createDriver } from '../../db/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../db/embedded';
import { clearGraph, counts, startPrivateNeo4j, testDriver, type PrivateNeo4j } from './support/db';

// Two JVM starts and three loads of 1,500 posts on a shared machine.
jest.setTimeout(600_000);

const BATCH = 250;
const extraction = syntheticExtraction({ posts: 1500, channel: 'resilience' });

let first: PrivateNeo4j | null = null;
let restarted: EmbeddedNeo4j | null = null;
let restartedDriver: Driver | null = null;
let shared: Driver;

beforeAll(() => {
  shared = testDriver();
});
afterAll(async () => {
  await shared.close();
  await restartedDriver?.close();
  await restarted?.stop();
  await first?.dispose(); // also removes the data directory both instances used
});

async function graphFacts(driver: Driver) {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity) RETURN sum(e.mentionCount) AS mentions, sum(e.postCount) AS postLinks,
       collect(DISTINCT e.type) AS types`,
  );
  return {
    ...(await counts(driver)),
    mentions: records[0].get('mentions').toNumber(),
    postLinks: records[0].get('postLinks').toNumber(),
    types: [...(records[0].get('types') as string[])].sort(),
  };
}

async function postCount(driver: Driver): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (p:Post) RETURN count(p) AS n');
  return records[0].get('n').toNumber();
}

it('completes an import interrupted by the database stopping when it is run again', async () => {
  first = await startPrivateNeo4j({ migrate: true });
  const dataDir = first.dataDir;

  let stopping: Promise<void> | null = null;
  const failure = await loadExtraction(first.driver, extraction, {
    batchSize: BATCH,
    onProgress: (p) => {
      if (p.phase === 'posts' && !stopping) stopping = first!.stop();
    },
  }).then(
    () => null,
    (error: unknown) => error,
  );
  await stopping;
  expect(failure).toBeInstanceOf(LoadError);
  expect((failure as LoadError).message).toMatch(/^ingest\/load: writing .* failed/);
  expect((failure as LoadError).message).toContain('run the same import again to complete it');
  await first.driver.close();

  restarted = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '384m', pageCache: '32m' });
  restartedDriver = createDriver({ uri: restarted.uri, user: restarted.user, password: restarted.password });
  const written = await postCount(restartedDriver);
  // The stop really came mid-way: some batches committed, not all.
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(extraction.posts.length);

  const resumed = await loadExtraction(restartedDriver, extraction, { batchSize: BATCH });
  expect(resumed.posts).toBe(extraction.posts.length);

  await clearGraph(shared);
  await loadExtraction(shared, extraction, { batchSize: BATCH });
  const uninterrupted = await graphFacts(shared);
  expect(await graphFacts(restartedDriver)).toEqual(uninterrupted);
  await clearGraph(shared);
});
