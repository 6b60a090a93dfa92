/**
 * API under load: autocannon against the API server (its own process) on the 100k-post graph
 * (--quick: 10k): search, neighbours, paths and a saved query at 32 connections for 30 s each
 * (--quick: 8 s), then all of them mixed at 64 connections with the server's memory sampled.
 * Goals: p95 ≤ 50 ms and no failed request. Baseline, in the same run: the same server with its
 * response cache off (CACHE_MAX_MB=0), so every request queries Neo4j as a question asked for the
 * first time does; the warm-up run of the cached server is kept as `details.firstAsked`.
 *
 *   npx tsx bench/api.bench.ts [--posts 100000] [--seconds 30] [--connections 32] [--quick]
 *                              [--data-dir DIR]   (a store left by `ingest.bench --keep-data DIR`)
 */
import type { Driver } from 'neo4j-driver';
import { readBenchArgs } from './lib/args';
import { spawnApiServer } from './lib/api-server';
import { DEFAULT_CACHE } from '../server/app';
import { channelFile } from './lib/channel-file';
import { describeMachine } from './lib/machine';
import { processPeakRssMiB, sampleRss } from './lib/memory';
import { graphCounts, startBenchNeo4j } from './lib/neo4j';
import { runWrk, wrkAvailable } from './lib/wrk';
import { askEachOnce, runLoad, type AskedOnce, type LoadRequest, type LoadStats } from './lib/load';
import { ingestChannelFile } from './lib/pipeline';
import { newResult, round, writeResult } from './lib/results';

const SCRIPT = 'bench/api';
const GOAL_P95_MS = 50;
const SAVED_QUERY = 'co-mentioned-with';

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

interface Targets {
  names: string[];
  keys: string[];
  pairs: [string, string][];
}

/** Popular and long-tail entities alike, so that caches do not flatter the figures. */
async function pickTargets(driver: Driver): Promise<Targets> {
  const { records } = await driver.executeQuery(
    `MATCH (e:Entity) WITH e ORDER BY e.mentionCount DESC, e.key LIMIT 60 RETURN e.key AS key, e.name AS name
     UNION
     MATCH (e:Entity) WHERE e.mentionCount <= 2 WITH e ORDER BY e.key LIMIT 40 RETURN e.key AS key, e.name AS name`,
  );
  const rows = records.map((r) => ({ key: String(r.get('key')), name: String(r.get('name')) }));
  if (rows.length < 4)
    throw new Error(`${SCRIPT}: the graph has ${rows.length} entities; ingest a channel first`);
  const pairs: [string, string][] = [];
  for (let i = 0; i < rows.length; i++) pairs.push([rows[i].key, rows[(i * 7 + 3) % rows.length].key]);
  return {
    names: rows.map((r) => r.name),
    keys: rows.map((r) => r.key),
    pairs: pairs.filter(([a, b]) => a !== b),
  };
}

