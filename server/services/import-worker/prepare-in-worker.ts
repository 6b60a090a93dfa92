import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../../ingest/errors';
import type { IngestProgress, PreparedExport } from '../../../ingest/pipeline';
import type { PrepareJob, WorkerError, WorkerMessage } from './protocol';

export interface PrepareOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Aborting terminates the worker; the promise then rejects with ImportCancelledError. */
  signal?: AbortSignal;
  /** The worker's module (tests point it at stand-ins); default worker.ts next to this file. */
  workerFile?: string;
}

export class ImportCancelledError extends Error {
  constructor() {
    super('api/imports: the import was cancelled before its files were read');
    this.name = 'ImportCancelledError';
  }
}

/** The error the worker reported, rebuilt: an InputError stays one, with its file and line. */
export function fromWorkerError(error: WorkerError): Error {
  if (error.input) {
    const { origin, file, what, where, hint } = error.input;
    return new InputError(origin, file, what, where, hint);
  }
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

/**
 * The project runs its TypeScript through tsx (npm start) or jest's transform; a worker thread
 * starts as plain Node, so it registers tsx's require hook before loading the .ts worker.
 */
function bootstrap(workerFile: string): string {
  const tsx = require.resolve('tsx/cjs/api');
  return `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(workerFile)});`;
}

/**
 * Parses, extracts and validates `job.files` in a worker thread (prepareFiles of ingest), so the
 * event loop stays free to answer requests meanwhile. Rejects with the worker's error (an
 * InputError naming file and line for bad input), if the worker dies, or when cancelled.
 */
export function prepareInWorker(job: PrepareJob, options: PrepareOptions = {}): Promise<PreparedExport[]> {
  const workerFile = options.workerFile ?? path.join(__dirname, 'worker.ts');
  return new Promise<PreparedExport[]>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ImportCancelledError());
    const worker = new Worker(bootstrap(workerFile), { eval: true, workerData: job });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', cancel);
      outcome();
      // The answer is in; a worker that lingers (open handles) must not hold the process.
      void worker.terminate();
    };
    const cancel = () => settle(() => reject(new ImportCancelledError()));
    options.signal?.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.progress);
      else if (message.type === 'done') settle(() => resolve(message.prepared));
      else settle(() => reject(fromWorkerError(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() =>
        reject(new Error(`api/imports: the import worker exited (code ${code}) without an answer`)),
      ),
    );
  });
}
