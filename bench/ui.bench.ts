/**
 * UI rendering in headless Chromium: time from data to the first complete render for 1k and 5k
 * elements, and frame times while panning with the mouse, for the app's canvas (client/src/canvas/
 * graph.ts GraphCanvas: its stylesheet, renderer settings and layouts, including the layout worker)
 * against Cytoscape with default options and a default fcose layout (the baseline), in the same run.
 * Goal: ≤ 2 s for 5k elements with the app's canvas, and not slower than the baseline at 1k.
 *
 * What is timed (bench/ui/page.ts), per fresh page, for both canvases alike: the clock starts just
 * before the canvas is created and the elements handed over (as client/src/main.ts does for a result
 * that replaces the canvas: add, then the default layout, randomized); it stops once the layout the
 * user sees has been applied ('layoutstop'), Cytoscape has drawn a frame after that (its 'render'
 * event; it draws every element of the viewport in one frame) and the browser has painted it. Layout,
 * style computation, label measuring and the first paint are all inside. The page is built like the
 * client (vite, ES modules, the worker as its own chunk) and served over HTTP; the app's layout worker
 * starts when its module loads (page load, as in the app), so a worker still starting when the data
 * arrives is counted. Each run also logs the canvas's performance marks (canvas:*), e.g. when styles
 * were ready and when the worker answered, to show where the time goes, and the CPU time the page's
 * renderer processes used for the render (bench/ui/renderer-cpu.ts), which depends far less on the
 * shared machine's load than the wall time does.
 *
 * Until 2026-11-27 the clock stopped two animation frames after 'layoutstop' and the page was one
 * IIFE script injected into about:blank (no workers possible); the render event is the stricter end.
 *
 *   npx tsx bench/ui.bench.ts [--sizes 1000,5000] [--repeats 2] [--quick] [--screenshots DIR]
 *
 * --screenshots DIR saves each size's first render in each mode as DIR/<size>-<mode>.png.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../tests/e2e/support/browser';
import { readBenchArgs } from './lib/args';
import { describeMachine } from './lib/machine';
import { percentile } from './lib/load';
import { newResult, round, writeResult, type Figure } from './lib/results';
import { rendererCpuMs } from './ui/renderer-cpu';
import { syntheticGraph } from './ui/synthetic-graph';

const SCRIPT = 'bench/ui';
const GOAL_5K_MS = 2000;
const VIEWPORT = { width: 1280, height: 800 };

type Mode = 'app' | 'default';
interface Run {
  renderMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
  frameMeanMs: number;
  frameP95Ms: number;
  frameMaxMs: number;
  frames: number;
  /** CPU time the page's renderer processes used between handing over the data and the render. */
  renderCpuMs: number | null;
  /** The app canvas's phases (performance marks, ms from the start), for seeing where time goes. */
  marks: Record<string, number>;
}

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

/**
 * Builds bench/ui/index.html (page.ts with the app's canvas module and Cytoscape) the way the client
 * is built: ES modules, and the canvas's layout worker as a chunk of its own.
 */
async function buildPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(__dirname, 'ui'),
    base: './',
    resolve: { alias: { 'app-canvas': path.resolve(__dirname, '../client/src/canvas/graph.ts') } },
    build: { outDir, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 4096 },
  });
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built page on a free local port (workers cannot load from about:blank or file://). */
async function servePage(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dir, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type UiBenchWindow = { UiBench: import('./ui/page').UiBenchApi };

async function measure(
  context: BrowserContext,
  url: string,
  mode: Mode,
  elements: unknown[],
  screenshot?: string,
): Promise<Run> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'UiBench' in window);
    const cpuBefore = rendererCpuMs();
    const timing = await page.evaluate(
      async ({ mode, elements }) => {
        const bench = (window as unknown as UiBenchWindow).UiBench;
        const container = document.getElementById('cy')!;
        const els = elements as Parameters<typeof bench.renderApp>[1];
        return mode === 'app' ? bench.renderApp(container, els) : bench.renderDefault(container, els);
      },
      { mode, elements },
    );
    const cpuAfter = rendererCpuMs();
    const renderCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    if (screenshot) await page.screenshot({ path: screenshot });
    const frames = await panAndRecord(page);
    return {
      ...timing,
      frameMeanMs: frames.length ? frames.reduce((a, b) => a + b, 0) / frames.length : 0,
      frameP95Ms: percentile(
        [...frames].sort((a, b) => a - b),
        95,
      ),
      frameMaxMs: frames.length ? Math.max(...frames) : 0,
      frames: frames.length,
      renderCpuMs,
    };
  } finally {
    await page.close();
  }
}

