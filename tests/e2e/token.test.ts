/**
 * With EXPLORER_TOKEN set, writes (POST) need the bearer token: the UI says so in plain words and
 * works once the token is entered in Settings. Real server and Neo4j; no data needed.
 */
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import { testDriver } from '../integration/support/db';
import { CLIENT_DIST, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

const TOKEN = 'e2e-token-4f9c';
let driver: Driver;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

beforeAll(async () => {
  ensureClientBuilt();
  driver = testDriver();
  server = await startServer({
    driver,
    config: { explorerToken: TOKEN, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url);
  await page.evaluate(() => window.explorer!.ready);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await driver?.close();
});

async function runCypher(text: string): Promise<void> {
  const editor = page.locator('#cypher-editor .cm-content');
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.click('#cypher-run');
}

test('a query without the token asks for it in Settings, and runs once it is saved', async () => {
  await page.click('#tab-cypher');
  await runCypher('RETURN 1 AS one');
  await expect(
    page.locator('.cypher-status.error-text', { hasText: 'access token' }).textContent(),
  ).resolves.toMatch(/Settings/);

  await page.click('#settings-button');
  await page.fill('#settings-token', TOKEN);
  await page.click('#settings-dialog button[value="save"]');
  await expect(page.evaluate(() => localStorage.getItem('explorer.token'))).resolves.toBe(TOKEN);

  await runCypher('RETURN 1 AS one');
  await page.locator('#results .results-table tbody tr').first().waitFor();
  await expect(page.locator('#results .results-table tbody td').first().textContent()).resolves.toBe('1');
  await expect(page.locator('.cypher-status').getAttribute('class')).resolves.not.toContain('error-text');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '20-token-accepted.png') });
}, 120_000);
