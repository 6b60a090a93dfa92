/**
 * When to retry a request to t.me and how long to wait first. Pure: the caller passes the random
 * source and the clock, so tests pin both and no verdict depends on timing.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so maxRetries + 1 requests at most). */
  maxRetries: number;
  /** First backoff step; doubled on every further retry. */
  baseDelayMs: number;
  /** No single wait is longer, whatever the server or the doubling says. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 120_000 };

/** 429 (rate limited) and 5xx (server trouble) are worth retrying; other statuses are answers. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * Wait before retry number `retry` (1-based). A Retry-After header wins (seconds or an HTTP date);
 * otherwise exponential backoff with "equal jitter": half the step fixed, half random, so that
 * clients that failed together do not come back together. Returns null when the server asks for a
 * longer wait than maxDelayMs: better to stop with a message than to hang for an hour.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: string | null,
  policy: RetryPolicy,
  random: () => number,
  now: () => number,
): number | null {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== null) return asked > policy.maxDelayMs ? null : asked;
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as milliseconds from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: () => number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now());
}
