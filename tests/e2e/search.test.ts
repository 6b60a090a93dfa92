/**
 * The search box lists the entity that was meant first, however it is spelt: "gpt4" GPT-4 (not the
 * more mentioned GPT), and the Russian transcriptions "опенаи", "лама", "виспер" OpenAI, LLaMA and
 * Whisper. Real server, Neo4j and Chromium on the search-ranking fixture channel.
 */
import path from 'node:path';
import { loadExtraction } from '../../ingest/load/load';
import { extraction } from '../integration/ingest-extractions.fixtures';
import { SEARCH_CHANNEL, SEARCH_POSTS } from '../integration/search-ranking.fixtures';
import { SCREENSHOT_DIR } from './support/browser';
import { WAIT_MS, openExplorer, type ExplorerPage } from './support/explorer-page';

let explorer: ExplorerPage;

beforeAll(async () => {
  explorer = await openExplorer({
    load: (driver) => loadExtraction(driver, extraction(SEARCH_CHANNEL, SEARCH_POSTS)),
  });
}, 300_000);

afterAll(async () => {
  await explorer?.close();
});

/** The suggestion keys for `text`, once the list shows them (an empty field closes the old list first). */
async function suggestions(text: string): Promise<string[]> {
  const { page } = explorer;
  await page.fill('#search-input', '');
  await page.locator('#search-input-list').waitFor({ state: 'hidden' });
  await page.fill('#search-input', text);
  await page.locator('#search-input-list [role="option"]').first().waitFor();
  return page
    .locator('#search-input-list [role="option"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
}

test(
  'suggests the meant entity first for run-together and Russian spellings, and opens it with Enter',
  async () => {
    expect((await suggestions('gpt4'))[0]).toBe('gpt-4');
    await explorer.page.screenshot({ path: path.join(SCREENSHOT_DIR, '50-search-gpt4.png') });
    expect((await suggestions('опенаи'))[0]).toBe('openai');
    expect((await suggestions('лама'))[0]).toBe('llama');
    expect((await suggestions('виспер'))[0]).toBe('whisper');
    await explorer.page.screenshot({ path: path.join(SCREENSHOT_DIR, '51-search-visper.png') });

    // Enter takes the first suggestion: Whisper lands on the canvas.
    await explorer.page.press('#search-input', 'Enter');
    await explorer.page.waitForFunction(() => window.explorer!.canvas.entityKeys().includes('whisper'));
  },
  4 * WAIT_MS,
);
