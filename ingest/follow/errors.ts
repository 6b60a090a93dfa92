/**
 * What can stop the follow of one channel. Each names the channel and, where there is one, the
 * page (URL) it happened on, so the user can open that page in a browser and see for themselves.
 * A FollowError stops that channel only; the other channels of the run go on.
 */
export class FollowError extends Error {
  constructor(
    readonly channel: string,
    readonly what: string,
    readonly url: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(`follow @${channel}: ${url ? `${url}: ` : ''}${what}`, options);
    this.name = 'FollowError';
  }
}

/** A request that failed after every retry (network error, timeout, 429/5xx), or was refused. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly what: string,
    /** HTTP status when the server answered, else null (timeout, connection refused). */
    readonly status: number | null,
  ) {
    super(`${url}: ${what}`);
    this.name = 'FetchError';
  }
}
