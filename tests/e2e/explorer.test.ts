/**
 * The explorer as a user drives it, in a real Chromium against the real server and a real Neo4j
 * loaded with the demo channel and the hostile-HTML fixture. The steps share one page and run in
 * order: search → expand → details → edge evidence → path → saved query → Cypher error → export →
 * import → deep link → paged posts of a hub → XSS. Screenshots land in tests/e2e/screenshots/ (git-ignored).
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, stopServer, type RunningServer } from '../../server/app';
import { ingestFiles } from '../../ingest/load/ingest-file';
import { clearGraph, testDriver } from '../integration/support/db';
import { CLIENT_DIST, REPO_ROOT, SCREENSHOT_DIR, ensureClientBuilt, launchBrowser } from './support/browser';

const STEP_TIMEOUT = 120_000;
const FIXTURES = path.join(__dirname, 'fixtures');

let driver: Driver;
let server: RunningServer;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
/** Messages of every alert/confirm/prompt the page opened: must stay empty. */
const dialogs: string[] = [];
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

function canvasIds(): Promise<string[]> {
  return page.evaluate(() =>
    window
      .explorer!.cy.nodes()
      .map((n) => n.id())
      .sort(),
  );
}

/** Waits until node positions stop changing (layouts animate). */
async function settle(): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() =>
      JSON.stringify(
        window.explorer!.cy.nodes().map((n) => [Math.round(n.position('x')), Math.round(n.position('y'))]),
      ),
    );
    if (now === last) return;
    last = now;
    await page.waitForTimeout(250);
  }
}

/** Nodes of one type on the canvas, and how many of them are displayed. */
function typeVisibility(type: string): Promise<{ shown: number; total: number }> {
  return page.evaluate((nodeType) => {
    const nodes = window.explorer!.cy.nodes(`[type = "${nodeType}"]`);
    return { shown: nodes.filter(':visible').length, total: nodes.length };
  }, type);
}

