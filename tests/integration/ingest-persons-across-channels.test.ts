import type { Driver } from 'neo4j-driver';
import { extract } from '../../ingest/extract';
import { loadExtraction } from '../../ingest/load/load';
import { recordsToPlain } from '../../db/to-plain';
import { exportOf } from '../unit/extract/post-builder';
import { clearGraph, testDriver } from './support/db';

/**
 * One person across channels and scripts, on a real Neo4j: a channel that writes a person in Latin
 * letters joins the node another channel wrote in Cyrillic, and the spelling becomes an alias.
 * Posts written for the test.
 */

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

function channel(username: string, texts: string[]) {
  const parsed = exportOf(texts);
  parsed.channel = { ...parsed.channel, username, title: username };
  return extract(parsed, { channelIsMl: true });
}

async function persons(): Promise<{ key: string; name: string; aliases: string[]; posts: number }[]> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Person) OPTIONAL MATCH (p:Post)-[:MENTIONS]->(e)
     RETURN e.key AS key, e.name AS name, e.aliases AS aliases, count(p) AS posts ORDER BY key`,
  );
  return recordsToPlain(records) as { key: string; name: string; aliases: string[]; posts: number }[];
}

describe('persons across channels', () => {
  it('"Andrej Karpathy" in a second channel joins the "Андрей Карпатый" of the first', async () => {
    await loadExtraction(
      driver,
      channel('ru_ml_notes', ['Новости\nАндрей Карпатый выложил библиотеку nanoGPT на GitHub.']),
    );
    await loadExtraction(
      driver,
      channel('en_ml_notes', ['News\nAndrej Karpathy released llm.c, a library for training GPT-2 in C.']),
    );
    const found = await persons();
    expect(found).toHaveLength(1);
    expect(found[0].name).toBe('Андрей Карпатый');
    expect(found[0].aliases).toContain('Andrej Karpathy');
    expect(found[0].posts).toBe(2);
    const { records } = await driver.executeQuery(
      `MATCH (p:Person)-[:RELEASED]->(t) RETURN t.name AS thing ORDER BY thing`,
    );
    expect(records.map((r) => r.get('thing'))).toEqual(['llm.c', 'nanoGPT']);
  });

  it('two different people with the same surname stay apart', async () => {
    await loadExtraction(
      driver,
      channel('ru_ml_notes', ['Новости\nАндрей Карпатый выложил библиотеку nanoGPT.']),
    );
    await loadExtraction(
      driver,
      channel('en_ml_notes', ['News\nMaria Karpathy released Vantalib, a library.']),
    );
    expect((await persons()).map((p) => p.name).sort()).toEqual(['Maria Karpathy', 'Андрей Карпатый']);
  });
});
