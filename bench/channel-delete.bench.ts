/**
 * Channel delete benchmark: two synthetic channels of N posts (10k by default, --quick 2k) that
 * share their popular entities, loaded into a private embedded Neo4j; deleting the second is timed
 * (goal from issue 14: a 10k-post channel in ≤ 30 s) and the graph left is compared with the first
 * channel loaded alone: node counts by label, relationship counts by type, a hash of every
 * property. Baseline: loading the same channel, measured in the same run.
 *
 *   npx tsx bench/channel-delete.bench.ts [--posts 10000] [--quick]
 */
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { deleteChannel } from '../ingest/load/delete-channel';
import { loadExtraction } from '../ingest/load/load';
import type { Extraction } from '../ingest/model';
import { recordsToPlain } from '../db/to-plain';
import { readBenchArgs } from './lib/args';
import { channelFile } from './lib/channel-file';
import { describeMachine } from './lib/machine';
import { clearGraph, startBenchNeo4j } from './lib/neo4j';
import { prepareChannel } from './lib/pipeline';
import { newResult, round, writeResult } from './lib/results';

const SCRIPT = 'bench/channel-delete';
const GOAL_SECONDS = 30;
const SECOND_KEY = 'bench-second';

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

/** The generator names every channel alike: the second one gets a key (and post keys) of its own. */
function renamed(extraction: Extraction, key: string): Extraction {
  const from = `${extraction.channel.key}/`;
  return {
    ...extraction,
    channel: { ...extraction.channel, key, title: `${extraction.channel.title} (second)` },
    posts: extraction.posts.map((p) => ({ ...p, id: `${key}/${p.id.slice(from.length)}` })),
  };
}

/** Counts by label and type, and a hash of every node and relationship with its properties. */
async function fingerprint(driver: Driver): Promise<{ labels: unknown; types: unknown; hash: string }> {
  const rows = async (cypher: string) => recordsToPlain((await driver.executeQuery(cypher)).records);
  const labels = await rows('MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) AS n ORDER BY l');
  const types = await rows('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t');
  const nodes = await rows(
    'MATCH (n) RETURN labels(n) AS l, CASE WHEN n:Channel THEN n {.*, importedAt: null} ELSE properties(n) END AS p',
  );
  const rels = await rows(
    'MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b, properties(r) AS p',
  );
  const sorted = (o: unknown) =>
    JSON.stringify(o, (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
        : v,
    );
  const lines = [...nodes, ...rels].map(sorted).sort();
  return { labels, types, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts']);
  const posts = args.ints.posts ?? (args.quick ? 2_000 : 10_000);
  const started = performance.now();
  const result = newResult('channel-delete', args.quick, { posts });
  log(describeMachine(result.machine));
  const first = (await prepareChannel(channelFile(posts, 42))).extraction;
  const second = renamed((await prepareChannel(channelFile(posts, 7))).extraction, SECOND_KEY);

  const db = await startBenchNeo4j();
  try {
    await clearGraph(db.driver);
    await loadExtraction(db.driver, first);
    const alone = await fingerprint(db.driver);
    const load = await loadExtraction(db.driver, second);
    log(`loaded two ${posts}-post channels; the second in ${load.seconds.toFixed(1)} s`);
    const t0 = performance.now();
    let postsSeconds = 0;
    const deletion = await deleteChannel(db.driver, SECOND_KEY, {
      onProgress: (p) => {
        if (p.phase === 'posts' && p.done === p.total) postsSeconds = (performance.now() - t0) / 1000;
      },
    });
    const entitiesSeconds = deletion.seconds - postsSeconds;
    const after = await fingerprint(db.driver);
    const same = JSON.stringify(after) === JSON.stringify(alone);
    log(
      `deleted ${deletion.posts} posts, ${deletion.entities} entities (${deletion.keptEntities} kept) in ${deletion.seconds.toFixed(1)} s (posts, relations and orphans ${postsSeconds.toFixed(1)} s, then the kept entities and the rest ${entitiesSeconds.toFixed(1)} s); graph ${same ? 'identical to' : 'DIFFERS from'} the first channel alone`,
    );
    result.figures.push({
      benchmark: 'channel delete',
      metric: `${posts}-post channel: delete seconds`,
      value: round(deletion.seconds, 1),
      unit: 's',
      baseline: { name: 'loading the same channel', value: round(load.seconds, 1) },
      goal:
        posts >= 10_000 ? { text: `≤ ${GOAL_SECONDS} s`, met: deletion.seconds <= GOAL_SECONDS } : undefined,
      note: same
        ? `posts+relations+orphans ${postsSeconds.toFixed(1)} s, kept entities recomputed ${entitiesSeconds.toFixed(1)} s; graph identical to the first channel alone (${deletion.entities} entities deleted, ${deletion.keptEntities} kept)`
        : 'GRAPH DIFFERS from the first channel loaded alone',
    });
    result.details = { deletion, load, identical: same, postsSeconds, entitiesSeconds };
    log(`result: ${writeResult(result, started)}`);
    if (!same) process.exitCode = 1;
  } finally {
    await db.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
