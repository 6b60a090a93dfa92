import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Driver } from 'neo4j-driver';
import type { ImportStatus } from '../api/contract';
import {
  loadPrepared,
  summarizePrepared,
  type IngestProgress,
  type PreparedExport,
} from '../../ingest/pipeline';
import type { SourceFormat } from '../../ingest/model';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import { prepareInWorker } from './import-worker/prepare-in-worker';
import { importFailureReason } from './import-reason';

/** Finished imports are kept this long for GET /api/imports/{id}, then forgotten. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
const MAX_KEPT = 200;
/** New entity keys listed in a summary at most (the count is in `entities`). */
const MAX_NEW_ENTITIES = 500;

/** Share of the progress bar per load phase: parse+extract first, then the three write phases. */
const PHASE_SPAN: Record<IngestProgress['phase'], [number, number]> = {
  parse: [0, 0.3],
  entities: [0.3, 0.4],
  posts: [0.4, 0.95],
  finalize: [0.95, 1],
};

type Job = ImportStatus;

/**
 * Runs uploads through ingest (ingest/pipeline.ts) in the background, one at a time
 * (two loads at once would only contend for locks), parsing and extracting each in a worker
 * thread (import-worker/), and keeps their status in memory. Every
 * file is parsed, extracted and validated before the first write, so a bad file changes nothing.
 */
export class ImportQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly finishedAt = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();

  /** `onWritten` runs after every import that wrote to the graph, failed ones included (they may have written part). */
  constructor(
    private readonly driver: Driver,
    private readonly onWritten: () => void = () => undefined,
  ) {}

  /** Queues an uploaded temp file; it is deleted when its import ends, whatever the outcome. */
  enqueue(tempPath: string, originalName: string, format: SourceFormat | undefined): ImportStatus {
    this.forgetOld();
    const id = randomUUID();
    const job: Job = { id, state: 'queued', progress: 0, file: originalName };
    this.jobs.set(id, job);
    this.chain = this.chain.then(() => this.run(job, tempPath, format));
    return this.get(id);
  }

  get(id: string): ImportStatus {
    const job = this.jobs.get(id);
    if (!job) throw new NotFoundError(`api/imports: no import with id "${id}"`);
    return structuredClone(job);
  }

  /**
   * Runs another write to the graph (a channel delete) in the queue, after the imports queued
   * before it, so it never interleaves with an import's batches; `onWritten` runs after it.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.chain.then(async () => {
      try {
        return await work();
      } finally {
        this.onWritten();
      }
    });
    this.chain = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves when every queued import has ended (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private async run(job: Job, tempPath: string, format?: SourceFormat): Promise<void> {
    const started = performance.now();
    const onProgress = (p: IngestProgress) => {
      const [from, to] = PHASE_SPAN[p.phase];
      const share = p.total > 0 ? p.done / p.total : 1;
      job.progress = Math.max(job.progress, from + (to - from) * share);
    };
    let writing = false;
    try {
      job.state = 'parsing';
      // In a worker thread: parsing and extraction are seconds of synchronous work for a large
      // export, during which the API could not answer (health stalled 9.6 s for 200k posts).
      const prepared = await prepareInWorker({ files: [tempPath], format }, { onProgress });
      job.state = 'extracting';
      const newEntities = await this.newEntities(prepared);
      job.state = 'writing';
      writing = true;
      await loadPrepared(this.driver, prepared, { onProgress });
      const summary = summarizePrepared(prepared, false, started);
      job.summary = {
        posts: summary.posts,
        entities: summary.entities,
        relations: summary.relations,
        seconds: summary.seconds,
        newEntities: newEntities.slice(0, MAX_NEW_ENTITIES).map((e) => e.key),
        newEntityCount: newEntities.length,
        newEntityNames: Object.fromEntries(
          newEntities.slice(0, MAX_NEW_ENTITIES).map((e) => [e.key, e.name]),
        ),
      };
      job.state = 'done';
      job.progress = 1;
    } catch (error) {
      job.state = 'failed';
      // Ingest errors say what and where; the temp path means nothing to the user, the file name does.
      const message = error instanceof Error ? error.message : String(error);
      job.error = message.split(tempPath).join(job.file);
      job.reason = importFailureReason(error, job.file).split(tempPath).join(job.file);
    } finally {
      if (writing) this.onWritten();
      this.finishedAt.set(job.id, Date.now());
      await rm(tempPath, { force: true }).catch(() => undefined);
    }
  }

  /** Keys and names of the entities in the prepared exports that the graph does not have yet. */
  private async newEntities(prepared: PreparedExport[]): Promise<{ key: string; name: string }[]> {
    const names = new Map<string, string>();
    for (const p of prepared)
      for (const e of p.plan.entities) if (!names.has(e.key)) names.set(e.key, e.name);
    const keys = [...names.keys()];
    const existing = await readRows<{ key: string }>(
      this.driver,
      apiQuery('entity-exists'),
      { keys },
      {
        origin: 'api/imports',
        timeoutMs: 60_000,
      },
    );
    const known = new Set(existing.map((row) => row.key));
    return keys.filter((key) => !known.has(key)).map((key) => ({ key, name: names.get(key) ?? key }));
  }

  private forgetOld(): void {
    const now = Date.now();
    for (const [id, finished] of this.finishedAt) {
      if (now - finished > KEEP_FINISHED_MS || this.jobs.size > MAX_KEPT) {
        this.jobs.delete(id);
        this.finishedAt.delete(id);
      }
    }
  }
}
