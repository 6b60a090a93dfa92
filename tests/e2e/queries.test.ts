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

/** Replaces the editor's text by typing it (so the completion reacts as it does for a user). */
async function typeInEditor(text: string): Promise<void> {
  const editor = page.locator('#cypher-editor .cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The option labels of the completion list once it lists `wanted`. */
async function completionOffers(wanted: string): Promise<string[]> {
  const option = page.locator('.cm-tooltip-autocomplete li', { hasText: wanted }).first();
  await option.waitFor();
  return page.locator('.cm-tooltip-autocomplete li').allTextContents();
}

describe('Cypher editor', () => {
  test(
    'highlights keywords, labels, relationship types, properties and strings in different colours',
    async () => {
      await page.click('#tab-cypher');
      await page.locator('#cypher-editor .cm-content').waitFor();
      await typeInEditor("MATCH (m:Model)<-[r:RELEASED]-(o) WHERE o.name = 'Meta' RETURN m LIMIT 5");
      await page.keyboard.press('Escape');
      // The semantic marks (labels, types, properties) come after the parse of what was typed.
      const marks = ['.cm-keyword', '.cm-p-label', '.cm-p-relationshipType', '.cm-p-property', '.cm-string'];
      await page
        .waitForFunction(
          (selectors) => selectors.every((s) => document.querySelector(`#cypher-editor ${s}`)),
          marks,
          { timeout: 20_000 },
        )
        .catch(async () => {
          const classes = await page.evaluate(() =>
            [...document.querySelectorAll('#cypher-editor .cm-line *')].map(
              (e) => `${e.className}:${e.textContent}`,
            ),
          );
          throw new Error(`editor marks missing; the line holds ${classes.join(' ')}`);
        });
      const colours = await page.evaluate(() => {
        const colourOf = (selector: string) => {
          const el = document.querySelector(`#cypher-editor ${selector}`);
          return el ? getComputedStyle(el).color : null;
        };
        return {
          keyword: colourOf('.cm-keyword'),
          label: colourOf('.cm-p-label'),
          relationshipType: colourOf('.cm-p-relationshipType'),
          property: colourOf('.cm-p-property'),
          string: colourOf('.cm-string'),
          text: getComputedStyle(document.querySelector('#cypher-editor .cm-content')!).color,
        };
      });
      for (const colour of Object.values(colours)) expect(colour).not.toBeNull();
      // Six kinds of text, six colours.
      expect([new Set(Object.values(colours)).size, colours]).toEqual([6, colours]);
      await shot('q3-cypher-highlighted');
    },
    STEP_TIMEOUT,
  );

  test(
    'completes labels, relationship types and properties of the live graph and saved-query parameters',
    async () => {
      await typeInEditor('MATCH (n:Organi');
      await expect(completionOffers('Organization')).resolves.toContain('Organization');
      await typeInEditor('MATCH ()-[r:HAS_RE');
      await expect(completionOffers('HAS_REPO')).resolves.toContain('HAS_REPO');
      await typeInEditor('MATCH (n) RETURN n.mentionC');
      await expect(completionOffers('mentionCount')).resolves.toContain('mentionCount');
      await typeInEditor('MATCH (n) RETURN $lim');
      await expect(completionOffers('limit')).resolves.toEqual(
        expect.arrayContaining([expect.stringContaining('limit')]),
      );
      await shot('q4-cypher-completion');
      await page.keyboard.press('Escape');
    },
    STEP_TIMEOUT,
  );

  test(
    'the editor can be widened over half the window',
    async () => {
      const before = (await page.locator('#cypher-editor').boundingBox())!.width;
      expect(before).toBeLessThan(300);
      await page.click('#cypher-widen');
      await page.waitForFunction(
        () => document.querySelector('#cypher-editor')!.getBoundingClientRect().width > 600,
      );
      await shot('q5-cypher-wide');
      await page.click('#cypher-widen');
      await page.waitForFunction(
        () => document.querySelector('#cypher-editor')!.getBoundingClientRect().width < 300,
      );
    },
    STEP_TIMEOUT,
  );

  test(
    'a failed query clears the table of the one before',
    async () => {
      await typeInEditor('MATCH (o:Organization) RETURN o.name AS name LIMIT 3');
      await page.click('#cypher-run');
      await page.locator('#results .results-header h2', { hasText: 'Cypher result' }).waitFor();
      await typeInEditor('MATCH (n RETURN n');
      await page.click('#cypher-run');
      await page.locator('.cypher-status.error-text').waitFor();
      await expect(page.locator('#results').isHidden()).resolves.toBe(true);
    },
    STEP_TIMEOUT,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
