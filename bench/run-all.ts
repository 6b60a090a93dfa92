/**
 * npm run bench [-- --quick] [-- --only ingest,api] [-- --summarize]
 *   --summarize: run nothing; rebuild the table from the result files already in bench/results
 *                (e.g. after running benchmarks one by one with other sizes).
 *
 * Runs every benchmark as its own process (so one's memory does not count against another), in
 * an order that lets them share work: ingest leaves the store of its largest graph, and the API
 * benchmark serves that store. Then writes bench/results/summary.md and the results section of
 * docs/benchmarks.md, with the machine they ran on.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine, machineInfo } from './lib/machine';
import { improvement, readResults, RESULTS_DIR, type BenchResult } from './lib/results';

const ROOT = path.resolve(__dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const DOC = path.join(ROOT, 'docs/benchmarks.md');
const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';
const ALL = ['extract', 'ingest', 'follow', 'channel-delete', 'api', 'paths', 'overview', 'ui'] as const;
type BenchName = (typeof ALL)[number];

interface Outcome {
  name: BenchName;
  status: number | null;
  seconds: number;
  /** Last lines of output, for benchmarks that write no result file of this format. */
  tail: string;
  skipped?: string;
}

function run(name: BenchName, script: string, args: string[]): Outcome {
  const file = path.join(__dirname, script);
  if (!fs.existsSync(file))
    return { name, status: null, seconds: 0, tail: '', skipped: `${script} does not exist yet` };
  console.error(`\nbench: ${name}: tsx bench/${script} ${args.join(' ')}`);
  const started = performance.now();
  const child = spawnSync(TSX, [file, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(child.stdout ?? '');
  return {
    name,
    status: child.status,
    seconds: (performance.now() - started) / 1000,
    tail: (child.stdout ?? '').trim().split('\n').slice(-20).join('\n'),
  };
}

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { quick: { type: 'boolean' }, only: { type: 'string' }, summarize: { type: 'boolean' } },
  });
  const quick = values.quick === true;
  const only = values.only ? (values.only.split(',') as BenchName[]) : [...ALL];
  const unknown = only.filter((n) => !(ALL as readonly string[]).includes(n));
  if (unknown.length) {
    console.error(`bench: unknown benchmark ${unknown.join(', ')} (one of ${ALL.join(', ')})`);
    process.exit(1);
  }
  const q = quick ? ['--quick'] : [];
  const started = performance.now();
  if (values.summarize) {
    const present = only.filter((name) => fs.existsSync(path.join(RESULTS_DIR, `${name}.json`)));
    const outcomes = present.map((name): Outcome => ({
      name,
      status: 0,
      seconds: readResults([name])[0].seconds,
      tail: '',
    }));
    const summary = renderSummary(outcomes, quick, 0, 'Collected from separate runs');
    fs.writeFileSync(path.join(RESULTS_DIR, 'summary.md'), summary);
    updateDoc(summary);
    console.log(summary);
    return;
  }
  const outcomes: Outcome[] = [];
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-bench-store-'));
  fs.rmdirSync(store); // ingest.bench wants a new or empty directory and creates it
  try {
    if (only.includes('extract')) outcomes.push(run('extract', 'extract.bench.ts', q));
    let storeReady = false;
    if (only.includes('ingest')) {
      const outcome = run('ingest', 'ingest.bench.ts', [
        ...q,
        ...(only.includes('api') || only.includes('paths') || only.includes('overview')
          ? ['--keep-data', store]
          : []),
      ]);
      outcomes.push(outcome);
      storeReady = outcome.status === 0 && fs.existsSync(store);
    }
    if (only.includes('follow')) outcomes.push(run('follow', 'follow.bench.ts', q));
    if (only.includes('channel-delete')) outcomes.push(run('channel-delete', 'channel-delete.bench.ts', q));
    if (only.includes('api'))
      outcomes.push(run('api', 'api.bench.ts', [...q, ...(storeReady ? ['--data-dir', store] : [])]));
    // On the same store: its 100k-post graph has the hubs where a search is costly.
    if (only.includes('paths'))
      outcomes.push(run('paths', 'paths.bench.ts', [...q, ...(storeReady ? ['--data-dir', store] : [])]));
    if (only.includes('overview'))
      outcomes.push(
        run('overview', 'overview.bench.ts', [...q, ...(storeReady ? ['--data-dir', store] : [])]),
      );
    if (only.includes('ui')) outcomes.push(run('ui', 'ui.bench.ts', q));
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
  }
  const summary = renderSummary(outcomes, quick, (performance.now() - started) / 1000);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'summary.md'), summary);
  updateDoc(summary);
  console.log(`\n${summary}`);
  if (outcomes.some((o) => o.status !== 0 && !o.skipped)) process.exitCode = 1;
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 10) / 10);
}

