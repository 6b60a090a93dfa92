/**
 * Saved queries and the Cypher editor as a user drives them, in a real Chromium against the real
 * server and a real Neo4j loaded with the demo channel: readable, sortable, downloadable result
 * tables; parameter forms labelled from the query header with entity pickers and type selects;
 * a highlighted editor with autocomplete from the live schema; co-mention results drawn as a
 * weighted star around their centre. Screenshots land in tests/e2e/screenshots/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { ingestFiles } from '../../ingest/load/ingest-file';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import { clearGraph, testDriver } from '../integration/support/db';
import { CLIENT_DIST, REPO_ROOT, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

const STEP_TIMEOUT = 120_000;

let driver: Driver;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureClientBuilt();
  driver = testDriver();
  await clearGraph(driver);
  await ingestFiles(driver, [path.join(REPO_ROOT, 'ingest/demo/ml-digest.result.json')]);
  server = await startServer({
    driver,
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(60_000);
  await page.goto(server.url);
  await page.evaluate(() => window.explorer!.ready);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await driver?.close();
});

/** Opens a saved query's form. */
async function openQuery(name: string): Promise<void> {
  await page.click('#tab-queries');
  await page.locator(`.query-item[data-query="${name}"]`).click();
  await page.locator(`.query-form[aria-label]`).waitFor();
}

/** Runs the open form and waits for this run's table (the title names the query). */
async function runQuery(title: string): Promise<void> {
  await page.click('.query-form button[type="submit"]');
  await page.locator('#results .results-header h2', { hasText: title }).waitFor();
  await page.locator('#results .results-table tbody tr').first().waitFor();
}

/** The texts of one column of the results table, by its header. */
async function columnTexts(column: string): Promise<string[]> {
  return page.evaluate((name) => {
    const heads = [...document.querySelectorAll('#results .results-table thead th')];
    const index = heads.findIndex((th) => th.textContent?.replace(/[▲▼]/g, '').trim() === name);
    return [...document.querySelectorAll('#results .results-table tbody tr')].map(
      (tr) => tr.children[index]?.textContent ?? '',
    );
  }, column);
}

describe('query tables', () => {
  test(
    'labels parameters from the header, with an entity picker and a type select',
    async () => {
      await openQuery('who-released-what');
      await expect(page.locator('label[for="qp-who-released-what-org"]').textContent()).resolves.toBe(
        'Organisation',
      );
      await expect(page.locator('label[for="qp-who-released-what-limit"]').textContent()).resolves.toBe(
        'Rows at most',
      );
      // The entity parameter suggests names as one types.
      await page.fill('#qp-who-released-what-org', 'Met');
      await page.locator('#qp-who-released-what-org-list [role="option"][data-key="meta"]').waitFor();
      await shot('q1-entity-picker');
      await page.keyboard.press('Escape');
      await page.fill('#qp-who-released-what-org', '');

      await openQuery('most-connected');
      const select = page.locator('select#qp-most-connected-type');
      await expect(select.locator('option').allTextContents()).resolves.toEqual(
        expect.arrayContaining(['All types', 'Organization', 'Model', 'Person']),
      );
      await expect(page.locator('label[for="qp-most-connected-type"]').textContent()).resolves.toBe(
        'Entity type',
      );
    },
    STEP_TIMEOUT,
  );

  test(
    'relationship cells read “A –TYPE→ B”; columns sort on a header click',
    async () => {
      await openQuery('who-released-what');
      await runQuery('Who released what');
      const statements = await columnTexts('statements');
      const by = await columnTexts('releasedBy');
      const released = await columnTexts('released');
      expect(statements.length).toBeGreaterThan(2);
      statements.forEach((text, i) =>
        expect(text).toMatch(
          new RegExp(`^${escape(by[i])} –RELEASED→ ${escape(released[i])}( \\(×\\d+\\))?$`),
        ),
      );
      await expect(page.locator('#results .results-table').textContent()).resolves.not.toContain('elementId');

      // Sorted by who released, then reversed.
      await page.locator('#results th button', { hasText: 'releasedBy' }).click();
      const ascending = await columnTexts('releasedBy');
      expect(ascending).toEqual(
        [...by].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' })),
      );
      await expect(page.locator('#results th[aria-sort="ascending"]').textContent()).resolves.toContain(
        'releasedBy',
      );
      await page.locator('#results th button', { hasText: 'releasedBy' }).click();
      await expect(columnTexts('releasedBy')).resolves.toEqual([...ascending].reverse());
      // Numbers sort as numbers.
      await page.locator('#results th button', { hasText: 'posts' }).click();
      const posts = (await columnTexts('posts')).map(Number);
      expect(posts).toEqual([...posts].sort((a, b) => a - b));
      await shot('q2-table-sorted');
    },
    STEP_TIMEOUT,
  );

  test(
    'Download CSV gives the table as it reads, one line per row',
    async () => {
      const rows = await page.locator('#results .results-table tbody tr').count();
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#results-csv')]);
      expect(download.suggestedFilename()).toBe('who-released-what.csv');
      const lines = fs
        .readFileSync(await download.path(), 'utf8')
        .split('\r\n')
        .filter(Boolean);
      expect(lines[0]).toBe('releasedBy,released,type,posts,statements');
      expect(lines).toHaveLength(rows + 1);
      expect(lines[1]).toContain('–RELEASED→');
    },
    STEP_TIMEOUT,
  );

  test(
    'a node cell is the entity’s name, a link that focuses it on the canvas',
    async () => {
      await openQuery('most-connected');
      await runQuery('Most connected entities');
      const link = page
        .locator('#results .results-table tbody tr')
        .first()
        .locator('button.link-button')
        .first();
      const key = await link.getAttribute('data-key');
      const name = (await columnTexts('entity'))[0];
      await expect(link.textContent()).resolves.toBe(name);
      await link.click();
      await page.waitForFunction(
        (k) =>
          window
            .explorer!.cy.nodes(':selected')
            .map((n) => n.id())
            .join() === k,
        key,
      );
    },
    STEP_TIMEOUT,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
