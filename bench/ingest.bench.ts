/**
 * Ingest benchmark: synthetic channel file → parse → extract → load into a fresh private embedded
 * Neo4j, at two sizes (10k and 100k posts; --quick: 2k and 10k), then re-ingest of the larger file
 * (idempotent: same counts). Baseline, in the same run and on the same database: the naive loader
 * (loadExtractionNaive, one query per row) on a sample, against the batched loader on the same sample.
 *
 *   npx tsx bench/ingest.bench.ts [--posts 100000] [--small 10000] [--naive-sample 300] [--quick]
 *                                 [--keep-data DIR]   (leave the store of the largest graph for api.bench)
 *                                 [--reingest no]     (skip the re-ingest of the largest file)
 */
import fs from 'node:fs';
import { loadExtraction } from '../ingest/load/load';
import { loadExtractionNaive } from './lib/naive-load';
import { readBenchArgs } from './lib/args';
import { channelFile } from './lib/channel-file';
import { describeMachine } from './lib/machine';
import { ownPeakRssMiB, processPeakRssMiB } from './lib/memory';
import { clearGraph, graphCounts, startBenchNeo4j, BENCH_HEAP, BENCH_PAGECACHE } from './lib/neo4j';
import { ingestChannelFile, prepareChannel, rowsOf, type IngestTimes } from './lib/pipeline';
import { newResult, round, writeResult, type BenchResult } from './lib/results';

