/**
 * Issue 11, item 5, in the browser: while the server restarts its embedded database, the top bar's
 * health line says "Database restarting" (from /api/health's 503 body), and it recovers by itself
 * once the database is back, without a reload. The supervisor's state is set by the test; the real
 * kill -9 and restart are tests/integration/server-embedded.test.ts.
 */
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import type { SupervisionStatus } from '../../db/supervisor';
import { testDriver } from '../integration/support/db';
import { CLIENT_DIST, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

let driver: Driver;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let status: SupervisionStatus = {
  state: 'restarting',
  attempt: 2,
  since: Date.now(),
  reason: 'the database was killed by SIGKILL; attempt 1 failed: port taken',
  restarts: 0,
};

beforeAll(async () => {
  ensureClientBuilt();
  driver = testDriver();
  server = await startServer({
    driver,
    supervision: { status: () => status },
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await driver?.close();
});

test('the health line says "Database restarting" and recovers without a reload', async () => {
  await page.goto(server.url);
  const line = page.locator('#health.health-restarting');
  await line.waitFor({ timeout: 60_000 });
  await expect(line.textContent()).resolves.toBe('Database restarting (attempt 2)…');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, '30-health-restarting.png') });

  status = { state: 'running', restarts: 1 };
  // The line is asked again every few seconds while the database is not answering.
  const ok = page.locator('#health.health-ok');
  await ok.waitFor({ timeout: 30_000 });
  await expect(ok.textContent()).resolves.toMatch(/^Neo4j 5\.26\.\d+ · /);
}, 120_000);
