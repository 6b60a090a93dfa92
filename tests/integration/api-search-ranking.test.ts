/**
 * GET /api/search ranks the name that was meant first, however it is spelt: exact and alias
 * matches, then prefixes, then fuzzy ones, with Russian transcriptions of Latin names and back.
 * Real Neo4j full-text index; the near misses of search-ranking.fixtures.ts are mentioned more
 * often than the names, so ranking by the index's score and popularity alone fails these.
 */
import type { SearchResponse } from '../../server/api/contract';
import { loadExtraction } from '../../ingest/load/load';
import { startTestApi, type TestApi } from '../fixtures/graph/api-harness';
import { extraction } from './ingest-extractions.fixtures';
import { SEARCH_CHANNEL, SEARCH_POSTS } from './search-ranking.fixtures';
import { clearGraph, testDriver } from './support/db';

jest.setTimeout(60_000);

let api: TestApi;
beforeAll(async () => {
  const driver = testDriver();
  await clearGraph(driver);
  await loadExtraction(driver, extraction(SEARCH_CHANNEL, SEARCH_POSTS));
  api = await startTestApi({ driver, loadFixture: false });
});
afterAll(async () => {
  await api?.close();
  await api?.driver.close();
});

async function keys(q: string): Promise<string[]> {
  const res = await api.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.hits.map((h) => h.key);
}

it('ranks GPT-4 first for "gpt4", above the more mentioned GPT and ai-forever/ru-gpts', async () => {
  const hits = await keys('gpt4');
  expect(hits[0]).toBe('gpt-4');
  // GPT and ru-gpts may follow as fuzzy matches; they must not come first.
  for (const other of ['gpt', 'ai-forever/ru-gpts']) {
    if (hits.includes(other)) expect(hits.indexOf(other)).toBeGreaterThan(0);
  }
});

it.each([
  ['опенаи', 'openai'],
  ['лама', 'llama'],
  ['виспер', 'whisper'],
  ['sber', 'сбер'],
  ['Yandex', 'яндекс'],
])('finds %s as the entity %s, first', async (q, key) => {
  expect((await keys(q))[0]).toBe(key);
});

it('puts exact matches first, then prefixes, then fuzzy matches', async () => {
  // Exact: Whisper; prefix: WhisperX, whatever their mention counts.
  expect((await keys('whisper')).slice(0, 2)).toEqual(['whisper', 'whisperx']);
  // Exact GPT, then names that start with it, before anything that only resembles it.
  const gpt = await keys('gpt');
  expect(gpt[0]).toBe('gpt');
  expect(gpt.indexOf('gpt-4')).toBeGreaterThan(0);
  // LLaMA exactly (one mention) above Llama 3 (a prefix match, four mentions).
  expect((await keys('llama')).slice(0, 2)).toEqual(['llama', 'llama 3']);
  // A prefix in the other script: "опен" finds OpenAI.
  expect((await keys('опен'))[0]).toBe('openai');
});