const SCRIPT = 'bench/ingest';
/** Goal from the brief: 100k posts in at most 3 minutes on a 2-core machine. */
const GOAL_100K_SECONDS = 180;

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts', 'small', 'naive-sample'], ['keep-data', 'reingest']);
  const reingest = args.strings.reingest !== 'no';
  const large = args.ints.posts ?? (args.quick ? 10_000 : 100_000);
  const small = args.ints.small ?? Math.min(large, args.quick ? 2_000 : 10_000);
  const naiveSample = args.ints['naive-sample'] ?? (args.quick ? 100 : 300);
  const keepData = args.strings['keep-data'];
  const started = performance.now();
  const result: BenchResult = newResult('ingest', args.quick, {
    large,
    small,
    naiveSample,
    neo4jHeap: BENCH_HEAP,
    neo4jPageCache: BENCH_PAGECACHE,
  });
  log(describeMachine(result.machine));

  const sizes = [...new Set([small, large])].sort((a, b) => a - b);
  const files = new Map<number, string>();
  for (const n of [naiveSample, ...sizes]) {
    log(`generating a ${n}-post channel (cached between runs)`);
    files.set(n, channelFile(n));
  }

  const db = await startBenchNeo4j(keepData ? prepareKeptDir(keepData) : undefined);
  log(
    `embedded Neo4j (heap ${BENCH_HEAP}, page cache ${BENCH_PAGECACHE}) ready in ${db.startSeconds.toFixed(1)} s`,
  );
  try {
    // Baseline first, on an empty graph: the naive loader on the sample, then the batched one on the same sample.
    const sample = await prepareChannel(files.get(naiveSample)!);
    await clearGraph(db.driver);
    log(`naive loader on ${naiveSample} posts (one query per row)…`);
    const naive = await loadExtractionNaive(db.driver, sample.extraction);
    const naiveCounts = await graphCounts(db.driver);
    await clearGraph(db.driver);
    const batchedSample = await loadExtraction(db.driver, sample.extraction);
    const batchedCounts = await graphCounts(db.driver);
    const naiveRate = rowsOf(naive) / naive.seconds;
    const batchedSampleRate = rowsOf(batchedSample) / batchedSample.seconds;
    log(`sample: naive ${naiveRate.toFixed(0)} rows/s, batched ${batchedSampleRate.toFixed(0)} rows/s`);
    result.details.naiveSample = {
      posts: naiveSample,
      naive,
      naiveCounts,
      batched: batchedSample,
      batchedCounts,
    };
    result.figures.push({
      benchmark: 'ingest',
      metric: `load rows/s, ${naiveSample}-post sample`,
      value: round(batchedSampleRate, 0),
      unit: 'rows/s',
      baseline: { name: 'naive loader (one query per row)', value: round(naiveRate, 0) },
      note:
        naiveCounts.nodes === batchedCounts.nodes && naiveCounts.relationships === batchedCounts.relationships
          ? 'both loaders wrote the same node and relationship counts'
          : `COUNTS DIFFER: naive ${JSON.stringify(naiveCounts)}, batched ${JSON.stringify(batchedCounts)}`,
    });

    async function measureReingest(): Promise<boolean> {
      log(`re-ingesting the same ${large}-post file…`);
      const again = await ingestChannelFile(db.driver, files.get(large)!);
      const againCounts = await graphCounts(db.driver);
      const first = runs[large].counts;
      const same = againCounts.nodes === first.nodes && againCounts.relationships === first.relationships;
      result.figures.push({
        benchmark: 'ingest',
        metric: `${large} posts: re-ingest of the same file, seconds`,
        value: round(again.totalSeconds, 1),
        unit: 's',
        note: same
          ? `idempotent: same ${first.nodes} nodes, ${first.relationships} relationships`
          : `NOT IDEMPOTENT: first ${JSON.stringify(first)}, again ${JSON.stringify(againCounts)}`,
      });
      result.details.reingest = { ...again, counts: againCounts, idempotent: same };
      return same;
    }

    const runs: Record<number, IngestTimes & { counts: { nodes: number; relationships: number } }> = {};
    for (const n of sizes) {
      await clearGraph(db.driver);
      log(`ingesting ${n} posts into an empty graph…`);
      const times = await ingestChannelFile(db.driver, files.get(n)!);
      const counts = await graphCounts(db.driver);
      runs[n] = { ...times, counts };
      log(
        `${n} posts: ${times.totalSeconds.toFixed(1)} s (parse ${times.parseSeconds.toFixed(1)}, extract ${times.extractSeconds.toFixed(1)}, load ${times.loadSeconds.toFixed(1)}), ${counts.nodes} nodes, ${counts.relationships} relationships`,
      );
      const rate = times.rows / times.loadSeconds;
      result.figures.push({
        benchmark: 'ingest',
        metric: `${n} posts: total seconds (parse+extract+load)`,
        value: round(times.totalSeconds, 1),
        unit: 's',
        goal:
          n === 100_000
            ? { text: `≤ ${GOAL_100K_SECONDS} s`, met: times.totalSeconds <= GOAL_100K_SECONDS }
            : undefined,
        note: `parse ${times.parseSeconds.toFixed(1)} s, extract ${times.extractSeconds.toFixed(1)} s, load ${times.loadSeconds.toFixed(1)} s; ${times.fileMiB.toFixed(0)} MiB file`,
      });
      result.figures.push({
        benchmark: 'ingest',
        metric: `${n} posts: load rows/s`,
        value: round(rate, 0),
        unit: 'rows/s',
        baseline: { name: `naive loader on ${naiveSample}-post sample`, value: round(naiveRate, 0) },
        note: `${times.rows} rows; ${counts.nodes} nodes, ${counts.relationships} relationships`,
      });
      result.figures.push({
        benchmark: 'extract',
        metric: `${n} posts: extraction posts/s (in ingest)`,
        value: round(n / times.extractSeconds, 0),
        unit: 'posts/s',
        note: `${(times.fileMiB / times.extractSeconds).toFixed(2)} MiB/s of export file; parse alone ${(n / times.parseSeconds).toFixed(0)} posts/s`,
      });
    }

    // Re-ingest of the same file: the loader MERGEs on keys, so the graph must come out the same.
    let idempotent = true;
    if (reingest) idempotent = await measureReingest();
    result.details.runs = runs;

    const jvmPeak = processPeakRssMiB(db.neo4j.pid);
    const nodePeak = ownPeakRssMiB();
    result.details.peakRss = { nodeMiB: nodePeak, neo4jMiB: jvmPeak };
    result.figures.push({
      benchmark: 'ingest',
      metric: 'peak RSS: ingest process (Node)',
      value: nodePeak,
      unit: 'MiB',
      note: `largest run ${large} posts`,
    });
    if (jvmPeak !== null) {
      result.figures.push({
        benchmark: 'ingest',
        metric: 'peak RSS: embedded Neo4j (JVM)',
        value: jvmPeak,
        unit: 'MiB',
        note: `heap ${BENCH_HEAP}, page cache ${BENCH_PAGECACHE}`,
      });
    }
    if (!idempotent) process.exitCode = 1;
  } finally {
    await db.dispose({ keep: Boolean(keepData) });
  }
  if (keepData) result.details.keptStore = { dir: keepData, posts: large };
  const file = writeResult(result, started);
  log(`wrote ${file}`);
  for (const f of result.figures)
    console.log(`${f.metric}: ${f.value} ${f.unit}${f.baseline ? ` (baseline ${f.baseline.value})` : ''}`);
}

/** --keep-data DIR must be empty (or absent): the benchmark owns what it creates there. */
function prepareKeptDir(dir: string): string {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    console.error(`${SCRIPT}: --keep-data ${dir} is not empty; give a new or empty directory`);
    process.exit(1);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
