/**
 * A write that failed after the input was accepted: the database went away, a batch timed out.
 * Batches are idempotent, so the message tells the user that running the same import again
 * completes it. The driver's error stays available as `cause`.
 */
export class LoadError extends Error {
  constructor(what: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : '';
    super(
      `ingest/load: ${what}${reason ? `: ${reason}` : ''}. ` +
        'Batches already written are kept; run the same import again to complete it (writes are idempotent).',
      { cause },
    );
    this.name = 'LoadError';
  }
}
