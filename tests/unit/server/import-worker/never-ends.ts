/** Stand-in import worker that never answers (busy forever), for the cancellation test. */
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ type: 'progress', progress: { phase: 'parse', done: 0, total: 1, source: 'x' } });
for (;;) {
  // Synchronous work that never yields, as parsing is: only terminating the thread stops it.
}
