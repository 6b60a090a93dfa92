/**
 * The import worker's body (see protocol.ts): prepares the files of workerData, posting progress,
 * then the prepared exports or the error. Loaded by bootstrap in prepare-in-worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../../../ingest/errors';
import { prepareFiles } from '../../../ingest/pipeline';
import type { PrepareJob, WorkerError, WorkerMessage } from './protocol';

export function toWorkerError(error: unknown): WorkerError {
  if (error instanceof InputError) {
    const { origin, file, what, where, hint } = error;
    return { name: error.name, message: error.message, input: { origin, file, what, where, hint } };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

async function run(job: PrepareJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  try {
    const prepared = await prepareFiles(job.files, {
      format: job.format,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', prepared });
  } catch (error) {
    post({ type: 'failed', error: toWorkerError(error) });
  }
}

// Only as a worker given a job: importing this module elsewhere (tests of toWorkerError) runs nothing.
const job = workerData as Partial<PrepareJob> | null;
if (parentPort && Array.isArray(job?.files)) void run(job as PrepareJob);
