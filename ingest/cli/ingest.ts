/**
 * npm run ingest -- FILE... [--format F] [--dry-run] [--batch-size N] [--max-file-size MB]
 * npm run ingest -- --delete-channel KEY [--dry-run]
 *
 * Parses and extracts every file first (bad input writes nothing), then loads them into Neo4j:
 * the external NEO4J_URI, or the embedded database (reusing one that is already running).
 * Exit code 0 on success, 1 on any error (message only; DEBUG=1 adds the stack trace).
 */
import { parseArgs } from 'node:util';
import { SUPPORTED_FORMATS } from '../parse';
import type { SourceFormat } from '../model';
import { loadDatabaseConfig } from '../../db/config';
import { loadEnvFileIfPresent } from '../../db/env-file';
import { ensureDatabase, migrate, type Database } from '../../db';
import { createProgressReporter, formatDeletion, formatSummary } from './ingest-report';
import { ingestCypher } from '../load/cypher';
import { deleteChannel, UnknownChannelError } from '../load/delete-channel';
import { loadPrepared, prepareFiles, summarizePrepared } from '../pipeline';

const USAGE = `usage: npm run ingest -- FILE... [--format ${SUPPORTED_FORMATS.join('|')}] [--dry-run] [--batch-size N] [--max-file-size MB]
       npm run ingest -- --delete-channel KEY [--dry-run] [--batch-size N]

  FILE          an export: Telegram Desktop result.json or messages*.html (or their folder),
                a saved t.me/s page, or a text copy of posts
  --format F    skip format detection
  --dry-run     parse and extract only; print what would be written, touch no database
  --batch-size  rows per transaction (default 10000)
  --max-file-size  largest export file accepted, in MB (default 64)
  --delete-channel KEY  undo an import: delete the channel (its key: username or title slug),
                its posts, their mentions and relations, and the entities no other channel
                mentions; with --dry-run, print what would go (--batch-size: posts per transaction)`;

class UsageError extends Error {}

interface CliOptions {
  files: string[];
  deleteChannel?: string;
  format?: SourceFormat;
  dryRun: boolean;
  batchSize?: number;
  maxFileBytes?: number;
}

function readArgs(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        'max-file-size': { type: 'string' },
        'delete-channel': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const deleteKey = values['delete-channel'];
  if (deleteKey !== undefined) {
    if (positionals.length > 0) throw new UsageError('--delete-channel takes no export files');
    if (!deleteKey.trim()) throw new UsageError('--delete-channel needs a channel key');
  } else if (positionals.length === 0) throw new UsageError('no export file given');
  const format = values.format;
  if (format !== undefined && !(SUPPORTED_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format "${format}" (one of ${SUPPORTED_FORMATS.join(', ')})`);
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      throw new UsageError(`--batch-size must be an integer 1-100000, got "${values['batch-size']}"`);
    }
  }
  let maxFileBytes: number | undefined;
  if (values['max-file-size'] !== undefined) {
    const mb = Number(values['max-file-size']);
    if (!Number.isFinite(mb) || mb <= 0 || mb > 4096) {
      throw new UsageError(
        `--max-file-size must be a number of MB above 0 and up to 4096, got "${values['max-file-size']}"`,
      );
    }
    maxFileBytes = Math.round(mb * 1024 * 1024);
  }
  return {
    files: positionals,
    deleteChannel: deleteKey?.trim(),
    maxFileBytes,
    format: format as SourceFormat | undefined,
    dryRun: values['dry-run'],
    batchSize,
  };
}

async function main(argv: string[]): Promise<void> {
  const options = readArgs(argv);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  if (options.deleteChannel !== undefined) return removeChannel(options.deleteChannel, options);
  const started = performance.now();
  const progress = createProgressReporter(process.stderr);
  let database: Database | null = null;
  try {
    const prepared = await prepareFiles(options.files, {
      format: options.format,
      parse: options.maxFileBytes ? { maxFileBytes: options.maxFileBytes } : undefined,
      onProgress: progress.update,
    });
    if (!options.dryRun) {
      loadEnvFileIfPresent();
      const config = loadDatabaseConfig();
      database = await ensureDatabase(config, { log: (message) => progress.log(message) });
      await migrate(database.driver);
      await loadPrepared(database.driver, prepared, {
        batchSize: options.batchSize,
        onProgress: progress.update,
      });
    }
    progress.stop();
    console.log(formatSummary(summarizePrepared(prepared, options.dryRun, started)));
  } finally {
    progress.stop();
    await database?.stop();
  }
}

/** --delete-channel: needs the database even in a dry run (the counts come from the graph). */
async function removeChannel(key: string, options: CliOptions): Promise<void> {
  loadEnvFileIfPresent();
  const log = (message: string) => console.error(`ingest: ${message}`);
  const database = await ensureDatabase(loadDatabaseConfig(), { log });
  try {
    await migrate(database.driver);
    let deletion;
    try {
      deletion = await deleteChannel(database.driver, key, {
        dryRun: options.dryRun,
        batchSize: options.batchSize,
        onProgress: (p) =>
          log(
            p.phase === 'posts'
              ? `deleted posts ${p.done}/${p.total} (channel ${key})`
              : `recomputed ${p.done}/${p.total} entities other channels mention too`,
          ),
      });
    } catch (error) {
      if (!(error instanceof UnknownChannelError)) throw error;
      // A mistyped key: say which keys there are (the same list as GET /api/channels).
      const { records } = await database.driver.executeQuery(ingestCypher('channel-keys'));
      const keys = records.map((r) => r.get('key') as string);
      throw new Error(`${error.message} (imported channels: ${keys.join(', ') || 'none'})`, {
        cause: error,
      });
    }
    console.log(formatDeletion(deletion));
  } finally {
    await database.stop();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `ingest: ${message}\n${USAGE}` : `ingest: ${message}`);
    if (process.env.DEBUG === '1' && error instanceof Error) console.error(error.stack);
    process.exit(1);
  },
);
