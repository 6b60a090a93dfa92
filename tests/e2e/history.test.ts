/**
 * Deep links and history, in a real Chromium against the real server and Neo4j (demo channel): a
 * link restores where the nodes were and the zoom; a key no longer in the graph is skipped with a
 * notice instead of failing the link; each change of the view is a history entry, so Back and
 * Forward walk the exploration. Screenshots land in tests/e2e/screenshots/ (git-ignored).
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
  // Every notice the page shows, kept: they fade, and a check must not race their timer.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { notices: string[] }).notices = seen;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof HTMLElement && node.classList.contains('notice'))
            seen.push(node.textContent ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
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

async function pickFromSearch(p: Page, text: string, key: string): Promise<void> {
  await p.fill('#search-input', text);
  const option = p.locator(`#search-input-list [role="option"][data-key="${key}"]`);
  await option.waitFor();
  await option.dispatchEvent('mousedown');
  await p.waitForFunction(
    (k) =>
      window
        .explorer!.cy.nodes(':selected')
        .map((n) => n.id())
        .join() === k,
    key,
  );
}

/** Entity keys on the canvas, sorted. */
function canvasKeys(p: Page): Promise<string[]> {
  return p.evaluate(() => window.explorer!.canvas.entityKeys().sort());
}

/** Waits until the address bar holds positions for what is on the canvas, then returns it. */
async function settledUrl(p: Page): Promise<string> {
  await p.waitForFunction(() => {
    const params = new URLSearchParams(window.location.search);
    const keys = window.explorer!.canvas.entityKeys();
    const pos = (params.get('pos') ?? '').split('_');
    if (params.getAll('n').length !== keys.length || pos.length !== keys.length) return false;
    // Positions in the URL are where the nodes are now (the layout has finished).
    return params.getAll('n').every((key, i) => {
      const p = window.explorer!.cy.getElementById(key).position();
      return pos[i] === `${Math.round(p.x)}.${Math.round(p.y)}`;
    });
  });
  return p.url();
}

function picture(
  p: Page,
): Promise<{ positions: Record<string, [number, number]>; zoom: number; pan: [number, number] }> {
  return p.evaluate(() => {
    const cy = window.explorer!.cy;
    const positions: Record<string, [number, number]> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = [Math.round(n.position('x')), Math.round(n.position('y'))];
    });
    return { positions, zoom: cy.zoom(), pan: [Math.round(cy.pan().x), Math.round(cy.pan().y)] };
  });
}

describe('deep links and history', () => {
  let link = '';

  test(
    'a link restores where the nodes were and the zoom',
    async () => {
      await pickFromSearch(page, 'OpenAI', 'openai');
      await settledUrl(page);
      // Move one node and zoom out, as a user would before sharing the view.
      await page.evaluate(() => {
        const cy = window.explorer!.cy;
        cy.getElementById('openai').position({ x: 400, y: -250 }).emit('dragfree');
        cy.zoom({ level: cy.zoom() * 0.8, renderedPosition: { x: 100, y: 100 } });
      });
      link = await settledUrl(page);
      const before = await picture(page);
      expect(before.positions.openai).toEqual([400, -250]);

      const other = await browser.context.newPage();
      await other.goto(link);
      await other.evaluate(() => window.explorer!.ready);
      await expect(canvasKeys(other)).resolves.toEqual(await canvasKeys(page));
      const after = await picture(other);
      const moved = Object.keys(before.positions).filter(
        (key) => String(after.positions[key]) !== String(before.positions[key]),
      );
      expect(moved.map((key) => [key, before.positions[key], after.positions[key]])).toEqual([]);
      expect(after.zoom).toBeCloseTo(before.zoom, 2);
      expect(after.pan).toEqual(before.pan);
      await other.screenshot({ path: path.join(SCREENSHOT_DIR, 'h1-link-restored.png') });
      await other.close();
    },
    STEP_TIMEOUT,
  );

  test(
    'a key no longer in the graph is skipped with a notice; the rest of the link is shown',
    async () => {
      const url = new URL(link);
      url.searchParams.append('n', 'no-such-entity');
      const other = await browser.context.newPage();
      await other.goto(url.toString());
      await other.evaluate(() => window.explorer!.ready);
      await expect(canvasKeys(other)).resolves.toEqual(await canvasKeys(page));
      const notices = await other.evaluate(() => (window as unknown as { notices: string[] }).notices);
      expect(notices).toEqual(
        expect.arrayContaining([
          expect.stringContaining('“no-such-entity” from the link is no longer in the graph'),
        ]),
      );
      await other.screenshot({ path: path.join(SCREENSHOT_DIR, 'h2-link-skipped-key.png') });
      await other.close();
    },
    STEP_TIMEOUT,
  );

  test(
    'Back and Forward walk the exploration',
    async () => {
      const afterOpenAI = await canvasKeys(page);
      await pickFromSearch(page, 'Meta', 'meta');
      await page.waitForFunction((n) => window.explorer!.canvas.entityKeys().length > n, afterOpenAI.length);
      const afterMeta = await canvasKeys(page);
      await settledUrl(page);

      await page.goBack();
      await page.waitForFunction(
        (keys) => window.explorer!.canvas.entityKeys().sort().join('\n') === keys.join('\n'),
        afterOpenAI,
      );
      await page.goBack();
      await page.waitForFunction(() => window.explorer!.canvas.entityKeys().length === 0);
      await page.locator('#empty-state').waitFor();
      expect(new URL(page.url()).search).toBe('');

      await page.goForward();
      await page.waitForFunction(
        (keys) => window.explorer!.canvas.entityKeys().sort().join('\n') === keys.join('\n'),
        afterOpenAI,
      );
      await page.goForward();
      await page.waitForFunction(
        (keys) => window.explorer!.canvas.entityKeys().sort().join('\n') === keys.join('\n'),
        afterMeta,
      );
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'h3-history-forward.png') });
    },
    STEP_TIMEOUT,
  );
});