function renderSummary(outcomes: Outcome[], quick: boolean, seconds: number, collected?: string): string {
  const results = readResults(outcomes.filter((o) => o.status === 0).map((o) => o.name));
  const lines: string[] = [];
  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  if (collected) {
    lines.push(`${collected} (${now} UTC); each result's own run and machine:`);
    for (const r of results) {
      const when = r.startedAt.slice(0, 16).replace('T', ' ');
      lines.push(
        `- ${r.name}: ${when} UTC${r.quick ? ', --quick' : ''}, ${JSON.stringify(r.params)}; ${describeMachine(r.machine)}.`,
      );
    }
  } else {
    lines.push(`Run ${now} UTC${quick ? ' (--quick sizes)' : ''}, ${Math.round(seconds)} s in all.`);
    lines.push(`Machine: ${describeMachine(machineInfo())}.`);
  }
  lines.push('');
  lines.push('| Benchmark | Metric | Value | Baseline (same run) | × better | Goal | Notes |');
  lines.push('|---|---|---:|---:|---:|---|---|');
  for (const result of results) lines.push(...rows(result));
  lines.push('');
  for (const o of outcomes) {
    if (o.skipped) lines.push(`- ${o.name}: skipped (${o.skipped}).`);
    else if (o.status !== 0)
      lines.push(`- ${o.name}: FAILED (exit ${o.status}) after ${Math.round(o.seconds)} s; see its output.`);
    else if (!results.some((r) => r.name === o.name)) {
      lines.push(
        `- ${o.name}: ran in ${Math.round(o.seconds)} s; it writes no bench/results/${o.name}.json, its output ends:`,
      );
      lines.push('', '```', o.tail, '```');
    } else lines.push(`- ${o.name}: ${Math.round(o.seconds)} s.`);
  }
  return `${lines.join('\n')}\n`;
}

function rows(result: BenchResult): string[] {
  return result.figures.map((f) => {
    const ratio = improvement(f);
    const baseline = f.baseline ? `${fmt(f.baseline.value)} ${f.unit} (${f.baseline.name})` : '—';
    const goal = f.goal ? `${f.goal.text}: ${f.goal.met ? 'met' : '**not met**'}` : '';
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    return `| ${f.benchmark} | ${cell(f.metric)} | ${fmt(f.value)} ${f.unit} | ${cell(baseline)} | ${ratio === null ? '' : `${ratio.toFixed(2)}×`} | ${cell(goal)} | ${cell(f.note ?? '')} |`;
  });
}

/** Replaces the generated section of docs/benchmarks.md, keeping the hand-written text around it. */
function updateDoc(summary: string): void {
  const section = `${START_MARK}\n${summary}${END_MARK}`;
  if (!fs.existsSync(DOC)) {
    fs.writeFileSync(DOC, `# Benchmarks\n\n${section}\n`);
    return;
  }
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START_MARK);
  const end = doc.indexOf(END_MARK);
  const next =
    start >= 0 && end > start
      ? doc.slice(0, start) + section + doc.slice(end + END_MARK.length)
      : `${doc.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(DOC, next);
}

main();
