import { isRetryableStatus, parseRetryAfter, retryDelayMs } from '../../../ingest/follow/retry-policy';

const policy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };
const now = () => Date.parse('2026-12-01T12:00:00Z');

describe('retry policy', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 302, 400, 403, 404].some(isRetryableStatus)).toBe(false);
  });

  it('doubles the step on every retry, half of it fixed and half random (equal jitter)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, policy, () => 0, now))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, null, policy, () => 1, now))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than maxDelayMs for backoff', () => {
    expect(retryDelayMs(20, null, policy, () => 1, now)).toBe(60_000);
  });

  it('obeys Retry-After in seconds or as an HTTP date', () => {
    expect(retryDelayMs(1, '7', policy, () => 0.5, now)).toBe(7000);
    expect(retryDelayMs(1, 'Tue, 01 Dec 2026 12:00:30 GMT', policy, () => 0.5, now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('gives up (null) when Retry-After asks for more than maxDelayMs', () => {
    expect(retryDelayMs(1, '3600', policy, () => 0.5, now)).toBeNull();
  });
});