function scenarios(t: Targets): Record<string, LoadRequest[]> {
  const search = t.names.flatMap((name) => [name, name.slice(0, Math.max(3, Math.ceil(name.length / 2)))]);
  return {
    search: search.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}` })),
    neighbours: t.keys.map((key) => ({
      method: 'GET',
      path: `/api/entities/${encodeURIComponent(key)}/neighbours`,
    })),
    paths: t.pairs.map(([from, to]) => ({
      method: 'GET',
      path: `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    })),
    [`saved query ${SAVED_QUERY}`]: t.names.map((entity) => ({
      method: 'POST',
      path: `/api/queries/${SAVED_QUERY}/run`,
      body: { params: { entity } },
    })),
  };
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts', 'seconds', 'connections'], ['data-dir']);
  const posts = args.ints.posts ?? (args.quick ? 10_000 : 100_000);
  const seconds = args.ints.seconds ?? (args.quick ? 8 : 30);
  const connections = args.ints.connections ?? 32;
  const dataDir = args.strings['data-dir'];
  const started = performance.now();
  const result = newResult('api', args.quick, {
    posts: dataDir ? 'from --data-dir' : posts,
    seconds,
    connections,
    dataDir,
  });
  log(describeMachine(result.machine));

  const db = await startBenchNeo4j(dataDir);
  let server: Awaited<ReturnType<typeof spawnApiServer>> | null = null;
  let baselineServer: Awaited<ReturnType<typeof spawnApiServer>> | null = null;
  try {
    let counts = await graphCounts(db.driver);
    if (counts.nodes === 0) {
      log(`empty store: ingesting a ${posts}-post channel first…`);
      const times = await ingestChannelFile(db.driver, channelFile(posts));
      log(`ingested in ${times.totalSeconds.toFixed(1)} s`);
      counts = await graphCounts(db.driver);
    }
    result.details.graph = counts;
    log(`graph: ${counts.nodes} nodes, ${counts.relationships} relationships`);
    const targets = await pickTargets(db.driver);
    // The product as configured by default (response cache on), and the baseline without the
    // cache, where every request runs its queries on Neo4j: the cost of a question asked first.
    server = await spawnApiServer(db.neo4j);
    baselineServer = await spawnApiServer(db.neo4j, { cacheMb: 0 });
    log(`API server at ${server.url} (pid ${server.pid}), baseline without cache at ${baselineServer.url}`);

    const all = scenarios(targets);
    // Every distinct question asked once, two at a time, on the cached server: what a user waits
    // for the first time anyone asks it (cache misses; Neo4j's page cache is warm from the ingest
    // or from this pass itself). The same pass fills the response cache.
    const firstAsked: Record<string, AskedOnce> = {};
    for (const [name, requests] of Object.entries(all)) {
      log(`${name}: asking each of ${requests.length} distinct questions once…`);
      firstAsked[name] = await askEachOnce(server.url, requests, 2);
      pushFirstAskedFigure(result.figures, name, firstAsked[name]);
    }
    result.details.firstAsked = firstAsked;

    const stats: Record<string, LoadStats> = {};
    for (const [name, requests] of Object.entries(all)) {
      log(`${name}: ${connections} connections, ${seconds} s…`);
      stats[name] = await runLoad(server.url, requests, { connections, seconds });
    }
    // The same cached runs with wrk where it is installed (see bench/lib/wrk.ts for why).
    const wrkStats: Record<string, LoadStats> = {};
    if (wrkAvailable()) {
      for (const [name, requests] of Object.entries(all)) {
        log(`${name}: ${connections} connections, ${seconds} s, with wrk…`);
        wrkStats[name] = runWrk(server.url, requests, { connections, seconds });
        pushLatencyFigures(result.figures, `${name} [wrk]`, connections, wrkStats[name]);
      }
      result.details.wrkStats = wrkStats;
    } else {
      log('wrk is not installed (apt-get install wrk): the autocannon figures only');
    }

    const mixedConnections = connections * 2;
    log(`mixed: ${mixedConnections} connections, ${seconds} s, server memory sampled…`);
    const sampler = sampleRss(server.pid);
    const mixed = await runLoad(server.url, interleave(Object.values(all)), {
      connections: mixedConnections,
      seconds,
    });
    const memory = sampler.stop();
    stats.mixed = mixed;
    pushLatencyFigures(result.figures, 'mixed', mixedConnections, mixed);
    const peak = processPeakRssMiB(server.pid);
    result.figures.push({
      benchmark: 'api',
      metric: 'peak RSS: API server under load',
      value: peak ?? memory.maxMiB,
      unit: 'MiB',
      note: `RSS ${memory.firstMiB} MiB at the start of the mixed run, ${memory.lastMiB} MiB at its end (${memory.samples} samples); response cache up to ${DEFAULT_CACHE.maxMb} MiB`,
    });
    const jvmPeak = processPeakRssMiB(db.neo4j.pid);
    if (jvmPeak !== null) {
      result.figures.push({
        benchmark: 'api',
        metric: 'peak RSS: embedded Neo4j (JVM) serving the API',
        value: jvmPeak,
        unit: 'MiB',
      });
    }
    // The baseline last: its queries pile up on Neo4j and would slow whatever ran after them.
    const baselineStats: Record<string, LoadStats> = {};
    for (const [name, requests] of Object.entries(all)) {
      log(`${name}: ${connections} connections, ${seconds} s, without cache (baseline)…`);
      baselineStats[name] = await runLoad(baselineServer.url, requests, { connections, seconds });
      pushLatencyFigures(result.figures, name, connections, stats[name], baselineStats[name]);
    }
    result.details.baselineStats = baselineStats;
    result.details.stats = stats;
    result.details.memory = memory;
    result.details.targets = { names: targets.names.length, pairs: targets.pairs.length };
    if (Object.values(stats).some((s) => s.failures > 0)) process.exitCode = 1;
  } finally {
    await server?.stop();
    await baselineServer?.stop();
    await db.dispose({ keep: Boolean(dataDir) });
  }
  const file = writeResult(result, started);
  log(`wrote ${file}`);
  for (const f of result.figures)
    console.log(`${f.metric}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
}

function pushLatencyFigures(
  figures: ReturnType<typeof newResult>['figures'],
  name: string,
  connections: number,
  s: LoadStats,
  baseline?: LoadStats,
): void {
  const errors =
    s.failures === 0
      ? '0 failed'
      : `${s.failures} FAILED (status ${JSON.stringify(s.statusCodes)}, ${s.timeouts} timeouts)`;
  figures.push({
    benchmark: 'api',
    metric: `${name} (${connections} conn): p95 latency`,
    value: round(s.p95, 1),
    unit: 'ms',
    ...(baseline
      ? {
          baseline: {
            name: `no response cache: ${round(baseline.throughput, 0)} req/s, ${baseline.failures} failed`,
            value: round(baseline.p95, 1),
          },
        }
      : {}),
    // Fewer responses than connections means most requests outlived the run: not a pass.
    goal: {
      text: `≤ ${GOAL_P95_MS} ms, 0 errors`,
      met: s.p95 <= GOAL_P95_MS && s.failures === 0 && s.requests >= connections,
    },
    note: `p50 ${round(s.p50, 1)} ms, p99 ${round(s.p99, 1)} ms, max ${round(s.max, 1)} ms; ${round(s.throughput, 0)} req/s; ${s.requests} answered, ${s.unanswered} still in flight at the end, ${errors}`,
  });
}

function pushFirstAskedFigure(
  figures: ReturnType<typeof newResult>['figures'],
  name: string,
  asked: AskedOnce,
): void {
  figures.push({
    benchmark: 'api',
    metric: `${name}: first time asked (cache miss), p95`,
    value: round(asked.p95, 1),
    unit: 'ms',
    note: `${asked.questions} distinct questions, 2 at a time: p50 ${round(asked.p50, 1)} ms, max ${round(asked.max, 1)} ms, ${asked.failures} failed`,
  });
}

/** One request of each scenario in turn, so the mixed run is a real mix at every moment. */
function interleave(lists: LoadRequest[][]): LoadRequest[] {
  const out: LoadRequest[] = [];
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++)
    for (const list of lists) if (list.length) out.push(list[i % list.length]);
  return out;
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
