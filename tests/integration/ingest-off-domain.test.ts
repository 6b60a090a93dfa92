import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { ingestDemoIfEmpty } from '../../ingest/demo/load-demo';
import { ingestFiles } from '../../ingest/pipeline';
import { clearGraph, counts, testDriver } from './support/db';

// testTimeout in a jest project entry is not applied (it is a global option): set it here.
jest.setTimeout(120_000);

/**
 * Identity that does not leak across meanings: a channel about art, pets and horoscopes that is full
 * of names the ML demo also holds (Kandinsky, Hopper, Claude, Gemini, Alpaca, Llama, Whisper,
 * Chinchilla, Codex, PaLM, Prophet) is imported beside the demo, on a real Neo4j. No model, library
 * or dataset gains a post, an alias or a relation, and the new channel adds no ML entity.
 */
const OFF_DOMAIN = path.resolve(__dirname, '../fixtures/extract/off-domain/gallery-and-garden.result.json');

const ML_SNAPSHOT = `
  MATCH (e:Entity) WHERE e.type IN ['Model', 'Library', 'Dataset']
  OPTIONAL MATCH (p:Post)-[:MENTIONS]->(e)
  WITH e, count(p) AS posts
  OPTIONAL MATCH (e)-[r]-(:Entity)
  RETURN e.key AS key, e.type AS type, e.aliases AS aliases, posts, count(r) AS relations
  ORDER BY key`;

let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  await clearGraph(driver);
});
afterAll(async () => {
  await driver.close();
});

async function mlEntities(): Promise<unknown[]> {
  const { records } = await driver.executeQuery(ML_SNAPSHOT);
  return records.map((r) => ({
    key: r.get('key'),
    type: r.get('type'),
    aliases: [...(r.get('aliases') ?? [])].sort(),
    posts: Number(r.get('posts')),
    relations: Number(r.get('relations')),
  }));
}

describe('an import of a channel about something else', () => {
  it('leaves every model, library and dataset as it was and adds none', async () => {
    await ingestDemoIfEmpty(driver);
    const before = await mlEntities();
    expect(before.length).toBeGreaterThan(20);
    await ingestFiles(driver, [OFF_DOMAIN]);
    expect(await mlEntities()).toEqual(before);
    const { records } = await driver.executeQuery(
      `MATCH (c:Channel)<-[:IN_CHANNEL]-(p:Post)-[:MENTIONS]->(e:Entity)
       WHERE c.title = 'Галерея и сад' AND e.type IN ['Model', 'Library', 'Dataset']
       RETURN count(e) AS n`,
    );
    expect(Number(records[0].get('n'))).toBe(0);
  });

  it('a second import of it lands on the same nodes', async () => {
    const before = await counts(driver);
    await ingestFiles(driver, [OFF_DOMAIN]);
    expect(await counts(driver)).toEqual(before);
  });
});