/** Drags the background from the top-left corner in small steps, as a user pans, for ~2 s. */
async function panAndRecord(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const bench = (window as unknown as UiBenchWindow).UiBench;
    (window as unknown as { recorder: ReturnType<typeof bench.recordFrames> }).recorder =
      bench.recordFrames();
  });
  await page.mouse.move(6, 6);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 1; Date.now() - started < 2000; i++) {
    await page.mouse.move(6 + ((i * 4) % 400), 6 + ((i * 3) % 300));
  }
  await page.mouse.up();
  return page.evaluate(() => (window as unknown as { recorder: { stop(): number[] } }).recorder.stop());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['repeats'], ['sizes', 'screenshots']);
  const screenshots = args.strings.screenshots;
  if (screenshots) fs.mkdirSync(screenshots, { recursive: true });
  const sizes = (args.strings.sizes ?? '1000,5000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--sizes must be integers, got "${args.strings.sizes}"`);
  const repeats = args.ints.repeats ?? (args.quick ? 1 : 2);
  const started = performance.now();
  const result = newResult('ui', args.quick, { sizes, repeats, chromium: CHROMIUM, viewport: VIEWPORT });
  log(describeMachine(result.machine));

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-ui-bench-'));
  let browser: Awaited<ReturnType<typeof launchBrowser>> | null = null;
  let server: Awaited<ReturnType<typeof servePage>> | null = null;
  try {
    await buildPage(outDir);
    server = await servePage(outDir);
    const url = server.url;
    // An empty profile directory each run (the shared launcher's); each measurement gets a fresh page.
    browser = await launchBrowser({ viewport: VIEWPORT });
    result.details.browser = browser.context.browser()?.version() ?? 'chromium';
    // Warm-up: the first page pays for parsing the bundle and for JIT; keep that out of both modes.
    for (const mode of ['app', 'default'] as Mode[])
      await measure(browser.context, url, mode, syntheticGraph(200));
    const runs: Record<string, Record<Mode, Run[]>> = {};
    for (const size of sizes) {
      const elements = syntheticGraph(size);
      runs[size] = { app: [], default: [] };
      for (let r = 0; r < repeats; r++) {
        // Alternate which mode goes first, so neither always runs on a cooler machine.
        for (const mode of (r % 2 === 0 ? ['app', 'default'] : ['default', 'app']) as Mode[]) {
          const shot = screenshots && r === 0 ? path.join(screenshots, `${size}-${mode}.png`) : undefined;
          const run = await measure(browser.context, url, mode, elements, shot);
          runs[size][mode].push(run);
          const phases = Object.entries(run.marks)
            .map(([name, ms]) => `${name} ${ms}`)
            .join(', ');
          const cpu = run.renderCpuMs === null ? '' : `, renderer CPU ${run.renderCpuMs.toFixed(0)} ms`;
          log(
            `${size} elements, ${mode}: render ${run.renderMs.toFixed(0)} ms${cpu} (layout applied ${run.layoutMs.toFixed(0)}${phases ? `; ${phases}` : ''}), pan frame mean ${run.frameMeanMs.toFixed(1)} ms p95 ${run.frameP95Ms.toFixed(1)} ms max ${run.frameMaxMs.toFixed(0)} ms (${run.frames} frames)`,
          );
        }
      }
      result.figures.push(...figuresFor(size, runs[size]));
    }
    result.details.runs = runs;
  } finally {
    await browser?.close();
    await server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  const file = writeResult(result, started);
  log(`wrote ${file}`);
  for (const f of result.figures)
    console.log(`${f.metric}: ${f.value} ${f.unit} (baseline ${f.baseline?.value})`);
}

function figuresFor(size: number, runs: Record<Mode, Run[]>): Figure[] {
  const pick = (mode: Mode, key: 'renderMs' | 'frameMeanMs' | 'frameP95Ms') =>
    round(median(runs[mode].map((r) => r[key])), 1);
  const shown = runs.app[0];
  const cpu = (mode: Mode) => {
    const values = runs[mode].map((r) => r.renderCpuMs).filter((v): v is number => v !== null);
    return values.length ? round(median(values), 0) : 'n/a';
  };
  return [
    {
      benchmark: 'ui',
      metric: `${size} elements: data → first complete render`,
      value: pick('app', 'renderMs'),
      unit: 'ms',
      baseline: { name: 'Cytoscape defaults + default fcose', value: pick('default', 'renderMs') },
      goal:
        size === 5000
          ? { text: `≤ ${GOAL_5K_MS} ms`, met: pick('app', 'renderMs') <= GOAL_5K_MS }
          : undefined,
      note: `median of ${runs.app.length}; ${shown.nodes} nodes, ${shown.edges} edges on the canvas; renderer CPU ${cpu('app')} ms (baseline ${cpu('default')} ms)`,
    },
    {
      benchmark: 'ui',
      metric: `${size} elements: frame time while panning (mean)`,
      value: pick('app', 'frameMeanMs'),
      unit: 'ms',
      baseline: { name: 'Cytoscape defaults', value: pick('default', 'frameMeanMs') },
      note: `p95 ${pick('app', 'frameP95Ms')} ms (baseline ${pick('default', 'frameP95Ms')} ms); mouse drag for 2 s`,
    },
  ];
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
