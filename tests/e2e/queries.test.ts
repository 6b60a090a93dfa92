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
import { ingestFiles } from '../../ingest/pipeline';
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

/** Waits until node positions stop changing between two animation frames apart (layouts may animate). */
async function settled(): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const at = () =>
          JSON.stringify(
            window
              .explorer!.cy.nodes()
              .map((n) => [Math.round(n.position('x')), Math.round(n.position('y'))]),
          );
        const before = at();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(at() === before)));
      }),
  );
}

/**
 * Whether the drawing ranks around `centre`: of two nodes, the one with the larger count is no
 * farther from the centre (rings: the heaviest nearest). Returns the pairs that break it.
 */
function rankBreaks(centre: string, weights: Record<string, number>): Promise<string[]> {
  return page.evaluate(
    ([c, w]) => {
      const cy = window.explorer!.cy;
      const at = cy.getElementById(c).position();
      const distance = (k: string) => {
        const p = cy.getElementById(k).position();
        return Math.hypot(p.x - at.x, p.y - at.y);
      };
      const keys = Object.keys(w).filter((k) => k !== c);
      const breaks: string[] = [];
      for (const a of keys)
        for (const b of keys)
          if (w[a] > w[b] && distance(a) > distance(b) + 1)
            breaks.push(`${a} (${w[a]}) beyond ${b} (${w[b]})`);
      return breaks;
    },
    [centre, weights] as const,
  );
}

/** Whether a node is drawn inside the canvas. */
function onScreen(key: string): Promise<boolean> {
  return page.evaluate((k) => {
    const cy = window.explorer!.cy;
    const p = cy.getElementById(k).renderedPosition();
    return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
  }, key);
}

/** The entity keys of the results table's `node` column with the numbers of another column. */
async function weightsOf(column: string): Promise<Record<string, number>> {
  const counts = (await columnTexts(column)).map(Number);
  const keys = await page.evaluate(() => {
    const heads = [...document.querySelectorAll('#results .results-table thead th')];
    const index = heads.findIndex((th) => th.textContent?.trim() === 'node');
    return [...document.querySelectorAll('#results .results-table tbody tr')].map(
      (tr) => tr.children[index]?.querySelector('button')?.getAttribute('data-key') ?? '',
    );
  });
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]]));
}

describe('co-mention and ranking results', () => {
  test(
    '“Entities most often mentioned with another” draws weighted edges around the centre',
    async () => {
      await openQuery('co-mentioned-with');
      await page.fill('#qp-co-mentioned-with-entity', 'OpenAI');
      await page.fill('#qp-co-mentioned-with-limit', '12');
      await runQuery('Entities most often mentioned with another');
      const rows = await page.locator('#results .results-table tbody tr').count();
      const shared = (await columnTexts('sharedPosts')).map(Number);
      await page.waitForFunction(
        (n) => window.explorer!.cy.edges('[type = "CO_MENTIONED"]').length === n,
        rows,
      );
      await settled();
      const edges = await page.evaluate(() =>
        window.explorer!.cy.edges('[type = "CO_MENTIONED"]').map((e) => ({
          source: e.source().id(),
          count: e.data('count') as number,
          width: e.numericStyle('width'),
        })),
      );
      expect(new Set(edges.map((e) => e.source))).toEqual(new Set(['openai']));
      expect(edges.map((e) => e.count).sort((a, b) => b - a)).toEqual(shared);
      // Width grows with the shared posts.
      const widest = edges.reduce((a, b) => (b.count > a.count ? b : a));
      const thinnest = edges.reduce((a, b) => (b.count < a.count ? b : a));
      expect(widest.count).toBeGreaterThan(thinnest.count);
      expect(widest.width).toBeGreaterThan(thinnest.width);
      await shot('q6-co-mentioned-star');
      // The centre is on screen, the entities sharing the most posts nearest to it, names readable.
      expect(await onScreen('openai')).toBe(true);
      await expect(rankBreaks('openai', await weightsOf('sharedPosts'))).resolves.toEqual([]);
      const smallestLabel = await page.evaluate(() =>
        Math.min(...window.explorer!.cy.nodes().map((n) => parseFloat(n.renderedStyle('font-size')) || 0)),
      );
      expect(smallestLabel).toBeGreaterThanOrEqual(7);
      await shot('q6-co-mentioned-star');
    },
    STEP_TIMEOUT,
  );

  test(
    '“Most connected entities” draws the relationships among them, the most connected in the middle',
    async () => {
      await openQuery('most-connected');
      await runQuery('Most connected entities');
      const link = page
        .locator('#results .results-table tbody tr')
        .first()
        .locator('button.link-button')
        .first();
      const top = (await link.getAttribute('data-key'))!;
      await page.waitForFunction(() => window.explorer!.cy.edges().length > 0);
      await settled();
      expect(await onScreen(top)).toBe(true);
      await expect(rankBreaks(top, await weightsOf('relationships'))).resolves.toEqual([]);
      await shot('q7-most-connected');
    },
    STEP_TIMEOUT,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
