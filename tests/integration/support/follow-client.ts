/**
 * A TmeClient for tests: no real waiting (the sleeps are recorded instead), a fixed "random" for
 * the jitter, and a short per-request timeout so the fixture server's hung response ends quickly.
 * The hang never answers, so the timeout fires whatever the machine load: no verdict depends on it.
 */
import { TmeClient } from '../../../ingest/follow/tme-client';

export interface TestClient {
  client: TmeClient;
  sleeps: number[];
}

export function testClient(options: { timeoutMs?: number; maxRetries?: number } = {}): TestClient {
  const sleeps: number[] = [];
  const client = new TmeClient({
    pageDelayMs: 0,
    // Long enough that no answer of the local server times out however loaded the machine is;
    // the timeout test passes its own short one (its hung request never answers at all).
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: { maxRetries: options.maxRetries ?? 3, baseDelayMs: 1000, maxDelayMs: 60_000 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => Date.parse('2026-12-01T12:00:00Z'),
  });
  return { client, sleeps };
}
