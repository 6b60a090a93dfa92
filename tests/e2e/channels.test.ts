/**
 * The Channels tab: the imported channels listed with posts and date span; deleting one asks what
 * would go and says it in a confirmation (Cancel changes nothing), then the channel, its posts and
 * its own entities are gone, from the graph and from the canvas, while shared entities stay.
 * Real server (with EXPLORER_TOKEN), Neo4j and Chromium; the two small channels of the
 * channel-delete integration test.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { loadExtraction } from '../../ingest/load/load';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import { ALPHA, BETA } from '../integration/channel-delete.fixtures';
import { extraction } from '../integration/ingest-extractions.fixtures';
import { clearGraph, counts, testDriver } from '../integration/support/db';
import { CLIENT_DIST, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

const TOKEN = 'e2e-channels-token-7d21';
const WAIT_MS = 60_000;
let driver: Driver;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  ensureClientBuilt();
  driver = testDriver();
  await clearGraph(driver);
  await loadExtraction(driver, extraction('alpha', ALPHA));
  await loadExtraction(driver, extraction('beta', BETA));
  server = await startServer({
    driver,
    config: { explorerToken: TOKEN, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url);
  await page.evaluate((token) => localStorage.setItem('explorer.token', token), TOKEN);
  await page.reload();
  await page.evaluate(() => window.explorer!.ready);
  page.setDefaultTimeout(WAIT_MS);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await driver?.close();
});

async function pickFromSearch(text: string, key: string): Promise<void> {
  await page.fill('#search-input', text);
  const option = page.locator(`#search-input-list [role="option"][data-key="${key}"]`);
  await option.waitFor();
  await option.dispatchEvent('mousedown');
  await page.waitForFunction((k) => window.explorer!.canvas.entityKeys().includes(k), key);
}

test(
  'lists the channels, confirms what a delete removes, and deletes one',
  async () => {
    await pickFromSearch('Sandpiper', 'sandpiper');
    await pickFromSearch('Kestrel', 'kestrel');

    // Kestrel's details say which channels mention it and which was first.
    const mentionedBy = page.locator('#details-channels');
    await mentionedBy.waitFor();
    await expect(mentionedBy.locator('.entity-channels-first').textContent()).resolves.toBe(
      'First mentioned by Channel beta on 20 Feb 2025.',
    );
    await expect(mentionedBy.locator('li').count()).resolves.toBe(2);

    await page.click('#tab-channels');
    const rows = page.locator('#channel-list .channel-row');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const beta = page.locator('.channel-row[data-channel="beta"]');
    await expect(beta.textContent()).resolves.toContain('3 posts');
    await expect(beta.textContent()).resolves.toContain('20 Feb 2025 – 20 Mar 2025');

    // Cancel: nothing is written.
    const before = await counts(driver);
    await beta.locator('button', { hasText: 'Delete' }).click();
    const summary = page.locator('#channel-delete-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toBe(
      '3 posts, 3 relations and 3 entities only this channel mentions will be deleted.',
    );
    await expect(page.locator('#channel-delete-dialog').textContent()).resolves.toContain(
      '3 entities other channels mention too will stay',
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '40-channel-delete-confirm.png') });
    await page.click('#channel-delete-cancel');
    await expect(counts(driver)).resolves.toEqual(before);

    await beta.locator('button', { hasText: 'Delete' }).click();
    await page.click('#channel-delete-confirm');
    await beta.waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    // Sandpiper was beta's alone: it left the canvas; Kestrel is alpha's too and stays.
    await page.waitForFunction(() => !window.explorer!.canvas.entityKeys().includes('sandpiper'));
    await expect(page.evaluate(() => window.explorer!.canvas.entityKeys())).resolves.toContain('kestrel');
    // Kestrel stays, typed Model again (beta's Product votes went with it), in the details too.
    await page.waitForFunction(() => window.explorer!.cy.getElementById('kestrel').data('type') === 'Model');
    await page.locator('#details', { hasText: 'Posts' }).waitFor();
    await page.waitForFunction(() => /Posts\s*2/.test(document.querySelector('#details')?.textContent ?? ''));
    await page
      .locator('#details-channels .entity-channels-first', { hasText: 'Channel alpha on 2 Mar 2025' })
      .waitFor();
    const { records } = await driver.executeQuery("MATCH (c:Channel {key: 'beta'}) RETURN count(c) AS n");
    expect(records[0].get('n').toNumber()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '41-channel-deleted.png') });
  },
  4 * WAIT_MS,
);
