import type { ManagedTransaction, Session } from 'neo4j-driver';
import { LoadError } from '../../../ingest/load/errors';
import { isTransactionTimeout, writeSplitting } from '../../../ingest/load/load';

/**
 * A stand-in session for the splitting rule alone (no database): a transaction over more than
 * `limit` items fails the way Neo4j reports a transaction timeout.
 */
function sessionTimingOutAbove(limit: number, code = 'Neo.ClientError.Transaction.TransactionTimedOut') {
  const attempts: number[] = [];
  const session = {
    async executeWrite<R>(work: (tx: ManagedTransaction) => Promise<R>): Promise<R> {
      return work({} as ManagedTransaction);
    },
  };
  const work = async (_tx: ManagedTransaction, items: number[]) => {
    attempts.push(items.length);
    if (items.length > limit)
      throw Object.assign(new Error('The transaction has been terminated.'), { code });
    return items;
  };
  return { session: session as unknown as Session, work, attempts };
}

describe('writeSplitting', () => {
  it('writes a batch that times out as halves, in order, until each part fits', async () => {
    const { session, work, attempts } = sessionTimingOutAbove(2);
    const parts = await writeSplitting(session, 'post batch 1 of 1', [1, 2, 3, 4, 5], work);
    expect(parts).toEqual([[1, 2], [3], [4, 5]]);
    expect(attempts).toEqual([5, 3, 2, 1, 2]);
  });

  it('gives up with a LoadError naming the batch when a single item times out', async () => {
    const { session, work } = sessionTimingOutAbove(0);
    await expect(writeSplitting(session, 'post batch 2 of 9', [1, 2], work)).rejects.toThrow(LoadError);
    await expect(writeSplitting(session, 'post batch 2 of 9', [1, 2], work)).rejects.toThrow(
      /^ingest\/load: writing post batch 2 of 9 failed: The transaction has been terminated\./,
    );
  });

  it('does not split on other errors', async () => {
    const { session, work, attempts } = sessionTimingOutAbove(1, 'Neo.ClientError.Statement.SyntaxError');
    await expect(writeSplitting(session, 'entity batch 1 of 1', [1, 2, 3], work)).rejects.toThrow(LoadError);
    expect(attempts).toEqual([3]);
  });
});

describe('isTransactionTimeout', () => {
  it('recognises both timeout codes and nothing else', () => {
    expect(isTransactionTimeout({ code: 'Neo.ClientError.Transaction.TransactionTimedOut' })).toBe(true);
    expect(
      isTransactionTimeout({ code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' }),
    ).toBe(true);
    expect(isTransactionTimeout({ code: 'ServiceUnavailable' })).toBe(false);
    expect(isTransactionTimeout(new Error('timed out'))).toBe(false);
    expect(isTransactionTimeout(null)).toBe(false);
  });
});
