/**
 * The ingest pipeline as the benchmarks run it: parseFile → extract → loadExtraction, each phase
 * timed. Same steps as ingestFiles (ingest/pipeline.ts), which has no way to raise the
 * parser's file size limit; the generated 100k-post channel is above the 64 MB default.
 */
import fs from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { extract } from '../../ingest/extract';
import { loadExtraction, type LoadSummary } from '../../ingest/load/load';
import type { Extraction } from '../../ingest/model';
import { parseFile } from '../../ingest/parse';

export interface PreparedChannel {
  extraction: Extraction;
  parseSeconds: number;
  extractSeconds: number;
}

export interface IngestTimes {
  parseSeconds: number;
  extractSeconds: number;
  loadSeconds: number;
  totalSeconds: number;
  fileMiB: number;
  rows: number;
  summary: LoadSummary;
}

/** Rows written by a load: posts, entities, mentions and entity-entity relationships. */
export function rowsOf(summary: LoadSummary): number {
  return (
    summary.posts +
    summary.entities +
    summary.mentions +
    Object.values(summary.relations).reduce((a, b) => a + b, 0)
  );
}

export async function prepareChannel(file: string): Promise<PreparedChannel> {
  let t = performance.now();
  // Raised explicitly: generated files are over the default limit on purpose.
  const parsed = await parseFile(file, { maxFileBytes: fs.statSync(file).size + 1 });
  const parseSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const extraction = extract(parsed);
  const extractSeconds = (performance.now() - t) / 1000;
  return { extraction, parseSeconds, extractSeconds };
}

export async function ingestChannelFile(driver: Driver, file: string): Promise<IngestTimes> {
  const started = performance.now();
  const { extraction, parseSeconds, extractSeconds } = await prepareChannel(file);
  const t = performance.now();
  const summary = await loadExtraction(driver, extraction);
  const loadSeconds = (performance.now() - t) / 1000;
  return {
    parseSeconds,
    extractSeconds,
    loadSeconds,
    totalSeconds: (performance.now() - started) / 1000,
    fileMiB: fs.statSync(file).size / 1024 ** 2,
    rows: rowsOf(summary),
    summary,
  };
}
