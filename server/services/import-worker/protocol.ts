/**
 * Messages between the API and the import worker (worker.ts). Import parsing and extraction are
 * synchronous CPU work of seconds for a large export; in a worker thread they no longer stop the
 * API's event loop (health stalled 9.6 s during a 200k-post import when they ran on it).
 *
 * The API starts one worker per import with PrepareJob as workerData; the worker answers with
 * progress messages and then exactly one `done` or `failed`. Cancelling is terminating the worker:
 * parsing never yields, so a "cancel" message would only be read once the work is over.
 */
import type { IngestProgress, PreparedExport } from '../../../ingest/pipeline';
import type { SourceFormat } from '../../../ingest/model';

export interface PrepareJob {
  files: string[];
  format?: SourceFormat;
}

/** An error as it crosses the thread boundary: InputError's fields kept, so it is rebuilt as one. */
export interface WorkerError {
  name: string;
  message: string;
  input?: { origin: string; file: string; what: string; where: string | null; hint: string | null };
}

export type WorkerMessage =
  | { type: 'progress'; progress: IngestProgress }
  | { type: 'done'; prepared: PreparedExport[] }
  | { type: 'failed'; error: WorkerError };
