/**
 * The HTTP client that talks to t.me: GET only, one request at a time per host with a pause
 * between requests (HostQueue), a timeout per request, retries with Retry-After or exponential
 * backoff with jitter on 429, 5xx, timeouts and network errors, and a User-Agent that names the
 * project. Sleep, randomness and clock are injected so tests control every wait.
 */
import { FetchError } from './errors';
import { HostQueue } from './host-queue';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy';

export const USER_AGENT =
  'ml-channel-graph/0.1 (follows public Telegram channel previews for a local entity graph; one request at a time)';

export interface TmeClientOptions {
  /** Pause between two requests to the same host (ms). */
  pageDelayMs: number;
  /** Longest wait for one response, headers and body (ms). */
  timeoutMs: number;
  retry?: RetryPolicy;
  userAgent?: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Told about every retry (the CLI prints it, the server keeps it in the follow's progress). */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  url: string;
  /** "HTTP 429", "HTTP 503", "timed out after 15000 ms", "connection refused" … */
  reason: string;
  retry: number;
  waitMs: number;
}

export interface TmeResponse {
  url: string;
  status: number;
  /** Location header of a redirect (the client never follows redirects itself). */
  location: string | null;
  body: string;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class TmeClient {
  private readonly queue: HostQueue;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: TmeClientOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.queue = new HostQueue(options.pageDelayMs, this.sleep);
  }

  /**
   * GET a page. Answers 2xx, 3xx and 4xx other than 429 are returned as they are (the caller
   * knows what a redirect or a 404 means for a channel); 429, 5xx and failures are retried and
   * then thrown as FetchError.
   */
  async get(url: string): Promise<TmeResponse> {
    const host = new URL(url).host;
    for (let retry = 0; ; retry++) {
      const outcome = await this.queue.run(host, () => this.once(url));
      const reason = 'status' in outcome ? `HTTP ${outcome.status}` : outcome.failure;
      if ('status' in outcome && !isRetryableStatus(outcome.status)) return outcome;
      if (retry >= this.retry.maxRetries) {
        throw new FetchError(
          url,
          `${reason} after ${retry + 1} attempts; try again later`,
          'status' in outcome ? outcome.status : null,
        );
      }
      const retryAfter = 'status' in outcome ? outcome.retryAfter : null;
      const waitMs = retryDelayMs(retry + 1, retryAfter, this.retry, this.random, this.now);
      if (waitMs === null) {
        throw new FetchError(
          url,
          `${reason}: the server asks to wait ${retryAfter} (Retry-After), longer than the ${this.retry.maxDelayMs / 1000} s this client waits; try again later`,
          'status' in outcome ? outcome.status : null,
        );
      }
      this.options.onRetry?.({ url, reason, retry: retry + 1, waitMs });
      await this.sleep(waitMs);
    }
  }

  private async once(
    url: string,
  ): Promise<(TmeResponse & { retryAfter: string | null }) | { failure: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'GET',
        redirect: 'manual',
        signal: controller.signal,
        headers: {
          'User-Agent': this.options.userAgent ?? USER_AGENT,
          Accept: 'text/html',
        },
      });
      const body = await response.text();
      return {
        url,
        status: response.status,
        location: response.headers.get('location'),
        retryAfter: response.headers.get('retry-after'),
        body,
      };
    } catch (error) {
      if (controller.signal.aborted) return { failure: `timed out after ${this.options.timeoutMs} ms` };
      return { failure: describeNetworkError(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** fetch() wraps the real reason (ECONNREFUSED, ENOTFOUND …) in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return `network error ${cause.code}`;
  return `network error: ${error instanceof Error ? error.message : String(error)}`;
}
