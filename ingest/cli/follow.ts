/**
 * npm run follow -- @name [@name…] [--since DATE] [--max-posts N] [--batch-size N]
 *
 * Follows public channels: fetches their t.me/s pages newer than what the graph holds, extracts and
 * writes them (the same loader as `npm run ingest`), and records the fetch. Writes to NEO4J_URI or
 * the embedded database (reusing a running one). TME_BASE_URL, FOLLOW_PAGE_DELAY_MS and
 * FOLLOW_TIMEOUT_MS apply (ingest/follow/config.ts). Exit code 0 when every channel was fetched, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { loadDatabaseConfig } from '../../db/config';
import { loadEnvFileIfPresent } from '../../db/env-file';
import { ensureDatabase, migrate, type Database } from '../../db';
import { parseChannelName } from '../follow/channel-name';
import { loadFollowConfig } from '../follow/config';
import { createFollowReporter, formatOutcomes } from './follow-report';
import { followChannels } from '../follow/follow-channels';
import { TmeClient } from '../follow/tme-client';

const USAGE = `usage: npm run follow -- @name [@name...] [--since YYYY-MM-DD] [--max-posts N] [--batch-size N]

  @name        a public channel (@name, name or https://t.me/name)
  --since      do not fetch posts older than this date (first follow, or a long pause)
  --max-posts  fetch at most the N newest posts with text per channel
  --batch-size rows per transaction (default 10000)`;

class UsageError extends Error {}

interface CliOptions {
  channels: string[];
  since?: Date;
  maxPosts?: number;
  batchSize?: number;
}

function readArgs(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        since: { type: 'string' },
        'max-posts': { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no channel given');
  let channels: string[];
  try {
    channels = [...new Set(positionals.map(parseChannelName))];
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let since: Date | undefined;
  if (values.since !== undefined) {
    since = new Date(values.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || Number.isNaN(since.getTime())) {
      throw new UsageError(`--since must be a date like 2026-01-31, got "${values.since}"`);
    }
  }
  return {
    channels,
    since,
    maxPosts: positiveInteger('--max-posts', values['max-posts'], 10_000_000),
    batchSize: positiveInteger('--batch-size', values['batch-size'], 100_000),
  };
}

function positiveInteger(name: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name} must be an integer 1-${max}, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const options = readArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  loadEnvFileIfPresent();
  const config = { ...loadDatabaseConfig(), follow: loadFollowConfig() };
  const report = createFollowReporter(process.stderr);
  const client = new TmeClient({
    pageDelayMs: config.follow.pageDelayMs,
    timeoutMs: config.follow.timeoutMs,
    onRetry: (e) =>
      report.log(`follow: ${e.url}: ${e.reason}; retry ${e.retry} in ${(e.waitMs / 1000).toFixed(1)} s`),
  });
  let database: Database | null = null;
  try {
    database = await ensureDatabase(config, { log: (message) => report.log(`follow: ${message}`) });
    await migrate(database.driver);
    const outcomes = await followChannels(database.driver, options.channels, {
      client,
      baseUrl: config.follow.baseUrl,
      since: options.since,
      maxPosts: options.maxPosts,
      batchSize: options.batchSize,
      onProgress: report.update,
    });
    report.stop();
    console.log(formatOutcomes(outcomes));
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    report.stop();
    await database?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `follow: ${message}\n${USAGE}` : `follow: ${message}`);
    if (process.env.DEBUG === '1' && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
