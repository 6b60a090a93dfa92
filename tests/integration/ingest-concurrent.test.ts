/**
 * Issue 11, item 10: two ingests of the same channel (or of channels sharing entities) at once.
 * Each batch reads which keys exist and CREATEs the others in one transaction; two loaders that
 * read "absent" together both create, and the second failed on the unique constraint
 * ("Node(221) already exists ... key"). Both must succeed, and the graph has each entity once.
 */
import type { Driver } from 'neo4j-driver';
import { loadExtraction } from '../../ingest/load/load';
import { syntheticExtraction } from '../support/synthetic-extraction';
import { clearGraph, counts, testDriver } from './support/db';

jest.setTimeout(180_000);

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function duplicates(): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WHERE n.key IS NOT NULL WITH labels(n) AS labels, n.key AS key, count(*) AS c WHERE c > 1 RETURN count(*) AS d',
  );
  return records[0].get('d').toNumber();
}

it.each([1, 2])(
  'three loads at once (two of one channel, one of a channel sharing its entities) all succeed (round %i)',
  async (seed) => {
    const same = syntheticExtraction({ posts: 200, entities: 300, channel: 'race-a', seed });
    const overlapping = syntheticExtraction({ posts: 200, entities: 300, channel: 'race-b', seed });

    await clearGraph(driver);
    await loadExtraction(driver, same, { batchSize: 50 });
    await loadExtraction(driver, overlapping, { batchSize: 50 });
    const alone = await counts(driver);

    await clearGraph(driver);
    // Small batches: many read-then-create transactions interleave.
    const results = await Promise.allSettled([
      loadExtraction(driver, same, { batchSize: 50 }),
      loadExtraction(driver, same, { batchSize: 50 }),
      loadExtraction(driver, overlapping, { batchSize: 50 }),
    ]);
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    expect(await duplicates()).toBe(0);
    expect(await counts(driver)).toEqual(alone);
  },
);
