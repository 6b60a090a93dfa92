/** What to do after a failed write of an import, and of a channel delete (ingest/load/delete-channel.ts). */
export const RETRY_IMPORT =
  'Batches already written are kept; run the same import again to complete it (writes are idempotent).';
export const RETRY_DELETE = 'Batches already deleted stay deleted; run the same delete again to complete it.';

/**
 * A write that failed after the input was accepted: the database went away, a batch timed out.
 * Batches are idempotent, so the message tells the user that running the same import again
 * completes it. The driver's error stays available as `cause`.
 */
export class LoadError extends Error {
  constructor(what: string, cause: unknown, retry: string = RETRY_IMPORT) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : '';
    super(`ingest/load: ${what}${reason ? `: ${reason}` : ''}. ${retry}`, { cause });
    this.name = 'LoadError';
  }
}
