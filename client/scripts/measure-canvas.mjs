/* global window, performance, requestAnimationFrame, URL, setTimeout */
// Measures how the canvas copes with N elements (default 1000,2500,5000,8000), in Debian Chromium
// (software rendering) against the built client served by `vite preview` (no API needed):
//   npm run build:client && node client/scripts/measure-canvas.mjs [sizes...]
// For each size: time to add the elements (one cy.batch), time of the layout the app uses at that
// size, and frames per second while panning/zooming continuously for 3 s.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length ? sizes : [1000, 2500, 5000, 8000];
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const port = 4000 + Math.floor(Math.random() * 1000);
const preview = spawn(
  'npx',
  ['vite', 'preview', '--config', 'client/vite.config.ts', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: 'ignore' },
);
const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-canvas-'));
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-sync',
  ],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.evaluate(() => window.explorer.ready);
  console.log('elements  add_ms  layout_ms  pan_fps  (nodes = elements / 3, edges = the rest)');
  for (const total of SIZES) {
    const result = await page.evaluate(async (total) => {
      const { canvas, cy } = window.explorer;
      canvas.clear();
      const types = [
        'Organization',
        'Person',
        'Model',
        'Library',
        'Dataset',
        'Repository',
        'Event',
        'Product',
      ];
      const nodeCount = Math.floor(total / 3);
      const elements = [];
      for (let i = 0; i < nodeCount; i++)
        elements.push({
          group: 'nodes',
          data: { id: `n${i}`, label: `Entity ${i}`, type: types[i % 8], degree: 0 },
        });
      // Preferential attachment-ish: low ids get many edges, like real hubs (Meta, OpenAI...).
      for (let j = 0; j < total - nodeCount; j++) {
        const s = Math.floor(Math.random() * nodeCount);
        const t = Math.floor(Math.random() ** 2 * nodeCount);
        if (s !== t)
          elements.push({
            group: 'edges',
            data: {
              id: `e${j}`,
              source: `n${s}`,
              target: `n${t}`,
              type: 'USES',
              count: 1,
              posts: [],
              evidence: [],
            },
          });
      }
      let t0 = performance.now();
      canvas.add(elements);
      const addMs = performance.now() - t0;
      t0 = performance.now();
      await new Promise((resolve) => {
        cy.one('layoutstop', resolve);
        canvas.runLayout('fcose', { randomize: true });
      });
      const layoutMs = performance.now() - t0;
      return { elements: cy.elements().length, addMs, layoutMs };
    }, total);
    // Real mouse drags and wheel turns: Cytoscape only switches to its cheap viewport rendering
    // (texture, hidden edges) for user gestures, not for programmatic panBy/zoom.
    const box = await page.locator('#cy').boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.evaluate(() => {
      window.__frames = 0;
      window.__counting = true;
      const tick = () => {
        window.__frames += 1;
        if (window.__counting) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const started = Date.now();
    for (let round = 0; round < 3; round++) {
      await page.mouse.move(cx - 150, cy - 100);
      await page.mouse.down();
      await page.mouse.move(cx + 150, cy + 100, { steps: 40 });
      await page.mouse.up();
      for (let w = 0; w < 10; w++) await page.mouse.wheel(0, round % 2 ? 60 : -60);
    }
    const seconds = (Date.now() - started) / 1000;
    result.fps = (await page.evaluate(() => ((window.__counting = false), window.__frames))) / seconds;
    console.log(
      `${String(result.elements).padStart(8)}  ${result.addMs.toFixed(0).padStart(6)}  ${result.layoutMs.toFixed(0).padStart(9)}  ${result.fps.toFixed(1).padStart(7)}`,
    );
  }
} finally {
  await context.close();
  preview.kill();
}
