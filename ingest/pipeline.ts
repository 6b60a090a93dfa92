/**
 * The ingest pipeline, export file(s) → graph: parse (./parse) → extract (./extract) → load (./load).
 * Used by `npm run ingest`, the upload endpoint (POST /api/imports) and the demo loader
 * (./demo/load-demo.ts). Every file is parsed, extracted and validated before the first write, so a
 * bad file anywhere in the list writes nothing.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { extract } from './extract';
import type { SourceFormat } from './model';
import { parseFile, parseFiles, type ParseOptions } from './parse';
import { loadPlan, type LoadProgress, type LoadSummary } from './load/load';
import { planCounts, planLoad, type LoadPlan } from './load/plan';

export interface IngestProgress {
  phase: 'parse' | LoadProgress['phase'];
  done: number;
  total: number;
  /** The export being worked on (file, or pages joined by ", "). */
  source: string;
}

export interface IngestOptions {
  /** Skip format detection. */
  format?: SourceFormat;
  /** Further parser options (size limits, the chat of a full-account export, a known @username). */
  parse?: Omit<ParseOptions, 'format'>;
  /** Parse, extract and validate only: report what would be written, touch no database. */
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface ExportSummary {
  source: string;
  channel: string;
  posts: number;
  warnings: string[];
}

export interface IngestSummary extends LoadSummary {
  dryRun: boolean;
  /** One entry per export read (Telegram Desktop HTML pages of one folder count as one export). */
  exports: ExportSummary[];
}

/** A parsed, extracted and validated export, ready to load. */
export interface PreparedExport {
  source: string;
  plan: LoadPlan;
  warnings: string[];
}

export async function ingestFiles(
  driver: Driver | null,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const prepared = await prepareFiles(paths, options);
  if (options.dryRun) return summarizePrepared(prepared, true, started);
  if (!driver) throw new Error('ingest: ingestFiles needs a driver unless dryRun is set');
  await loadPrepared(driver, prepared, options);
  return summarizePrepared(prepared, false, started);
}

/**
 * Parses, extracts and validates every export; throws (InputError) on the first bad one. HTML pages
 * of one folder (messages.html, messages2.html, …) are one export; any other file stands alone.
 */
export async function prepareFiles(paths: string[], options: IngestOptions = {}): Promise<PreparedExport[]> {
  if (paths.length === 0) throw new Error('ingest: no export files given');
  const groups = groupExportFiles(paths);
  const prepared: PreparedExport[] = [];
  for (const [i, group] of groups.entries()) {
    const source = group.join(', ');
    const opts: ParseOptions = { ...options.parse, ...(options.format ? { format: options.format } : {}) };
    const parsed = group.length === 1 ? await parseFile(group[0], opts) : await parseFiles(group, opts);
    const plan = planLoad(extract(parsed), source);
    prepared.push({ source, plan, warnings: parsed.warnings });
    options.onProgress?.({ phase: 'parse', done: i + 1, total: groups.length, source });
  }
  return prepared;
}

export async function loadPrepared(
  driver: Driver,
  prepared: PreparedExport[],
  options: Pick<IngestOptions, 'batchSize' | 'onProgress'> = {},
): Promise<void> {
  for (const { source, plan } of prepared) {
    await loadPlan(driver, plan, {
      batchSize: options.batchSize,
      onProgress: options.onProgress && ((p) => options.onProgress?.({ ...p, source })),
    });
  }
}

/** HTML files that share a folder are pages of one export; everything else is its own export. */
export function groupExportFiles(paths: string[]): string[][] {
  const groups: string[][] = [];
  const htmlByFolder = new Map<string, string[]>();
  for (const file of paths) {
    if (/\.html?$/i.test(file)) {
      const folder = path.dirname(path.resolve(file));
      let pages = htmlByFolder.get(folder);
      if (!pages) {
        pages = [];
        htmlByFolder.set(folder, pages);
        groups.push(pages);
      }
      pages.push(file);
    } else {
      groups.push([file]);
    }
  }
  return groups;
}

/** Counts of what the prepared exports write; `started` is a performance.now() timestamp. */
export function summarizePrepared(
  prepared: PreparedExport[],
  dryRun: boolean,
  started: number,
): IngestSummary {
  const relations: Record<string, number> = {};
  const entityKeys = new Set<string>();
  let posts = 0;
  let mentions = 0;
  for (const { plan } of prepared) {
    const counts = planCounts(plan);
    posts += counts.posts;
    mentions += counts.mentions;
    for (const e of plan.entities) entityKeys.add(e.key);
    for (const [type, n] of Object.entries(counts.relations)) relations[type] = (relations[type] ?? 0) + n;
  }
  return {
    posts,
    entities: entityKeys.size,
    relations,
    mentions,
    seconds: (performance.now() - started) / 1000,
    dryRun,
    exports: prepared.map(({ source, plan, warnings }) => ({
      source,
      channel: plan.channel.key,
      posts: plan.posts.length,
      warnings,
    })),
  };
}
