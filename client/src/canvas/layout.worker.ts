/**
 * The layout worker: runs fcose (fcose-positions.ts) off the main thread, so that a large graph's
 * layout and the main thread's style computation run at the same time and the page stays
 * responsive. One message in (LayoutJob), one out (LayoutAnswer), matched by id.
 */
import { computeFcosePositions } from './fcose-positions';
import type { LayoutAnswer, LayoutJob } from './layout-worker-client';

self.onmessage = (event: MessageEvent<LayoutJob>) => {
  const { id, request } = event.data;
  let answer: LayoutAnswer;
  try {
    const started = performance.now();
    const positions = computeFcosePositions(request);
    answer = { id, positions, computeMs: performance.now() - started };
    (self as unknown as Worker).postMessage(answer, [positions.buffer]);
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
    (self as unknown as Worker).postMessage(answer);
  }
};
