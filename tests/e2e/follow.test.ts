/**
 * "Follow a channel" in the explorer: follow by @name, see the fetch finish with its post count,
 * see a channel without web preview listed with its error, refresh and unfollow. Real server,
 * Neo4j and Chromium; t.me is the local fixture server.
 */
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import path from 'node:path';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import { clearGraph, testDriver } from '../integration/support/db';
import { testClient } from '../integration/support/follow-client';
import { fixtureChannel } from '../support/tme-fixture/channels';
import { TmeFixtureServer } from '../support/tme-fixture/server';
import { CLIENT_DIST, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

let driver: Driver;
let server: RunningServer;
let tme: TmeFixtureServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

const WAIT_MS = 120_000;

beforeAll(async () => {
  ensureClientBuilt();
  driver = testDriver();
  await clearGraph(driver);
  tme = new TmeFixtureServer();
  const baseUrl = await tme.start();
  tme.addChannel(fixtureChannel('mlnews', 30));
  server = await startServer({
    driver,
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
    follow: { intervalMin: 0, baseUrl, pageDelayMs: 0, timeoutMs: 30_000, client: testClient().client },
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url);
  await page.evaluate(() => window.explorer!.ready);
  // A fetch, a load and the panel's next poll can take long on a busy machine: wait for what the
  // page shows, with a bound far above any normal run (playwright's default is 30 s).
  page.setDefaultTimeout(WAIT_MS);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await tme?.stop();
  await driver?.close();
});

test(
  'follow a channel, see its fetch and a failing one, then unfollow',
  async () => {
    await page.click('#follow-button');
    await page.fill('#follow-channel', '@mlnews');
    await page.click('#follow-submit');
    const row = page.locator('.follow-row[data-channel="mlnews"] .follow-state', { hasText: 'last fetched' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('26 posts');

    await page.fill('#follow-channel', 'nosuchchannel');
    await page.click('#follow-submit');
    const error = page.locator('.follow-row[data-channel="nosuchchannel"] .follow-last-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('no web preview');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, '30-follow.png') });

    await page.fill('#follow-channel', 'a/b');
    await page.click('#follow-submit');
    // Wait for the message: read at once, the text was still empty on a quiet machine (a race).
    await page.locator('#follow-error', { hasText: 'is not a public channel name' }).waitFor();

    await page.locator('.follow-row[data-channel="nosuchchannel"] button', { hasText: 'Unfollow' }).click();
    await page.locator('.follow-row[data-channel="nosuchchannel"]').waitFor({ state: 'detached' });
    await expect(page.locator('.follow-row').count()).resolves.toBe(1);
  },
  4 * WAIT_MS,
);
