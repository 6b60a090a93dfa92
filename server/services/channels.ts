/**
 * Channels as the API shows them: the list (GET /api/channels) and the undo of an import
 * (DELETE /api/channels/{key}), which runs ingest/load/delete-channel.ts on the import queue so it
 * never interleaves with an import's writes.
 */
import { deleteChannel, UnknownChannelError } from '../../ingest/load/delete-channel';
import type { ChannelDeletion, ChannelList, ChannelSummary } from '../api/contract';
import { NotFoundError } from '../errors';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import type { ImportQueue } from './imports';

/** Deleted entity keys listed in an answer at most (the count is in `entities`). */
const MAX_DELETED_KEYS = 10_000;

export async function listChannels(ctx: ServiceContext): Promise<ChannelList> {
  const channels = await readRows<ChannelSummary>(
    ctx.driver,
    apiQuery('channels'),
    {},
    { origin: 'api/channels', timeoutMs: ctx.limits.queryTimeoutMs },
  );
  return { channels };
}

/** Deletes a channel (or counts what would go); 404 for a key no imported channel has. */
export async function removeChannel(
  ctx: ServiceContext,
  queue: ImportQueue,
  key: string,
  dryRun: boolean,
): Promise<ChannelDeletion> {
  const run = () => deleteChannel(ctx.driver, key, { dryRun });
  try {
    // A dry run writes nothing, so it need not wait for imports in flight.
    const deletion = dryRun ? await run() : await queue.exclusive(run);
    return { ...deletion, deletedEntities: deletion.deletedEntities.slice(0, MAX_DELETED_KEYS) };
  } catch (error) {
    if (error instanceof UnknownChannelError) {
      throw new NotFoundError(`api/channels: no channel "${key}" in the graph`);
    }
    throw error;
  }
}
