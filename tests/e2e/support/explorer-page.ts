/**
 * One explorer page on a real server and the run's Neo4j, for e2e test files that need their own
 * graph: clears the database, lets the test load what it needs, starts the server on a free port
 * and opens the UI in Chromium once the client says it is ready.
 */
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, stopServer, type RunningServer } from '../../../server/app';
import { clearGraph, testDriver } from '../../integration/support/db';
import { CLIENT_DIST, ensureClientBuilt, launchBrowser } from './browser';

/** Longest wait for a condition in a step; a verdict never depends on it being short. */
export const WAIT_MS = 60_000;

export interface ExplorerPage {
  driver: Driver;
  server: RunningServer;
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openExplorer(options: {
  load: (driver: Driver) => Promise<unknown>;
  token?: string;
}): Promise<ExplorerPage> {
  ensureClientBuilt();
  const driver = testDriver();
  await clearGraph(driver);
  await options.load(driver);
  const server = await startServer({
    driver,
    config: { explorerToken: options.token ?? null, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(server.url);
  if (options.token) {
    await page.evaluate((token) => localStorage.setItem('explorer.token', token), options.token);
    await page.reload();
  }
  await page.evaluate(() => window.explorer!.ready);
  return {
    driver,
    server,
    page,
    context: browser.context,
    close: async () => {
      await browser.close();
      await stopServer(server);
      await driver.close();
    },
  };
}
