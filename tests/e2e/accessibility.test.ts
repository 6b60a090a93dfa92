/**
 * Accessibility of each main view: axe-core (the engine of most accessibility checkers), run in
 * Chromium on the overview, a post, an entity with its details, every sidebar tab, path and query
 * results and the dialogs, fails on any serious or critical violation. Plus what axe does not measure: one h1, focus rings with at
 * least 3:1 contrast against what is around them, and a skip link that reaches the canvas first.
 * Real server, Neo4j and Chromium on the demo channel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ingestFiles } from '../../ingest/pipeline';
import { REPO_ROOT, SCREENSHOT_DIR } from './support/browser';
import { contrastRatio } from './support/contrast';
import { WAIT_MS, openExplorer, type ExplorerPage } from './support/explorer-page';

/** axe-core's browser build, evaluated in the page (through the DevTools protocol, so the CSP allows it). */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let explorer: ExplorerPage;

beforeAll(async () => {
  explorer = await openExplorer({
    load: (driver) => ingestFiles(driver, [path.join(REPO_ROOT, 'ingest/demo/ml-digest.result.json')]),
  });
  await explorer.page.evaluate(AXE_SOURCE);
}, 300_000);

afterAll(async () => {
  await explorer?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Serious and critical axe violations on the page as it is now, one line each (rule, count, first node). */
async function seriousViolations(): Promise<string[]> {
  const violations = await explorer.page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as Violation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.help} (${v.nodes[0]?.target.join(' ')})`);
}

/** Types into an entity field and picks the suggestion with that key. */
async function pick(input: string, text: string, key: string): Promise<void> {
  await explorer.page.fill(input, text);
  const option = explorer.page.locator(`${input}-list [role="option"][data-key="${key}"]`);
  await option.waitFor();
  await option.dispatchEvent('mousedown');
}

async function shot(name: string): Promise<void> {
  await explorer.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

test(
  'no serious or critical axe violation on the overview, a post, an entity, each tab, path and query results, and each dialog',
  async () => {
    const { page } = explorer;
    const found: Record<string, string[]> = {};
    await page.locator('#overview, .overview').first().waitFor();
    found.overview = await seriousViolations();
    await page.locator('.overview-post-title').first().click();
    await page.locator('#post-dialog[open] .dialog-body').waitFor();
    found['post viewer'] = await seriousViolations();
    await page.locator('#post-dialog .dialog-close').click();
    await page.locator('#post-dialog[open]').waitFor({ state: 'detached' });

    await pick('#search-input', 'OpenAI', 'openai');
    await page.waitForFunction(() => window.explorer!.canvas.entityKeys().includes('openai'));
    await page.locator('#details h2').first().waitFor();
    found.entity = await seriousViolations();

    for (const tab of ['filters', 'paths', 'queries', 'cypher', 'channels']) {
      await page.click(`#tab-${tab}`);
      await page.locator(`#panel-${tab}:not([hidden])`).waitFor();
      await page.locator(`#panel-${tab} > *`).first().waitFor();
      found[`tab ${tab}`] = await seriousViolations();
    }
    await shot('60-a11y-channels-tab');

    // Results: the paths between two entities, and a saved query's table.
    await page.click('#tab-paths');
    await pick('#path-from', 'Whisper', 'whisper');
    await pick('#path-to', 'GPT-4', 'gpt-4');
    await page.click('text=Find connections');
    await page.locator('.path .hop').first().waitFor();
    found['path results'] = await seriousViolations();
    await page.click('#tab-queries');
    await page.locator('.query-item[data-query="co-mentioned-with"]').click();
    await page.fill('#qp-co-mentioned-with-entity', 'OpenAI');
    await page.click('.query-form button[type="submit"]');
    await page.locator('.query-status', { hasText: /\d+ rows\./ }).waitFor();
    found['query results'] = await seriousViolations();

    const open = {
      '#follow-dialog': () => page.click('#follow-button'),
      '#settings-dialog': () => page.click('#settings-button'),
      // The import dialog opens with a chosen file and shows its summary.
      '#import-dialog': () =>
        page.setInputFiles(
          '#import-file',
          path.join(REPO_ROOT, 'tests/fixtures/graph/upload-small.result.json'),
        ),
    };
    for (const [dialog, opener] of Object.entries(open)) {
      await opener();
      await page.locator(`${dialog}[open]`).waitFor();
      if (dialog === '#import-dialog') await page.locator('#import-summary').waitFor();
      found[dialog] = await seriousViolations();
      await page.keyboard.press('Escape');
      await page.locator(`${dialog}[open]`).waitFor({ state: 'detached' });
    }

    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  },
  6 * WAIT_MS,
);

test('the page has one h1, and a skip link first in the tab order that moves the focus to the canvas', async () => {
  const { page } = explorer;
  await page.reload();
  await page.evaluate(() => window.explorer!.ready);
  await expect(page.locator('h1').allInnerTexts()).resolves.toEqual(['ML Channel Graph']);

  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
    'Skip to graph canvas',
  );
  // Visible while focused (it hides off-screen otherwise).
  const box = await page.locator(':focus').boundingBox();
  expect(box && box.x >= 0 && box.y >= 0).toBe(true);
  await shot('61-a11y-skip-link');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('cy');
});

test('every focus ring in the tab order has at least 3:1 contrast against the background around it', async () => {
  const { page } = explorer;
  await page.reload();
  await page.evaluate(() => window.explorer!.ready);
  // The walk starts at the Queries tab (its list is in the order), goes to the end of the page and
  // around to the top (skip links, top bar, search, tabs) until it is back.
  await page.click('#tab-queries');
  await page.locator('.query-item').first().waitFor();

  const rings: { key: string; element: string; color: string; width: string; background: string }[] = [];
  const seen = new Set<string>();
  let leftPage = false;
  // Walk the tab order with the keyboard (that is what makes :focus-visible apply), up to 400 stops.
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      let background = 'rgba(0, 0, 0, 0)';
      // The outline is drawn around the element: what it must stand out from is the nearest
      // opaque background of the ancestors.
      for (let p = el.parentElement; p; p = p.parentElement) {
        const bg = getComputedStyle(p).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') {
          background = bg;
          break;
        }
      }
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
      const key = `${name}@${Math.round(el.getBoundingClientRect().x)},${Math.round(el.getBoundingClientRect().y)}`;
      return {
        key,
        element: name,
        color: style.outlineStyle === 'none' ? 'none' : style.outlineColor,
        width: style.outlineWidth,
        background: background === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : background,
      };
    });
    if (!ring) {
      // Past the last element the focus leaves the page once; twice in a row means nothing is focusable.
      if (leftPage) break;
      leftPage = true;
      continue;
    }
    leftPage = false;
    if (ring.key === rings[0]?.key) break; // back at the start: the whole order was walked
    // A date field takes several Tab presses (day, month, year) on one element.
    if (seen.has(ring.key)) continue;
    seen.add(ring.key);
    rings.push(ring);
    if (ring.element === 'input#search-input.picker-input') await shot('62-a11y-focus-ring-search');
  }
  // The walk saw the top bar, the search, the filters and the canvas.
  const elements = rings.map((r) => r.element);
  for (const expected of ['button#import-button.button', 'input#search-input.picker-input', 'div#cy.'])
    expect(elements).toContain(expected);

  const weak = rings
    .filter((r) => r.color === 'none' || parseFloat(r.width) < 2 || contrastRatio(r.color, r.background) < 3)
    .map((r) => `${r.element}: ${r.color} ${r.width} on ${r.background}`);
  expect(weak).toEqual([]);
});
