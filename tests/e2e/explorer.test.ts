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
import { ingestFiles } from '../../ingest/pipeline';
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

function selectedIds(): Promise<string[]> {
  return page.evaluate(() =>
    window
      .explorer!.cy.nodes(':selected')
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
    'Enter acts on the results of what is typed now, not on the list of an earlier query',
    async () => {
      await page.fill('#search-input', 'Open');
      await page.locator('#search-input-list [role="option"][data-key="openai"]').waitFor();
      // The answer for "Meta" is held back until after Enter: the list still shows "Open"'s hits.
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      const isMeta = (url: URL) => url.pathname === '/api/search' && url.searchParams.get('q') === 'Meta';
      await page.route(isMeta, async (route) => {
        await released;
        await route.continue().catch(() => undefined); // (an aborted request cannot continue)
      });
      await page.fill('#search-input', 'Meta');
      await page.press('#search-input', 'Enter');
      release();
      await page
        .locator('#details-title')
        .filter({ hasText: /^Meta$/ })
        .waitFor();
      await expect(selectedIds()).resolves.toEqual(['meta']);
      await page.unroute(isMeta);

      // Enter takes the hit the text names exactly, not the top one: "Llama" is LLaMA, not Llama 2.
      await page.fill('#search-input', 'Llama');
      await page.locator('#search-input-list [role="option"][data-key="llama 2"]').waitFor();
      await expect(
        page.locator('#search-input-list [role="option"][aria-selected="true"]').getAttribute('data-key'),
      ).resolves.toBe('llama');
      await page.press('#search-input', 'Enter');
      await page
        .locator('#details-title')
        .filter({ hasText: /^LLaMA$/ })
        .waitFor();
      await page.click('#toolbar button:text-is("Clear")');
      await page.locator('#empty-state').waitFor();
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
    'export defaults to what the canvas shows (filters applied), not the selection, and names the file after it',
    async () => {
      // The search pick selected Meta; the canvas is Meta's neighbourhood.
      await expect(selectedIds()).resolves.toEqual(['meta']);
      const all = await page.evaluate(() => window.explorer!.canvas.entityKeys().sort());
      const exportGraphml = async (): Promise<{ name: string; ids: string[] }> => {
        if (await page.locator('#export-menu').isHidden()) await page.click('#export-button');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('.menu-item[data-format="graphml"]'),
        ]);
        const xml = fs.readFileSync(await download.path(), 'utf8');
        const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
        const ids = [parsed.graphml.graph.node]
          .flat()
          .map((n: Record<string, string>) => n['@_id'])
          .sort();
        return { name: download.suggestedFilename(), ids };
      };
      await page.click('#export-button');
      await expect(page.locator('#export-scope-canvas').isChecked()).resolves.toBe(true);
      await expect(page.locator('#export-scope-selection').isChecked()).resolves.toBe(false);
      await expect(page.locator('#export-menu').textContent()).resolves.toContain(
        `What is shown (${all.length} entities)`,
      );
      await shot('03b-export-menu');
      await expect(exportGraphml()).resolves.toEqual({ name: 'neighbourhood-meta.graphml', ids: all });

      // A type hidden by the filters is left out of the export.
      const hiddenType = await page.evaluate(() =>
        String(
          window
            .explorer!.cy.nodes('[id != "meta"]')
            .min((n) => n.degree(false))
            .ele.data('type'),
        ),
      );
      await page.click('#tab-filters');
      await page.click(`#filter-type-${hiddenType}`);
      await expectAllHidden(hiddenType);
      const shown = await page.evaluate(
        (type) =>
          window
            .explorer!.cy.nodes(`[type != "${type}"]`)
            .map((n) => n.id())
            .sort(),
        hiddenType,
      );
      expect(shown.length).toBeLessThan(all.length);
      await expect(exportGraphml()).resolves.toEqual({ name: 'neighbourhood-meta.graphml', ids: shown });

      // The selection only when asked for, and the file says so.
      await page.click('#export-button');
      await page.check('#export-scope-selection');
      await expect(exportGraphml()).resolves.toEqual({ name: 'selection-1-entity.graphml', ids: ['meta'] });
      await page.click(`#filter-type-${hiddenType}`);
      await page.waitForFunction(() => window.explorer!.cy.nodes('.hidden').empty());
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
    'the post viewer highlights the evidence sentence and links the post to t.me when its channel has a username',
    async () => {
      // The demo export does not reveal its @username; the channel learns one (as following it would).
      const first = page.locator('#details .post-item').first();
      const title = await first.locator('.post-title').textContent();
      const sentence = (await first.locator('.evidence').first().textContent())!.trim();
      const session = driver.session();
      let messageId: string;
      try {
        const result = await session.run(
          `MATCH (p:Post {title: $title}) MATCH (c:Channel {key: p.channel})
           SET c.username = 'ml_digest' RETURN toString(p.messageId) AS id`,
          { title },
        );
        messageId = result.records[0].get('id') as string;
      } finally {
        await session.close();
      }
      expect(messageId).toMatch(/^\d+$/);
      await first.locator('.post-title').click();
      const highlighted = page.locator('#post-dialog .post-text .evidence-sentence');
      await highlighted.waitFor();
      await expect(highlighted.count()).resolves.toBe(1);
      await expect(highlighted.textContent()).resolves.toBe(sentence);
      // Mentions inside the sentence stay marked; the whole text is still there.
      await expect(highlighted.locator('mark').allTextContents()).resolves.toEqual(
        expect.arrayContaining([expect.stringMatching(/^Meta/), 'SAM']),
      );
      await expect(page.locator('#post-dialog .post-text').textContent()).resolves.toContain(sentence);
      await expect(page.locator('#post-dialog a.permalink').getAttribute('href')).resolves.toBe(
        `https://t.me/ml_digest/${messageId}`,
      );
      await shot('05a-post-evidence');
      await page.click('#post-dialog .dialog-close');
    },
    STEP_TIMEOUT,
  );

  test(
    'a click selects one node, Shift/Ctrl-click and box selection add, Delete removes only the selected',
    async () => {
      await page.evaluate(() => {
        window.explorer!.cy.fit(undefined, 60);
      });
      await settle();
      const click = async (id: string, modifier?: 'Shift' | 'Control') => {
        const point = await screenPoint(id, 'node');
        if (modifier) await page.keyboard.down(modifier);
        await page.mouse.click(point.x, point.y);
        if (modifier) await page.keyboard.up(modifier);
      };
      // Two plain clicks: the second replaces the first.
      await click('llama');
      await click('sam');
      await expect(selectedIds()).resolves.toEqual(['sam']);
      // Two quick clicks on two nodes are no double click: SAM is not expanded.
      await page.waitForTimeout(500);
      await expect(page.locator('#notices .notice', { hasText: 'No new neighbours' }).count()).resolves.toBe(
        0,
      );
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => window.explorer!.cy.getElementById('sam').empty());
      expect(await canvasIds()).toEqual(expect.arrayContaining(['meta', 'llama']));

      // Shift-click and Ctrl-click add to the selection; Delete removes those and nothing else.
      const others = (await canvasIds()).filter((id) => !['meta', 'llama'].includes(id));
      expect(others.length).toBeGreaterThanOrEqual(2);
      const [first, second] = others;
      await click('llama');
      await click(first, 'Shift');
      await click(second, 'Control');
      await expect(selectedIds()).resolves.toEqual([first, second, 'llama'].sort());
      await shot('05b-selection');
      const before = await canvasIds();
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => window.explorer!.cy.getElementById('llama').empty());
      expect(await canvasIds()).toEqual(before.filter((id) => ![first, second, 'llama'].includes(id)));

      // Shift-drag around the whole graph adds every node to the one selected by a click.
      await click('meta');
      await expect(selectedIds()).resolves.toEqual(['meta']);
      const box = (await page.locator('#cy').boundingBox())!;
      const graph = await page.evaluate(() => window.explorer!.cy.nodes().renderedBoundingBox());
      await page.keyboard.down('Shift');
      await page.mouse.move(box.x + Math.max(2, graph.x1 - 20), box.y + Math.max(2, graph.y1 - 20));
      await page.mouse.down();
      await page.mouse.move(
        box.x + Math.min(box.width - 2, graph.x2 + 20),
        box.y + Math.min(box.height - 2, graph.y2 + 20),
        { steps: 8 },
      );
      await page.mouse.up();
      await page.keyboard.up('Shift');
      await expect(selectedIds()).resolves.toEqual(await canvasIds());
      // A click on the background (inside the fit padding, clear of the legend) clears the selection.
      await page.mouse.click(box.x + box.width - 10, box.y + box.height / 2);
      await expect(selectedIds()).resolves.toEqual([]);
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

      // Paths are numbered, each in its own colour on the canvas and beside its number, none amber
      // like the selection.
      // (How many paths come back depends on the server's time budget for longer alternatives
      // (server/services/paths.ts), so under load there may be only the shortest one.)
      const count = await page.locator('.path').count();
      expect(count).toBeGreaterThanOrEqual(1);
      await expect(page.locator('.path .path-number').allTextContents()).resolves.toEqual(
        Array.from({ length: count }, (_, i) => `Path ${i + 1}`),
      );
      const colours = await page.evaluate((shown) => {
        const rgb = (text: string) => text.replace(/\s+/g, '');
        const cy = window.explorer!.cy;
        return Array.from({ length: Math.min(shown, 3) }, (_, i) => ({
          edges: [...new Set(cy.edges(`.path-${i}`).map((e) => rgb(String(e.style('line-color')))))],
          rings: [...new Set(cy.nodes(`.path-${i}`).map((n) => rgb(String(n.style('outline-color')))))],
          swatch: rgb(getComputedStyle(document.querySelectorAll('.path .path-swatch')[i]).backgroundColor),
        }));
      }, count);
      // Path 1 holds the shortest route; the others may share its elements (which keep path 1's colour).
      expect(colours[0].edges).toEqual([colours[0].swatch]);
      expect(colours[0].rings).toEqual([colours[0].swatch]);
      for (const { edges, rings, swatch } of colours) {
        for (const colour of [...edges, ...rings]) expect(colour).toBe(swatch);
        expect(swatch).not.toBe('rgb(245,158,11)'); // the selection's amber
      }
      expect(new Set(colours.map((c) => c.swatch)).size).toBe(colours.length);
      // "Show alone" highlights only that path (the last one); pressed again, all are back.
      const last = count - 1;
      const lastAlone = page.locator('.path').nth(last).locator('.path-alone');
      await lastAlone.click();
      await expect(lastAlone.getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(lastAlone.textContent()).resolves.toBe('Show all paths');
      const alone = await page.evaluate(
        (i) => ({
          others: window.explorer!.cy.elements('.on-path').not(`.path-${i}`).length,
          shown: window.explorer!.cy.elements(`.path-${i}`).length,
          faded: window.explorer!.cy.elements('.faded').length,
        }),
        last,
      );
      expect(alone.others).toBe(0);
      expect(alone.shown).toBeGreaterThan(0);
      expect(alone.faded).toBeGreaterThan(0);
      await shot('06c-path-alone');
      await lastAlone.click();
      await expect(lastAlone.getAttribute('aria-pressed')).resolves.toBe('false');
      await expect(
        page.evaluate(() => window.explorer!.cy.elements('.path-0').length),
      ).resolves.toBeGreaterThan(0);
    },
    STEP_TIMEOUT,
  );

  test(
    'entity fields resolve what was typed (exact name or alias, any case, else the top hit) before asking the API',
    async () => {
      await page.click('#tab-paths');
      // Typed, not picked from the list: "Сбер" is an exact name, "openai" the key in another case.
      await page.fill('#path-from', 'Сбер');
      await page.fill('#path-to', 'openai');
      // Leaving the field closes its suggestions, which would cover the button.
      await page.focus('#path-max');
      await page.click('text=Find connections');
      await page.locator('.path .hop').first().waitFor();
      await expect(page.locator('.path-results .error-text').count()).resolves.toBe(0);
      await expect(page.locator('.path').first().locator('.hop-line').first().textContent()).resolves.toMatch(
        /Сбер/,
      );
      await expect(page.inputValue('#path-to')).resolves.toBe('OpenAI');
      // Those two are only mentioned together: the hop says so.
      await expect(
        page.locator('.path').first().locator('.co-mention-note').first().textContent(),
      ).resolves.toMatch(/No relationship between these two is stated/);
      await page.waitForURL(/pf=%D1%81%D0%B1%D0%B5%D1%80|pf=сбер/);
      await shot('06b-path-typed');
      // A name nobody has says so in words, not with the API's "no entity with key".
      await page.fill('#path-from', 'Nonexistentium');
      await page.focus('#path-max');
      await page.click('text=Find connections');
      const error = page.locator('.path-results .error-text');
      await error.waitFor();
      await expect(error.textContent()).resolves.toBe('No entity is called “Nonexistentium”.');
      // A saved query's entity parameter takes the top hit of a partial name.
      await page.click('#tab-queries');
      await page.locator('.query-item[data-query="co-mentioned-with"]').click();
      await page.fill('#qp-co-mentioned-with-entity', 'OpenA');
      await page.fill('#qp-co-mentioned-with-limit', '5');
      await page.click('.query-form button[type="submit"]');
      await page.locator('.query-status', { hasText: /\d+ rows\./ }).waitFor();
      await page.waitForURL(/qp.entity=OpenA&/);
    },
    STEP_TIMEOUT,
  );

  test(
    'the SVG export draws every shape and label of the PNG (rasterised, same nodes of each type by colour)',
    async () => {
      // An Event (round triangle) and a Product (round pentagon) on the canvas, nothing faded.
      await pickFromSearch('#search-input', 'OpenReview', 'openreview');
      await pickFromSearch('#search-input', 'ChatGPT', 'chatgpt');
      await page.waitForFunction(() => window.explorer!.cy.getElementById('chatgpt').nonempty());
      await settle();
      await page.focus('#cy');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => window.explorer!.cy.elements('.faded').empty());
      const colours = await page.evaluate(() => {
        const byType: Record<string, string> = {};
        window
          .explorer!.cy.nodes(':visible')
          .forEach((n) => void (byType[String(n.data('type'))] = String(n.style('background-color'))));
        return byType;
      });
      expect(Object.keys(colours)).toEqual(expect.arrayContaining(['Event', 'Product']));
      const consoleErrors: string[] = [];
      const onConsole = (message: { type(): string; text(): string }) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      };
      page.on('console', onConsole);
      const exportImage = async (format: 'png' | 'svg') => {
        await page.click('#export-button');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`.menu-item[data-format="${format}"]`),
        ]);
        return fs.readFileSync(await download.path());
      };
      const png = await exportImage('png');
      const svg = await exportImage('svg');
      page.off('console', onConsole);
      expect(consoleErrors.filter((m) => /path command/.test(m))).toEqual([]);
      fs.writeFileSync(path.join(SCREENSHOT_DIR, '14-export.svg'), svg);
      fs.writeFileSync(path.join(SCREENSHOT_DIR, '14-export.png'), png);

      // Both rasterised at the PNG's size; for each type, the blobs of its colour are counted.
      const counts = await page.evaluate(
        async ({ pngData, svgText, typeColours }) => {
          const load = (src: string) =>
            new Promise<HTMLImageElement>((resolve, reject) => {
              const img = new Image();
              img.onload = () => resolve(img);
              img.onerror = () => reject(new Error(`cannot load ${src.slice(0, 30)}`));
              img.src = src;
            });
          const pngImage = await load(`data:image/png;base64,${pngData}`);
          const svgImage = await load(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`);
          const width = pngImage.naturalWidth;
          const height = pngImage.naturalHeight;
          const pixels = (img: HTMLImageElement) => {
            const canvas = document.createElement('canvas');
            canvas.width = width;
            canvas.height = height;
            const ctx = canvas.getContext('2d')!;
            ctx.fillStyle = '#fff';
            ctx.fillRect(0, 0, width, height);
            ctx.drawImage(img, 0, 0, width, height);
            return ctx.getImageData(0, 0, width, height).data;
          };
          const rgb = (css: string) => {
            const probe = document.createElement('canvas').getContext('2d')!;
            probe.fillStyle = css;
            const hex = probe.fillStyle as string;
            return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
          };
          // Blobs of at least MIN_AREA pixels within a small distance of the colour (4-connected).
          const MIN_AREA = 150;
          const blobs = (data: Uint8ClampedArray, [r, g, b]: number[]) => {
            const near = new Uint8Array(width * height);
            for (let i = 0; i < width * height; i++) {
              const d =
                Math.abs(data[4 * i] - r) + Math.abs(data[4 * i + 1] - g) + Math.abs(data[4 * i + 2] - b);
              near[i] = d < 45 ? 1 : 0;
            }
            let count = 0;
            const stack: number[] = [];
            for (let start = 0; start < near.length; start++) {
              if (near[start] !== 1) continue;
              let area = 0;
              near[start] = 2;
              stack.push(start);
              while (stack.length) {
                const i = stack.pop()!;
                area++;
                const x = i % width;
                for (const j of [i - width, i + width, x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1]) {
                  if (j >= 0 && j < near.length && near[j] === 1) {
                    near[j] = 2;
                    stack.push(j);
                  }
                }
              }
              if (area >= MIN_AREA) count++;
            }
            return count;
          };
          const pngPixels = pixels(pngImage);
          const svgPixels = pixels(svgImage);
          const out: Record<string, { png: number; svg: number }> = {};
          for (const [type, css] of Object.entries(typeColours)) {
            out[type] = { png: blobs(pngPixels, rgb(css)), svg: blobs(svgPixels, rgb(css)) };
          }
          return out;
        },
        { pngData: png.toString('base64'), svgText: svg.toString('utf8'), typeColours: colours },
      );
      fs.writeFileSync(path.join(SCREENSHOT_DIR, '14-export-counts.json'), JSON.stringify(counts, null, 1));
      expect(counts.Event.png).toBeGreaterThan(0);
      expect(counts.Product.png).toBeGreaterThan(0);
      for (const [type, { png: inPng, svg: inSvg }] of Object.entries(counts)) {
        expect({ type, count: inSvg }).toEqual({ type, count: inPng });
      }
      // Every label of the PNG is text in the SVG.
      const labels = await page.evaluate(() =>
        window.explorer!.cy.nodes(':visible').map((n) => String(n.data('label'))),
      );
      const texts = [...svg.toString('utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
        m[1]
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"'),
      );
      const shownTexts = texts.map((t) => t.replace(/…$/, '').trim()).filter((t) => t.length > 0);
      for (const label of labels) {
        expect({ label, inSvg: shownTexts.some((t) => label.startsWith(t)) }).toEqual({ label, inSvg: true });
      }
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
      // (The step before ran the same query for "OpenA": wait for this run's URL.)
      await page.waitForURL(/q=co-mentioned-with.*qp.entity=OpenAI\b/);
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
      // The saved query drew OpenAI's co-mentions as a star around it (every entity linked to
      // OpenAI): the canvas is OpenAI's neighbourhood, and the file says so.
      expect(download.suggestedFilename()).toBe('neighbourhood-openai.graphml');
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
