/**
 * What the explorer says about an import: the toast and the summary give the exact number of new
 * entities (600, not the 500 the summary lists), the chips show names as written
 * ("DeepLab0/FastModel0", not the key "deeplab0/fastmodel0"), the header's node and relationship
 * counts are asked again as soon as the import ends, and a failure reads in plain words, without
 * module names or command-line advice. Real server, Neo4j and Chromium.
 */
import path from 'node:path';
import { loadExtraction } from '../../ingest/load/load';
import { ALPHA } from '../integration/channel-delete.fixtures';
import { extraction } from '../integration/ingest-extractions.fixtures';
import { counts } from '../integration/support/db';
import { MANY_NEW_ENTITIES, manyNewEntitiesExport } from '../fixtures/graph/many-new-entities';
import { SCREENSHOT_DIR } from './support/browser';
import { WAIT_MS, openExplorer, type ExplorerPage } from './support/explorer-page';

let explorer: ExplorerPage;

beforeAll(async () => {
  explorer = await openExplorer({ load: (driver) => loadExtraction(driver, extraction('alpha', ALPHA)) });
}, 300_000);

afterAll(async () => {
  await explorer?.close();
});

async function shot(name: string): Promise<void> {
  await explorer.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

test(
  'an import reports exact totals and names, and the header counts follow at once',
  async () => {
    const { page, driver } = explorer;
    const before = await counts(driver);
    await page.locator('#health', { hasText: `${before.nodes} nodes` }).waitFor();

    // Every toast, kept: they vanish after a few seconds, and the check must not race them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { toasts: string[] }).toasts = seen;
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) seen.push(n.textContent ?? '');
      }).observe(document.getElementById('notices')!, { childList: true });
    });
    // The API calls in the order the page makes them; the channel list is asked last after an import.
    const calls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) calls.push(pathname);
    });
    const channelsListed = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/channels',
    );

    await page.setInputFiles('#import-file', {
      name: 'many.result.json',
      mimeType: 'application/json',
      buffer: Buffer.from(manyNewEntitiesExport()),
    });
    const summary = page.locator('#import-summary');
    await summary.waitFor();
    await expect(summary.locator('h3').textContent()).resolves.toBe(
      `New entities (${MANY_NEW_ENTITIES}) — click to add to the canvas`,
    );
    const chips = await summary.locator('.chip').allTextContents();
    expect(chips[0]).toBe('DeepLab0/FastModel0');
    expect(chips.every((c) => /^DeepLab\d+\/FastModel\d+$/.test(c))).toBe(true);
    await shot('70-import-summary-names');

    await page.waitForFunction(() => (window as unknown as { toasts: string[] }).toasts.length > 0);
    const toasts = await page.evaluate(() => (window as unknown as { toasts: string[] }).toasts);
    expect(toasts[0]).toMatch(
      new RegExp(`^Import finished: ${MANY_NEW_ENTITIES} new entities now searchable\\.`),
    );

    // The header shows the graph's new size; it was asked for right after the import, with the
    // overview, not at the next health poll (which would come after the channels list).
    const after = await counts(driver);
    expect(after.nodes).toBeGreaterThan(before.nodes + MANY_NEW_ENTITIES);
    await page
      .locator('#health', {
        hasText: `${after.nodes.toLocaleString('en')} nodes · ${after.relationships.toLocaleString('en')} relationships`,
      })
      .waitFor();
    await channelsListed;
    const lastStatus = calls.findLastIndex((p) => p.startsWith('/api/imports/'));
    const afterImport = calls.slice(lastStatus + 1);
    expect(afterImport).toContain('/api/health');
    expect(afterImport.indexOf('/api/health')).toBeLessThan(afterImport.indexOf('/api/channels'));
    await page.click('#import-dialog .dialog-close');
  },
  4 * WAIT_MS,
);

test(
  'a file that is no export is refused in plain words, without module names or CLI advice',
  async () => {
    const { page } = explorer;
    await page.setInputFiles('#import-file', {
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello world'),
    });
    const error = page.locator('#import-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toBe(
      '“notes.txt” was not imported: cannot detect the export format (not JSON, HTML, or text copied from a t.me/s page)',
    );
    await shot('71-import-error-plain');
    await page.click('#import-dialog .dialog-close');
  },
  2 * WAIT_MS,
);
