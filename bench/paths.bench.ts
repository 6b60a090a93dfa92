/**
 * Paths determinism: the same 20 path questions asked of the API (response cache off, so each is
 * searched again) on an idle machine and then with CPU hogs busy on every core must give
 * byte-identical answers. Latencies are reported beside, for information only: the verdict is
 * the comparison of answers, which must not depend on load (a 504 under load counts as a failure,
 * never as a different answer).
 *
 *   npx tsx bench/paths.bench.ts [--posts 10000] [--hogs N (default: the core count)] [--quick]
 *                                [--data-dir DIR]   (a store left by `ingest.bench --keep-data DIR`)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import type { PathsResponse } from '../server/api/contract';
import { readBenchArgs } from './lib/args';
import { spawnApiServer } from './lib/api-server';
import { channelFile } from './lib/channel-file';
import { describeMachine } from './lib/machine';
import { graphCounts, startBenchNeo4j } from './lib/neo4j';
import { ingestChannelFile } from './lib/pipeline';
import { newResult, round, writeResult } from './lib/results';

const SCRIPT = 'bench/paths';
const QUESTIONS = 20;

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

/** Hubs and long-tail entities, paired so that hub-hub, hub-tail and tail-tail questions occur. */
async function questions(driver: Driver): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity) WITH e ORDER BY e.mentionCount DESC, e.key LIMIT 10 RETURN e.key AS key
     UNION ALL
     MATCH (e:Entity) WHERE e.mentionCount <= 2 WITH e ORDER BY e.key LIMIT 10 RETURN e.key AS key`,
  );
  const keys = records.map((r) => String(r.get('key')));
  if (keys.length < 4)
    throw new Error(`${SCRIPT}: the graph has ${keys.length} entities; ingest a channel first`);
  const out: string[] = [];
  for (let i = 0; out.length < QUESTIONS; i++) {
    const from = keys[i % keys.length];
    const to = keys[(i * 7 + 3) % keys.length];
    if (from === to) continue;
    // Half with the explorer's defaults, half asking for the most the API allows.
    const extra = i % 2 === 0 ? '' : '&max=6&k=10';
    out.push(`/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${extra}`);
  }
  return out;
}

interface Answer {
  status: number;
  hash: string;
  ms: number;
  paths: number;
  narrowed: boolean;
}

async function askAll(url: string, paths: string[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    const ms = performance.now() - started;
    let count = 0;
    let narrowed = false;
    if (response.ok) {
      const body = JSON.parse(text) as PathsResponse;
      count = body.paths.length;
      narrowed = body.searchedHops < Number(new URLSearchParams(path.split('?')[1]).get('max') ?? 4);
    }
    answers.push({
      status: response.status,
      hash: createHash('sha256').update(text).digest('hex'),
      ms,
      paths: count,
      narrowed,
    });
  }
  return answers;
}

/** Busy loops, one process each, until stopped: a machine as loaded as the CI run that failed. */
function startHogs(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
}

function stopHogs(hogs: ChildProcess[]): void {
  for (const hog of hogs) if (hog.exitCode === null) hog.kill('SIGKILL');
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts', 'hogs'], ['data-dir']);
  const posts = args.ints.posts ?? (args.quick ? 2_000 : 10_000);
  const hogCount = args.ints.hogs ?? os.availableParallelism();
  const dataDir = args.strings['data-dir'];
  const started = performance.now();
  const result = newResult('paths', args.quick, {
    posts: dataDir ? 'from --data-dir' : posts,
    hogs: hogCount,
    dataDir,
  });
  log(describeMachine(result.machine));

  const db = await startBenchNeo4j(dataDir);
  let server: Awaited<ReturnType<typeof spawnApiServer>> | null = null;
  let hogs: ChildProcess[] = [];
  try {
    let counts = await graphCounts(db.driver);
    if (counts.nodes === 0) {
      log(`empty store: ingesting a ${posts}-post channel first…`);
      await ingestChannelFile(db.driver, channelFile(posts));
      counts = await graphCounts(db.driver);
    }
    result.details.graph = counts;
    const asked = await questions(db.driver);
    server = await spawnApiServer(db.neo4j, { cacheMb: 0 });
    log(`API server at ${server.url}, response cache off; ${asked.length} questions`);
    // Once to warm up (query plans, JIT): the comparison is of the two rounds after it.
    await askAll(server.url, asked);
    log('idle round…');
    const idle = await askAll(server.url, asked);
    log(`round with ${hogCount} CPU hogs…`);
    hogs = startHogs(hogCount);
    const loaded = await askAll(server.url, asked);
    stopHogs(hogs);

    const failed = [...idle, ...loaded].filter((a) => a.status !== 200).length;
    const differing = asked.filter((_, i) => idle[i].hash !== loaded[i].hash);
    const same = asked.length - differing.length;
    result.figures.push({
      benchmark: 'paths',
      metric: `answers identical idle vs ${hogCount} CPU hogs`,
      value: same,
      unit: `of ${asked.length}`,
      goal: { text: 'all identical, 0 failed', met: differing.length === 0 && failed === 0 },
      note: `${failed} failed; ${idle.reduce((n, a) => n + a.paths, 0)} paths in all; ${idle.filter((a) => a.narrowed).length} answers searched fewer hops than asked (link bound)`,
    });
    for (const [name, round_] of [
      ['idle', idle],
      [`${hogCount} CPU hogs`, loaded],
    ] as const) {
      const ms = round_.map((a) => a.ms);
      result.figures.push({
        benchmark: 'paths',
        metric: `latency, ${name}: p50`,
        value: round(quantile(ms, 0.5), 1),
        unit: 'ms',
        note: `max ${round(Math.max(...ms), 1)} ms; one at a time, cache off`,
      });
    }
    result.details.questions = asked.map((path, i) => ({ path, idle: idle[i], loaded: loaded[i] }));
    result.details.differing = differing;
    const file = writeResult(result, started);
    log(`${same} of ${asked.length} identical, ${failed} failed; result in ${file}`);
    if (differing.length > 0 || failed > 0) process.exitCode = 1;
  } finally {
    stopHogs(hogs);
    await server?.stop();
    await db.dispose({ keep: dataDir !== undefined });
  }
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
