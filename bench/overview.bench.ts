/**
 * GET /api/overview on the 100k-post graph (--quick: 10k), asked of the API server with its
 * response cache off, so every request queries Neo4j as the first visitor after an import does.
 * Goal (issue 14): p95 ≤ 100 ms. Baseline, in the same run and on the same database: the same
 * figures computed the straightforward way (cypher below: min/max and counts by scanning, sorts
 * over every node, the latest months' releases found by a function of the date), run in
 * parallel straight from the driver, so it does not even pay for HTTP.
 *
 *   npx tsx bench/overview.bench.ts [--posts 100000] [--requests 30] [--quick]
 *                                   [--data-dir DIR]   (a store left by `ingest.bench --keep-data DIR`)
 */
import type { Driver } from 'neo4j-driver';
import type { OverviewResponse } from '../server/api/contract';
import { ingestCypher } from '../ingest/load/cypher';
import { readBenchArgs } from './lib/args';
import { spawnApiServer } from './lib/api-server';
import { channelFile } from './lib/channel-file';
import { describeMachine } from './lib/machine';
import { graphCounts, startBenchNeo4j } from './lib/neo4j';
import { ingestChannelFile } from './lib/pipeline';
import { newResult, round, writeResult } from './lib/results';

const SCRIPT = 'bench/overview';
const GOAL_P95_MS = 100;

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

/** What one would write first: whole-graph aggregates and sorts, no thought for indexes. */
const NAIVE = [
  'MATCH (c:Channel) RETURN count(c) AS channels',
  'MATCH (p:Post) RETURN count(p) AS posts, min(p.date) AS first, max(p.date) AS last',
  'MATCH (e:Entity) RETURN e.type AS type, count(*) AS n',
  'MATCH (p:Post) WHERE p.date IS NOT NULL RETURN substring(p.date, 0, 7) AS month, count(*) AS n ORDER BY month',
  `MATCH (p:Post) WITH max(p.date) AS last
   MATCH (o:Organization)-[r:RELEASED]->(t:Entity)
   WHERE substring(r.date, 0, 7) >= substring(toString(date(substring(last, 0, 7) + '-01') - duration({months: 2})), 0, 7)
   WITH o, t, max(r.date) AS date ORDER BY date DESC
   WITH o, count(t) AS releases, collect(t.name)[0..5] AS released
   RETURN o.name AS name, releases, released ORDER BY releases DESC LIMIT 8`,
  'MATCH (e:Entity) RETURN e.key AS key, e.mentionCount AS n ORDER BY n DESC LIMIT 12',
  `MATCH (p:Post) WITH p ORDER BY p.date DESC LIMIT 8
   OPTIONAL MATCH (p)-[m:MENTIONS]->(e:Entity)
   RETURN p.key AS key, collect(e.name)[0..4] AS entities`,
];

async function naiveOverview(driver: Driver): Promise<void> {
  await Promise.all(NAIVE.map((cypher) => driver.executeQuery(cypher, {}, { routing: 'READ' })));
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

async function timeEach(requests: number, ask: () => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await ask();
    ms.push(performance.now() - started);
  }
  return ms;
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts', 'requests'], ['data-dir']);
  const posts = args.ints.posts ?? (args.quick ? 10_000 : 100_000);
  const requests = args.ints.requests ?? (args.quick ? 10 : 30);
  const dataDir = args.strings['data-dir'];
  const started = performance.now();
  const result = newResult('overview', args.quick, {
    posts: dataDir ? 'from --data-dir' : posts,
    requests,
    dataDir,
  });
  log(describeMachine(result.machine));

  const db = await startBenchNeo4j(dataDir);
  let server: Awaited<ReturnType<typeof spawnApiServer>> | null = null;
  try {
    let counts = await graphCounts(db.driver);
    if (counts.nodes === 0) {
      log(`empty store: ingesting a ${posts}-post channel first…`);
      await ingestChannelFile(db.driver, channelFile(posts));
      counts = await graphCounts(db.driver);
    }
    result.details.graph = counts;
    // A store kept from before the loader wrote each channel's posts per month: write them as the
    // loader's last step now would, so what is measured is what a fresh import gives.
    const { records } = await db.driver.executeQuery(
      'MATCH (c:Channel) WHERE c.postMonths IS NULL AND EXISTS { (c)<-[:IN_CHANNEL]-() } RETURN c.key AS key',
    );
    for (const record of records) {
      log(
        `channel ${String(record.get('key'))} has no posts per month yet: writing them (cypher/ingest/channel-months.cypher)`,
      );
      await db.driver.executeQuery(ingestCypher('channel-months'), { channel: record.get('key') });
    }
    server = await spawnApiServer(db.neo4j, { cacheMb: 0 });
    const url = `${server.url}/api/overview`;
    let last: OverviewResponse | null = null;
    const ask = async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!response.ok) throw new Error(`${SCRIPT}: /api/overview answered ${response.status}`);
      last = (await response.json()) as OverviewResponse;
    };
    // Query plans and the JIT warm up on the first few; both sides get the same warm-up.
    for (let i = 0; i < 3; i++) {
      await ask();
      await naiveOverview(db.driver);
    }
    log(`API server at ${server.url}, response cache off; ${requests} requests each, one at a time`);
    const ours = await timeEach(requests, ask);
    const naive = await timeEach(requests, () => naiveOverview(db.driver));
    const p95 = quantile(ours, 0.95);
    const naiveP95 = quantile(naive, 0.95);
    result.figures.push({
      benchmark: 'overview',
      metric: 'GET /api/overview, cache off: p95',
      value: round(p95, 1),
      unit: 'ms',
      baseline: { name: 'naive queries (driver, parallel)', value: round(naiveP95, 1) },
      goal: { text: `≤ ${GOAL_P95_MS} ms`, met: p95 <= GOAL_P95_MS },
      note: `p50 ${round(quantile(ours, 0.5), 1)} ms (naive ${round(quantile(naive, 0.5), 1)} ms); ${counts.nodes} nodes, ${counts.relationships} relationships`,
    });
    const body = last as OverviewResponse | null;
    result.details.overview = body && {
      posts: body.posts,
      months: body.months.length,
      releasers: body.releasers.items.length,
      since: body.releasers.since,
    };
    result.details.ms = { ours: ours.map((v) => round(v, 1)), naive: naive.map((v) => round(v, 1)) };
    const file = writeResult(result, started);
    log(`p95 ${round(p95, 1)} ms (naive ${round(naiveP95, 1)} ms); result in ${file}`);
  } finally {
    await server?.stop();
    await db.dispose({ keep: dataDir !== undefined });
  }
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
