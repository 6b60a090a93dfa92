/**
 * Follow benchmark: posts/s of a first follow of a 10k-post channel (--quick: 2k) served by the
 * local t.me stand-in (tests/support/tme-fixture, 20 posts a page like t.me) with the page delay
 * at 0, into a fresh private embedded Neo4j: fetch every page, parse, extract, load, record. Then
 * a second follow with nothing new (one page) and one after 100 new posts. The posts are those of
 * the ingest benchmark's synthetic channel (bench/generate-channel.ts), rendered as t.me pages.
 * Baseline, same run and database, before the follow: ingest of the same posts from the JSON
 * export file (parse + extract + load), so the figure shows what fetching pages adds.
 *
 *   npx tsx bench/follow.bench.ts [--posts 10000] [--quick]
 */
import { followChannel } from '../ingest/follow/follow-channel';
import { TmeClient } from '../ingest/follow/tme-client';
import { generateChannel } from './generate-channel';
import { readBenchArgs } from './lib/args';
import { describeMachine } from './lib/machine';
import { channelFile } from './lib/channel-file';
import { clearGraph, graphCounts, startBenchNeo4j, BENCH_HEAP, BENCH_PAGECACHE } from './lib/neo4j';
import { ingestChannelFile } from './lib/pipeline';
import { newResult, round, writeResult } from './lib/results';
import type { FixturePost } from '../tests/support/tme-fixture/pages';
import { TmeFixtureServer } from '../tests/support/tme-fixture/server';

const SCRIPT = 'bench/follow';
const CHANNEL = 'synthetic_ml';

function log(message: string): void {
  console.error(`${SCRIPT}: ${message}`);
}

interface JsonMessage {
  id: number;
  date_unixtime: string;
  text: string | (string | { text: string; href: string })[];
}

/** The synthetic export's messages as fixture posts (a text_link becomes [words](url)). */
function fixturePosts(count: number): FixturePost[] {
  const { messages } = generateChannel({ posts: count }) as { messages: JsonMessage[] };
  return messages.map((m) => ({
    id: m.id,
    date: new Date(Number(m.date_unixtime) * 1000).toISOString().replace('Z', '+00:00').replace('.000', ''),
    text:
      typeof m.text === 'string'
        ? m.text
        : m.text.map((p) => (typeof p === 'string' ? p : `[${p.text}](${p.href})`)).join(''),
  }));
}

async function main(): Promise<void> {
  const args = readBenchArgs(SCRIPT, ['posts']);
  const posts = args.ints.posts ?? (args.quick ? 2_000 : 10_000);
  const started = performance.now();
  const result = newResult('follow', args.quick, {
    posts,
    pageSize: 20,
    pageDelayMs: 0,
    neo4jHeap: BENCH_HEAP,
    neo4jPageCache: BENCH_PAGECACHE,
  });
  log(describeMachine(result.machine));
  const all = fixturePosts(posts + 100);
  const tme = new TmeFixtureServer();
  const baseUrl = await tme.start();
  const channel = {
    username: CHANNEL,
    title: 'Synthetic ML Channel',
    subscribers: 1000,
    description: 'benchmark',
    posts: all.slice(0, posts),
  };
  tme.addChannel(channel);
  const db = await startBenchNeo4j();
  log(`embedded Neo4j ready in ${db.startSeconds.toFixed(1)} s; local t.me at ${baseUrl}`);
  const client = new TmeClient({ pageDelayMs: 0, timeoutMs: 60_000 });
  try {
    log(`baseline: ingest of the same ${posts} posts from a JSON export`);
    const baseline = await ingestChannelFile(db.driver, channelFile(posts));
    log(
      `baseline: ${Math.round(posts / baseline.totalSeconds)} posts/s (${baseline.totalSeconds.toFixed(1)} s)`,
    );
    await clearGraph(db.driver);
    let fetchDone = 0;
    const first = performance.now();
    const firstRun = await followChannel(db.driver, CHANNEL, {
      client,
      baseUrl,
      onProgress: (p) => {
        if (p.phase === 'fetch') fetchDone = performance.now();
      },
    });
    const firstSeconds = (performance.now() - first) / 1000;
    const fetchSeconds = (fetchDone - first) / 1000;
    log(
      `first follow: ${firstRun.pages} pages, ${firstRun.posts} posts in ${firstSeconds.toFixed(1)} s (${Math.round(firstRun.posts / firstSeconds)} posts/s)`,
    );

    const second = performance.now();
    const nothingNew = await followChannel(db.driver, CHANNEL, { client, baseUrl });
    const nothingNewSeconds = (performance.now() - second) / 1000;

    channel.posts = all;
    const third = performance.now();
    const hundredNew = await followChannel(db.driver, CHANNEL, { client, baseUrl });
    const hundredNewSeconds = (performance.now() - third) / 1000;
    log(
      `nothing new: ${nothingNew.pages} page in ${nothingNewSeconds.toFixed(2)} s; 100 new: ${hundredNew.pages} pages in ${hundredNewSeconds.toFixed(2)} s`,
    );

    result.figures.push(
      {
        benchmark: 'follow',
        metric: `first follow of ${posts.toLocaleString('en')} posts, page delay 0 (fetch+parse+extract+load)`,
        value: round(firstRun.posts / firstSeconds, 0),
        unit: 'posts/s',
        baseline: {
          name: 'ingest of the same posts from a JSON export',
          value: round(posts / baseline.totalSeconds, 0),
        },
        note: `${firstRun.pages} pages in ${round(firstSeconds, 1)} s; pages fetched and parsed by ${round(fetchSeconds, 1)} s`,
      },
      {
        benchmark: 'follow',
        metric: 'second follow, nothing new',
        value: round(nothingNewSeconds, 2),
        unit: 's',
        note: `${nothingNew.pages} page fetched`,
      },
      {
        benchmark: 'follow',
        metric: 'follow after 100 new posts',
        value: round(hundredNewSeconds, 2),
        unit: 's',
        note: `${hundredNew.pages} pages fetched, ${hundredNew.posts} posts written`,
      },
    );
    result.details = {
      firstSeconds,
      fetchSeconds,
      baseline: {
        seconds: baseline.totalSeconds,
        parse: baseline.parseSeconds,
        extract: baseline.extractSeconds,
        load: baseline.loadSeconds,
      },
      loadSeconds: firstRun.load?.seconds ?? null,
      pages: firstRun.pages,
      requests: tme.requests.length,
      graph: await graphCounts(db.driver),
    };
  } finally {
    await db.dispose();
    await tme.stop();
  }
  const file = writeResult(result, started);
  log(`wrote ${file}`);
  console.log(JSON.stringify(result.figures, null, 2));
}

main().catch((error: unknown) => {
  console.error(`${SCRIPT}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
