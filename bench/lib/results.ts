/**
 * Where benchmark results go: bench/results/<name>.json (git-ignored), one file per benchmark,
 * read back by bench/run-all.ts to build the summary table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { machineInfo, type MachineInfo } from './machine';

export const RESULTS_DIR = path.resolve(__dirname, '../results');

/** One line of the summary table: a measured figure, and its baseline when it has one. */
export interface Figure {
  benchmark: string;
  metric: string;
  value: number;
  unit: string;
  /** The same metric for the baseline, measured in the same run. */
  baseline?: { name: string; value: number };
  /** What we aim for, e.g. "≤ 180 s"; `met` says whether this run met it. */
  goal?: { text: string; met: boolean };
  note?: string;
}

export interface BenchResult {
  name: string;
  startedAt: string;
  seconds: number;
  quick: boolean;
  machine: MachineInfo;
  params: Record<string, unknown>;
  figures: Figure[];
  /** Everything else measured, for whoever wants to dig. */
  details: Record<string, unknown>;
}

export function newResult(name: string, quick: boolean, params: Record<string, unknown>): BenchResult {
  return {
    name,
    startedAt: new Date().toISOString(),
    seconds: 0,
    quick,
    machine: machineInfo(),
    params,
    figures: [],
    details: {},
  };
}

export function writeResult(result: BenchResult, started: number): string {
  result.seconds = round((performance.now() - started) / 1000, 1);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function readResults(names: string[]): BenchResult[] {
  const results: BenchResult[] = [];
  for (const name of names) {
    const file = path.join(RESULTS_DIR, `${name}.json`);
    if (fs.existsSync(file)) results.push(JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult);
  }
  return results;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * "how many times better than the baseline": for rates (higher is better) value/baseline, for
 * durations and latencies (lower is better) baseline/value.
 */
export function improvement(figure: Figure): number | null {
  if (!figure.baseline || figure.baseline.value === 0 || figure.value === 0) return null;
  const lowerIsBetter = /^(s|ms|MiB)$/.test(figure.unit);
  return lowerIsBetter ? figure.baseline.value / figure.value : figure.value / figure.baseline.value;
}
