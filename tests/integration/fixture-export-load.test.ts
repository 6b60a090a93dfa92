/**
 * The ml-news export fixture, loaded by the real pipeline, holds what its posts clearly state.
 * API tests are to move onto this graph (issue 13, item 4); this test guards the fixture itself.
 * It asserts only facts the posts state plainly, so a better extractor keeps it passing.
 */
import type { Driver } from 'neo4j-driver';
import { clearGraph, testDriver } from './support/db';
import { loadExportFixture } from '../fixtures/graph/load-export-fixture';

let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  await clearGraph(driver);
  await loadExportFixture(driver);
});

afterAll(async () => {
  await driver.close();
});

async function names(cypher: string): Promise<string[]> {
  const { records } = await driver.executeQuery(cypher);
  return records.map((r) => String(r.get(0))).sort();
}

test('every post of the export is a post of one channel', async () => {
  const ids = await names('MATCH (p:Post)-[:IN_CHANNEL]->(:Channel) RETURN p.messageId');
  expect(ids).toEqual(['101', '102', '103', '104', '105', '106']);
});

test('the organisations and models the posts name are entities', async () => {
  const all = await names('MATCH (e:Entity) RETURN e.name');
  for (const name of ['Meta', 'OpenAI', 'Llama 3', 'GPT-4o', 'YandexGPT']) expect(all).toContain(name);
});

test('Meta released Llama 3, stated by both posts that say so, each citing its sentence', async () => {
  const { records } = await driver.executeQuery(
    `MATCH (:Entity {name: 'Meta'})-[r:RELEASED]->(:Entity {name: 'Llama 3'}) RETURN r.post AS post, r.evidence AS evidence`,
  );
  const posts = records.map((r) => String(r.get('post'))).sort();
  expect(posts.some((p) => p.endsWith('/101'))).toBe(true);
  expect(posts.some((p) => p.endsWith('/106'))).toBe(true);
  for (const r of records) expect(String(r.get('evidence'))).toContain('Llama 3');
});

test('OpenAI released GPT-4o', async () => {
  const { records } = await driver.executeQuery(
    `MATCH (:Entity {name: 'OpenAI'})-[r:RELEASED]->(:Entity {name: 'GPT-4o'}) RETURN count(r) AS n`,
  );
  expect(Number(records[0].get('n'))).toBeGreaterThan(0);
});

test('loading the export twice writes nothing new', async () => {
  const count = 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) + count(r)';
  const before = await names(count);
  await loadExportFixture(driver);
  expect(await names(count)).toEqual(before);
});
