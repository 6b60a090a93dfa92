/**
 * What `npm run ingest` shows: a progress bar on a terminal, sparse progress lines otherwise (CI
 * logs, pipes), and the final summary. Kept apart from the CLI entry point so it can be tested.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { ChannelDeletion } from '../load/delete-channel';
import type { IngestProgress, IngestSummary } from '../pipeline';

export interface ProgressReporter {
  update(progress: IngestProgress): void;
  /** A message that must not garble the bar (e.g. "starting the embedded Neo4j"). */
  log(message: string): void;
  stop(): void;
}

const PHASE_LABEL: Record<IngestProgress['phase'], string> = {
  parse: 'parsing',
  entities: 'entities',
  posts: 'posts',
  finalize: 'statistics',
};

export function createProgressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new SingleBar(
    { stream, format: '{phase} |{bar}| {value}/{total} {source}', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  let phase: string | null = null;
  let active = false;
  return {
    update(p) {
      const key = `${p.phase} ${p.source}`;
      if (key !== phase) {
        if (active) bar.stop();
        bar.start(p.total, p.done, { phase: PHASE_LABEL[p.phase].padEnd(10), source: p.source });
        phase = key;
        active = true;
      } else {
        bar.update(p.done);
      }
    },
    log(message) {
      if (active) {
        bar.stop();
        active = false;
        phase = null;
      }
      stream.write(`ingest: ${message}\n`);
    },
    stop() {
      if (active) bar.stop();
      active = false;
      phase = null;
    },
  };
}

/** One line when a phase starts and at each further quarter of it. */
function lineReporter(stream: NodeJS.WriteStream | NodeJS.WritableStream): ProgressReporter {
  let phase: string | null = null;
  let nextQuarter = 0;
  return {
    update(p) {
      const key = `${p.phase} ${p.source}`;
      if (key !== phase) {
        phase = key;
        nextQuarter = 0;
      }
      const quarter = p.total === 0 ? 4 : Math.floor((p.done / p.total) * 4);
      if (quarter >= nextQuarter) {
        stream.write(`ingest: ${PHASE_LABEL[p.phase]} ${p.done}/${p.total} (${p.source})\n`);
        nextQuarter = quarter + 1;
      }
    },
    log(message) {
      stream.write(`ingest: ${message}\n`);
    },
    stop() {},
  };
}

export function formatSummary(summary: IngestSummary): string {
  const relationTypes = Object.entries(summary.relations).sort(([a], [b]) => a.localeCompare(b));
  const relationTotal = relationTypes.reduce((n, [, count]) => n + count, 0);
  const lines = [
    summary.dryRun ? 'Dry run: nothing was written. It would write:' : 'Ingested:',
    ...summary.exports.map((e) => `  ${e.source}: channel ${e.channel}, ${e.posts} posts`),
    `  posts:     ${summary.posts}`,
    `  entities:  ${summary.entities}`,
    `  mentions:  ${summary.mentions}`,
    `  relations: ${relationTotal}`,
    ...relationTypes.map(([type, count]) => `    ${type.padEnd(13)} ${count}`),
    `  seconds:   ${summary.seconds.toFixed(1)}`,
  ];
  const warnings = summary.exports.flatMap((e) => e.warnings.map((w) => `  warning: ${w}`));
  return [...lines, ...warnings].join('\n');
}

/** The summary of `npm run ingest -- --delete-channel KEY` (with --dry-run: what would go). */
export function formatDeletion(deletion: ChannelDeletion): string {
  return [
    deletion.dryRun
      ? `Dry run: nothing was deleted. Deleting channel ${deletion.key} (${deletion.title}) would remove:`
      : `Deleted channel ${deletion.key} (${deletion.title}):`,
    `  posts:     ${deletion.posts}`,
    `  mentions:  ${deletion.mentions}`,
    `  relations: ${deletion.relations}`,
    `  entities:  ${deletion.entities} (mentioned by no other channel)`,
    `  kept:      ${deletion.keptEntities} entities other channels mention too`,
    `  seconds:   ${deletion.seconds.toFixed(1)}`,
  ].join('\n');
}
