/**
 * The main thread's side of the layout worker: one shared worker, started on first use (or by
 * warmUpLayoutWorker), and a promise per layout. Where workers are unavailable (or the worker failed
 * to start) layoutOffThread rejects and the canvas lays out on the main thread instead.
 */
import type { FcoseRequest } from './fcose-positions';

export interface LayoutJob {
  id: number;
  request: FcoseRequest;
}

export type LayoutAnswer =
  { id: number; positions: Float64Array; computeMs: number } | { id: number; error: string };

interface Pending {
  resolve(positions: Float64Array): void;
  reject(error: Error): void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(message: string): void {
  for (const job of pending.values()) job.reject(new Error(message));
  pending.clear();
}

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    // Vite bundles the worker (with its own copy of Cytoscape and fcose) into a separate chunk.
    const started = new Worker(new URL('./layout.worker.ts', import.meta.url), {
      type: 'module',
      name: 'canvas-layout',
    });
    started.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      const answer = event.data;
      const job = pending.get(answer.id);
      if (!job) return;
      pending.delete(answer.id);
      if ('error' in answer) job.reject(new Error(`canvas/layout worker: ${answer.error}`));
      else {
        // How long fcose itself took in the worker (the rest of the wait is startup and transfer).
        performance.measure('canvas:worker-compute', { end: performance.now(), duration: answer.computeMs });
        job.resolve(answer.positions);
      }
    };
    // A worker that cannot load or crashed is not used again: the main thread takes over.
    started.onerror = (event) => {
      event.preventDefault();
      worker = null;
      started.terminate();
      failAll(`canvas/layout worker failed: ${event.message || 'could not start'}`);
    };
    worker = started;
  } catch {
    worker = null;
  }
  return worker;
}

/** Starts the worker ahead of the first layout, so loading it overlaps with fetching data. */
export function warmUpLayoutWorker(): void {
  startWorker();
}

/** False where workers are unsupported or the worker failed; layouts then run on the main thread. */
export function layoutWorkerAvailable(): boolean {
  return startWorker() !== null;
}

/**
 * Node positions (x0, y0, x1, y1, …, in request.nodes order) computed by fcose in the worker.
 * Rejects when the worker is unavailable, fails, or has not answered within timeoutMs.
 */
export function layoutOffThread(request: FcoseRequest, timeoutMs: number): Promise<Float64Array> {
  const target = startWorker();
  if (!target) return Promise.reject(new Error('canvas/layout worker: workers are not available'));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`canvas/layout worker: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    pending.set(id, {
      resolve: (positions) => {
        clearTimeout(timer);
        resolve(positions);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    const job: LayoutJob = { id, request };
    target.postMessage(job);
  });
}
