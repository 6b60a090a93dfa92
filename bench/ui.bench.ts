/**
 * UI rendering in headless Chromium: time from data to the first complete render (layout done and
 * painted) for 1k and 5k elements, and frame times while panning with the mouse, for the app's
 * canvas (client/src/canvas/graph.ts GraphCanvas: its stylesheet, renderer settings and fcose
 * options) against Cytoscape with default options and a default fcose layout (the baseline).
 * Goal: ≤ 2 s for 5k elements with the app's options.
 *
 *   npx tsx bench/ui.bench.ts [--sizes 1000,5000] [--repeats 2] [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { readBenchArgs } from './lib/args';
import { describeMachine } from './lib/machine';
import { percentile } from './lib/load';
import { newResult, round, writeResult, type Figure } from './lib/results';
import { syntheticGraph } from './ui/synthetic-graph';

const SCRIPT = 'bench/ui';
const GOAL_5K_MS = 2000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

type Mode = 'app' | 'default';
interface Run {
  renderMs: number;
  layoutMs: number;
  nodes: number;
  edges: number;
  frameMeanMs: number;
  frameP95Ms: number;
  frames: number;
}

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

/** Bundles bench/ui/page.ts (with the app's canvas module and Cytoscape) into one IIFE script. */
async function bundlePage(outDir: string): Promise<string> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.resolve(__dirname, '..'),
    resolve: { alias: { 'app-canvas': path.resolve(__dirname, '../client/src/canvas/graph.ts') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: path.resolve(__dirname, 'ui/page.ts'),
        formats: ['iife'],
        name: 'UiBench',
        fileName: () => 'ui-bench.js',
      },
    },
  });
  return path.join(outDir, 'ui-bench.js');
}

async function measure(
  context: BrowserContext,
  script: string,
  mode: Mode,
  elements: unknown[],
): Promise<Run> {
  const page = await context.newPage();
  try {
    await page.setContent(
      '<!doctype html><html><body style="margin:0"><div id="cy" style="width:1280px;height:800px"></div></body></html>',
    );
    await page.addScriptTag({ path: script });
    const timing = await page.evaluate(
      async ({ mode, elements }) => {
        const bench = (window as unknown as { UiBench: typeof import('./ui/page') }).UiBench;
        const container = document.getElementById('cy')!;
        const els = elements as Parameters<typeof bench.renderApp>[1];
        return mode === 'app' ? bench.renderApp(container, els) : bench.renderDefault(container, els);
      },
      { mode, elements },
    );
    const frames = await panAndRecord(page);
    return {
      ...timing,
      frameMeanMs: frames.length ? frames.reduce((a, b) => a + b, 0) / frames.length : 0,
      frameP95Ms: percentile(
        [...frames].sort((a, b) => a - b),
        95,
      ),
      frames: frames.length,
    };
  } finally {
    await page.close();
  }
}

/** Drags the background from the top-left corner in small steps, as a user pans, for ~2 s. */
async function panAndRecord(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const bench = (window as unknown as { UiBench: typeof import('./ui/page') }).UiBench;
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
  const args = readBenchArgs(SCRIPT, ['repeats'], ['sizes']);
  const sizes = (args.strings.sizes ?? '1000,5000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
    throw new Error(`--sizes must be integers, got "${args.strings.sizes}"`);
  const repeats = args.ints.repeats ?? (args.quick ? 1 : 2);
  const started = performance.now();
  const result = newResult('ui', args.quick, { sizes, repeats, chromium: CHROMIUM, viewport: VIEWPORT });
  log(describeMachine(result.machine));
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-ui-bench-'));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-ui-bench-profile-'));
  let browser: BrowserContext | null = null;
  try {
    const script = await bundlePage(outDir);
    // An empty profile directory each run; each measurement gets a fresh page.
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: VIEWPORT,
      args: CHROMIUM_FLAGS,
    });
    result.details.browser = browser.browser()?.version() ?? 'chromium';
    // Warm-up: the first page pays for parsing the bundle and for JIT; keep that out of both modes.
    for (const mode of ['app', 'default'] as Mode[])
      await measure(browser, script, mode, syntheticGraph(200));
    const runs: Record<string, Record<Mode, Run[]>> = {};
    for (const size of sizes) {
      const elements = syntheticGraph(size);
      runs[size] = { app: [], default: [] };
      for (let r = 0; r < repeats; r++) {
        // Alternate which mode goes first, so neither always runs on a cooler machine.
        for (const mode of (r % 2 === 0 ? ['app', 'default'] : ['default', 'app']) as Mode[]) {
          const run = await measure(browser, script, mode, elements);
          runs[size][mode].push(run);
          log(
            `${size} elements, ${mode}: render ${run.renderMs.toFixed(0)} ms, pan frame mean ${run.frameMeanMs.toFixed(1)} ms p95 ${run.frameP95Ms.toFixed(1)} ms`,
          );
        }
      }
      result.figures.push(...figuresFor(size, runs[size]));
    }
    result.details.runs = runs;
  } finally {
    await browser?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  const file = writeResult(result, started);
  log(`wrote ${file}`);
  for (const f of result.figures)
    console.log(`${f.metric}: ${f.value} ${f.unit} (baseline ${f.baseline?.value})`);
}

function figuresFor(size: number, runs: Record<Mode, Run[]>): Figure[] {
  const pick = (mode: Mode, key: keyof Run) => round(median(runs[mode].map((r) => r[key])), 1);
  const shown = runs.app[0];
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
      note: `median of ${runs.app.length}; ${shown.nodes} nodes, ${shown.edges} edges on the canvas`,
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