async function expectAllHidden(type: string): Promise<void> {
  // The filter applies on the checkbox's change event; give the page a moment before counting.
  await page
    .waitForFunction(
      (nodeType) => window.explorer!.cy.nodes(`[type = "${nodeType}"]`).filter(':visible').empty(),
      type,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const { shown, total } = await typeVisibility(type);
  expect(total).toBeGreaterThan(0);
  expect(shown).toBe(0);
}

async function screenPoint(id: string, kind: 'node' | 'edge'): Promise<{ x: number; y: number }> {
  const box = await page.locator('#cy').boundingBox();
  const point = await page.evaluate(
    ([elementId, elementKind]) => {
      const el = window.explorer!.cy.getElementById(elementId);
      if (el.empty()) throw new Error(`no ${elementKind} ${elementId} on the canvas`);
      return elementKind === 'node'
        ? el.renderedPosition()
        : (el as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
    },
    [id, kind] as const,
  );
  return { x: box!.x + point.x, y: box!.y + point.y };
}

async function pickFromSearch(inputSelector: string, text: string, key: string): Promise<void> {
  await page.fill(inputSelector, text);
  const option = page.locator(`${inputSelector}-list [role="option"][data-key="${key}"]`);
  await option.waitFor();
  await option.dispatchEvent('mousedown');
}

beforeAll(async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  ensureClientBuilt();
  driver = testDriver();
  await clearGraph(driver);
  await ingestFiles(driver, [
    path.join(REPO_ROOT, 'tests/fixtures/xss/xss-post.result.json'),
    path.join(REPO_ROOT, 'ingest/demo/ml-digest.result.json'),
  ]);
  server = await startServer({
    driver,
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
    clientDir: CLIENT_DIST,
    port: 0,
  });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.evaluate(() => window.explorer!.ready);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stopServer(server);
  await driver?.close();
});

describe('explorer UI', () => {
  test('shows the database status and an empty canvas with guidance', async () => {
    await page.locator('#health.health-ok').waitFor();
    await expect(page.locator('#health').textContent()).resolves.toMatch(/Neo4j .* nodes/);
    await expect(page.locator('#empty-state').isVisible()).resolves.toBe(true);
    await shot('01-empty');
  });

  test(
    'the overview shows what the graph holds, and its posts, months and entities lead into the canvas',
    async () => {
      const overview = page.locator('#empty-state #overview');
      await overview.waitFor();
      await expect(overview.locator('.overview-stat').count()).resolves.toBe(3);
      await expect(overview.locator('.overview-stat').first().textContent()).resolves.toMatch(
        /\d+\s*channels/,
      );
      await expect(overview.locator('.overview-bar').count()).resolves.toBeGreaterThan(0);
      await expect(overview.locator('.overview-releasers .overview-entity').count()).resolves.toBeGreaterThan(
        0,
      );
      await expect(overview.locator('.overview-posts li').count()).resolves.toBeGreaterThan(0);
      await shot('01-overview');
      await overview.locator('.overview-latest').scrollIntoViewIfNeeded();
      await shot('01a-overview-latest-posts');

      // A post opens the post view.
      await overview.locator('.overview-post-title').first().click();
      await page.locator('#post-dialog[open] .dialog-body').waitFor();
      await page.locator('#post-dialog .dialog-close').click();

      // A month sets the date filter to that month.
      const bar = overview.locator('.overview-bar').last();
      const month = await bar.getAttribute('data-month');
      await bar.click();
      await expect(page.inputValue('#filter-from')).resolves.toBe(`${month}-01`);
      await expect(bar.getAttribute('aria-pressed')).resolves.toBe('true');
      await page.locator('#panel-filters button', { hasText: 'Show everything' }).click();
      await expect(bar.getAttribute('aria-pressed')).resolves.toBe('false');

      // An entity opens its neighbourhood, as a search pick does.
      const entity = overview.locator('.overview-top .overview-entity').first();
      const key = await entity.getAttribute('data-key');
      expect(key).toBeTruthy();
      await entity.click();
      await page.waitForFunction(
        (k) => window.explorer!.cy.getElementById(k).nonempty() && window.explorer!.cy.nodes().length > 1,
        key!,
      );
      await page.locator('#details-title').waitFor();
      await expect(page.locator('#empty-state').isHidden()).resolves.toBe(true);
      await settle();
      await shot('01b-overview-entity');

      // Clearing the canvas brings the overview back.
      await page.locator('#toolbar button', { hasText: 'Clear' }).click();
      await overview.waitFor();
    },
    STEP_TIMEOUT,
  );

  test(
    '"/" focuses the search, suggestions show type and mentions, Esc clears',
    async () => {
      await page.locator('body').press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
      await page.keyboard.type('Meta');
      const option = page.locator('#search-input-list [role="option"][data-key="meta"]');
      await option.waitFor();
      await expect(option.textContent()).resolves.toMatch(/Meta.*Organization.*\d+ mentions/);
      await shot('02-search-suggestions');
      await page.keyboard.press('Escape');
      await expect(page.inputValue('#search-input')).resolves.toBe('');
      await expect(page.locator('#search-input-list').isHidden()).resolves.toBe(true);
    },
    STEP_TIMEOUT,
  );

  test(
    'choosing a search result puts the entity and its neighbourhood on the canvas with details',
    async () => {
      await pickFromSearch('#search-input', 'Meta', 'meta');
      await page.waitForFunction(
        () => window.explorer!.cy.getElementById('meta').nonempty() && window.explorer!.cy.nodes().length > 3,
      );
      await settle();
      const ids = await canvasIds();
      expect(ids).toEqual(expect.arrayContaining(['meta', 'llama', 'sam']));
      await page.locator('#details-title').filter({ hasText: 'Meta' }).waitFor();
      await page.locator('#details .timeline').waitFor();
      await expect(page.locator('#details .post-item').count()).resolves.toBeGreaterThan(1);
      await expect(page.locator('#details .evidence mark').first().textContent()).resolves.toMatch(
        /Meta|FAIR|Facebook/i,
      );
      await expect(page.locator('#empty-state').isHidden()).resolves.toBe(true);
      await shot('03-search-result-details');
    },
    STEP_TIMEOUT,
  );

  test(
    'double-clicking a node expands its neighbourhood',
    async () => {
      const before = await canvasIds();
      expect(before).not.toContain('vit');
      const point = await screenPoint('sam', 'node');
      await page.mouse.dblclick(point.x, point.y);
      await page.waitForFunction(() => window.explorer!.cy.getElementById('vit').nonempty());
      await settle();
      expect((await canvasIds()).length).toBeGreaterThan(before.length);
      await shot('04-expanded');
    },
    STEP_TIMEOUT,
  );

  test(
    'the canvas can be driven from the keyboard',
    async () => {
      await page.focus('#cy');
      await page.keyboard.press('ArrowRight');
      const selected = await page.evaluate(() =>
        window.explorer!.cy.nodes(':selected').map((n) => String(n.data('label'))),
      );
      expect(selected).toHaveLength(1);
      await expect(page.locator('#canvas-announce').textContent()).resolves.toContain(selected[0]);
      await page.keyboard.press('Enter');
      await page.locator('#details-title', { hasText: selected[0] }).waitFor();
    },
    STEP_TIMEOUT,
  );

  test(
    'clicking an edge lists the posts that state it, each with its sentence',
    async () => {
      const edgeId = await page.evaluate(
        () => window.explorer!.cy.edges('[source = "meta"][target = "sam"]')[0]?.id() ?? '',
      );
      expect(edgeId).toBeTruthy();
      await page.evaluate(() => {
        window.explorer!.cy.fit(undefined, 60); // (returning the Core would make Playwright serialise it)
      });
      const point = await screenPoint(edgeId, 'edge');
      await page.mouse.click(point.x, point.y);
      await page.locator('#details .details-type', { hasText: 'Relationship' }).waitFor();
      await expect(page.locator('#details-title').textContent()).resolves.toMatch(
        /Meta\s*RELEASED\s*→\s*SAM/,
      );
      // The posts stating it come from GET /api/relations (the edge data carries one sentence at
      // most), each with its title and highlighted sentence, as many as the edge counts.
      const edge = await page.evaluate(
        (id) => window.explorer!.cy.getElementById(id).data() as { count: number; evidence: string[] },
        edgeId,
      );
      expect(edge.evidence.length).toBeLessThanOrEqual(1);
      await page
        .locator('#details .post-title', { hasText: /Segment Anything/ })
        .first()
        .waitFor();
      await expect(page.locator('#details .evidence').first().textContent()).resolves.toMatch(
        /Segment Anything/,
      );
      await expect(page.locator('#details #posts-heading').textContent()).resolves.toBe(
        `Posts (${edge.count})`,
      );
      await expect(page.locator('#details .post-item').count()).resolves.toBe(Math.min(edge.count, 20));
      await shot('05-edge-evidence');
    },
    STEP_TIMEOUT,
  );

  test(
    'finds how two entities are connected, highlights the path and cites each hop',
    async () => {
      await page.click('#tab-paths');
      await pickFromSearch('#path-from', 'Whisper', 'whisper');
      await pickFromSearch('#path-to', 'GPT-4', 'gpt-4');
      await page.click('text=Find connections');
      await page.locator('.path .hop').first().waitFor();
      await expect(page.locator('.path').first().locator('.hop-line').allTextContents()).resolves.toEqual([
        expect.stringMatching(/Whisper.*RELEASED.*OpenAI|OpenAI.*RELEASED.*Whisper/),
        expect.stringMatching(/OpenAI.*RELEASED.*GPT-4/),
      ]);
      await expect(page.locator('.path .citation').count()).resolves.toBeGreaterThanOrEqual(2);
      const highlighted = await page.evaluate(() =>
        window
          .explorer!.cy.nodes('.on-path')
          .map((n) => n.id())
          .sort(),
      );
      expect(highlighted).toEqual(expect.arrayContaining(['whisper', 'openai', 'gpt-4']));
      // The URL is written after the canvas is highlighted; wait for it instead of racing it.
      await page.waitForURL(/pf=whisper/);
      await settle();
      await shot('06-path');
    },
    STEP_TIMEOUT,
  );

  test(
    'runs a saved query from a form built from its parameters',
    async () => {
      await page.click('#tab-queries');
      await page.locator('.query-item[data-query="co-mentioned-with"]').click();
      await page.fill('#qp-co-mentioned-with-entity', 'OpenAI');
      await page.fill('#qp-co-mentioned-with-limit', '5');
      await page.click('.query-form button[type="submit"]');
      await page.locator('#results .results-table tbody tr').first().waitFor();
      const rows = await page.locator('#results .results-table tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThanOrEqual(5);
      await page.waitForURL(/q=co-mentioned-with/);
      expect(page.url()).toMatch(/qp.entity=OpenAI/);
      await settle();
      await shot('07-saved-query');
    },
    STEP_TIMEOUT,
  );

  test(
    'the Cypher editor explains a syntax error and a write attempt in plain words',
    async () => {
      await page.click('#tab-cypher');
      const editor = page.locator('#cypher-editor .cm-content');
      await editor.waitFor();
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('MATCH (n RETURN n');
      await page.click('#cypher-run');
      const status = page.locator('.cypher-status.error-text');
      await status.waitFor();
      await expect(status.textContent()).resolves.toMatch(/syntax error at line 1, column \d+/);
      await shot('08-cypher-error');
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('CREATE (x:Hack) RETURN x');
      await page.click('#cypher-run');
      await expect(
        page.locator('.cypher-status.error-text', { hasText: 'only reads the graph' }).textContent(),
      ).resolves.toMatch(/refused/);
    },
    STEP_TIMEOUT,
  );

  test(
    'exports the current view as GraphML that parses and holds the canvas entities',
    async () => {
      const entityIds = await page.evaluate(() => window.explorer!.canvas.entityKeys().sort());
      expect(entityIds.length).toBeGreaterThan(0);
      await page.click('#export-button');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.menu-item[data-format="graphml"]'),
      ]);
      const file = await download.path();
      const xml = fs.readFileSync(file, 'utf8');
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
      const nodes = [parsed.graphml.graph.node].flat();
      expect(nodes.map((n: Record<string, string>) => n['@_id']).sort()).toEqual(entityIds);

      await page.click('#export-button');
      const [png] = await Promise.all([
        page.waitForEvent('download'),
        page.click('.menu-item[data-format="png"]'),
      ]);
      const bytes = fs.readFileSync(await png.path());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    },
    STEP_TIMEOUT,
  );

  test(
    'imports a channel export with progress and a summary; the new entities are searchable',
    async () => {
      // Not in the graph before the import.
      await page.fill('#search-input', 'Grok');
      await page.locator('.picker-status', { hasText: 'Nothing found' }).first().waitFor();
      await page.keyboard.press('Escape');
      await page.setInputFiles('#import-file', path.join(FIXTURES, 'small-channel.result.json'));
      await page.locator('#import-dialog[open]').waitFor();
      const summary = page.locator('#import-summary');
      await summary.waitFor({ timeout: 100_000 });
      await expect(summary.textContent()).resolves.toMatch(/Imported 2 posts/);
      await shot('09-import-summary');
      await page.click('#import-dialog .dialog-close');
      await page.fill('#search-input', 'Grok');
      await page.locator('#search-input-list [role="option"]', { hasText: 'Grok' }).first().waitFor();
      await page.keyboard.press('Escape');
    },
    STEP_TIMEOUT,
  );

  test(
    'a file that is not an export gets a human message',
    async () => {
      await page.setInputFiles('#import-file', path.join(FIXTURES, 'not-an-export.json'));
      const error = page.locator('#import-error');
      await error.waitFor({ timeout: 60_000 });
      await expect(error.textContent()).resolves.toMatch(/“not-an-export\.json” was not imported: \S+/);
      await shot('10-import-error');
      await page.click('#import-dialog .dialog-close');
    },
    STEP_TIMEOUT,
  );

  test(
    'a reload of the URL restores the canvas, the filters and the query',
    async () => {
      // Hide a type that the query put on the canvas (the one of its least connected node).
      const hiddenType = await page.evaluate(() =>
        String(
          window
            .explorer!.cy.nodes()
            .min((n) => n.degree(false))
            .ele.data('type'),
        ),
      );
      await page.click('#tab-filters');
      await page.click(`#filter-type-${hiddenType}`);
      await expectAllHidden(hiddenType);
      await page.waitForFunction(() => new URLSearchParams(location.search).getAll('hide').length > 0);
      await page.waitForTimeout(300); // URL writes are debounced
      const before = await page.evaluate(() => window.explorer!.canvas.entityKeys().sort());
      await page.reload();
      await page.evaluate(() => window.explorer!.ready);
      const after = await page.evaluate(() => window.explorer!.canvas.entityKeys().sort());
      expect(after).toEqual(before);
      await expect(page.locator(`#filter-type-${hiddenType}`).isChecked()).resolves.toBe(false);
      await expect(page.locator('#results .results-table').isVisible()).resolves.toBe(true);
      await expect(page.inputValue('#qp-co-mentioned-with-entity')).resolves.toBe('OpenAI');
      await settle();
      await expectAllHidden(hiddenType);
      await shot('11-deep-link-restored');
      await page.click('#tab-filters');
      await page.click(`#filter-type-${hiddenType}`);
    },
    STEP_TIMEOUT,
  );

  test(
    'a hub entity pages its posts: "Show more" appends from the keyboard, a failed page says why and retries',
    async () => {
      // 45 posts (numbered 1..45, one every few days) that all mention Cohere: more than a page.
      await ingestFiles(driver, [path.join(FIXTURES, 'hub-channel.result.json')]);
      await pickFromSearch('#search-input', 'Cohere', 'cohere');
      const heading = page.locator('#details #posts-heading');
      const items = page.locator('#details .post-item');
      const more = page.locator('#details .show-more');
      const postNumbers = async () =>
        (await items.locator('.post-title').allTextContents()).map((t) => Number(/\d+/.exec(t)?.[0]));
      await heading.filter({ hasText: 'Posts 1–20 of 45' }).waitFor();
      await expect(postNumbers()).resolves.toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
      await expect(more.textContent()).resolves.toBe('Show 20 more');
      // The timeline shades the months of the posts listed (posts 26..45: April to June 2024).
      const caption = page.locator('#details .timeline-caption');
      await caption.filter({ hasText: 'Shaded: 2024-04 to 2024-06' }).waitFor();
      await shot('13-posts-first-page');

      await more.focus();
      await page.keyboard.press('Enter');
      await heading.filter({ hasText: 'Posts 1–40 of 45' }).waitFor();
      await expect(postNumbers()).resolves.toEqual(Array.from({ length: 40 }, (_, i) => 45 - i));
      // Focus lands on the first new post; its sentence is highlighted like the first page's.
      await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toMatch(/\b25\b/);
      await expect(items.nth(20).locator('.evidence mark').first().textContent()).resolves.toBe('Cohere');
      await caption.filter({ hasText: 'Shaded: 2024-01 to 2024-06' }).waitFor();
      // Clicking the node already shown keeps the pages loaded.
      await settle();
      const node = await screenPoint('cohere', 'node');
      await page.mouse.click(node.x, node.y);
      await page.waitForTimeout(500);
      await expect(heading.textContent()).resolves.toBe('Posts 1–40 of 45');
      await expect(items.count()).resolves.toBe(40);

      // The last page fails once: the reason shows in the panel and the same button retries.
      const pageThree = (url: URL) =>
        url.pathname === '/api/entities/cohere' && url.searchParams.get('page') === '3';
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(pageThree, async (route) => {
        await released; // held until the loading state has been seen
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Neo4j is restarting.' } }),
        });
      });
      await more.focus();
      await page.keyboard.press('Enter');
      await page.locator('#details .show-more[aria-disabled="true"]', { hasText: 'Loading…' }).waitFor();
      release();
      const error = page.locator('#details .post-list-footer [role="alert"]');
      await error.waitFor();
      await expect(error.textContent()).resolves.toMatch(
        /^Could not load more posts: The graph database is not reachable right now\. Neo4j is restarting\.$/,
      );
      await expect(more.textContent()).resolves.toBe('Try again');
      await expect(items.count()).resolves.toBe(40);
      await page
        .locator('#details')
        .screenshot({ path: path.join(SCREENSHOT_DIR, '13-posts-page-error.png') });
      await page.unroute(pageThree);
      await page.keyboard.press('Enter');
      await heading.filter({ hasText: 'Posts (45)' }).waitFor();
      await expect(postNumbers()).resolves.toEqual(Array.from({ length: 45 }, (_, i) => 45 - i));
      await expect(more.isHidden()).resolves.toBe(true);
      await expect(error.isHidden()).resolves.toBe(true);
      await expect(page.locator('#details .timeline-listed').count()).resolves.toBe(0);
      await expect(caption.isHidden()).resolves.toBe(true);
      await page.locator('#details').screenshot({ path: path.join(SCREENSHOT_DIR, '13-posts-paged.png') });
    },
    STEP_TIMEOUT,
  );

  test(
    'hostile HTML in posts is shown as text and never runs',
    async () => {
      await pickFromSearch('#search-input', 'Meta', 'meta');
      const hostile = page.locator('#details .post-title', { hasText: '<script>alert(1)</script>' });
      await hostile.waitFor();
      await hostile.click();
      const text = page.locator('#post-dialog .post-text');
      await text.waitFor();
      await expect(text.textContent()).resolves.toContain('<img src=x onerror=alert(2)>');
      await expect(page.locator('#post-dialog h2').textContent()).resolves.toContain(
        '<script>alert(1)</script>',
      );
      await shot('12-xss-post-inert');
      await page.waitForTimeout(500); // give any injected handler the chance to fire
      const injected = await page.evaluate(() => ({
        scripts: document.querySelectorAll('body script').length,
        images: document.querySelectorAll('img').length,
        iframes: document.querySelectorAll('iframe').length,
        badLinks: [...document.querySelectorAll('a[href]')].filter(
          (a) => !/^(https?:|blob:|#)/i.test(a.getAttribute('href') ?? ''),
        ).length,
      }));
      expect(injected).toEqual({ scripts: 0, images: 0, iframes: 0, badLinks: 0 });
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
