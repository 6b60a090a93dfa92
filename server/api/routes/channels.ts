import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context';
import { listChannels, removeChannel } from '../../services/channels';
import type { ImportQueue } from '../../services/imports';
import { keyParam, parseInput } from '../validation';

const deleteQuery = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/**
 * GET /api/channels (the imported channels, cached like every read) and DELETE
 * /api/channels/{key} (undo an import; ?dryRun=1 only counts what would go). The delete needs the
 * API token like every non-GET route (middleware/security.ts), a dry run included: it answers
 * the confirmation of the same write.
 */
export function channelRoutes(ctx: ServiceContext, imports: ImportQueue, cached: RequestHandler): Router {
  const router = Router();

  router.get('/channels', cached, async (_req, res) => {
    res.json(await listChannels(ctx));
  });

  router.delete('/channels/:key', async (req, res) => {
    const { key } = parseInput(z.object({ key: keyParam }), { key: req.params.key });
    const { dryRun } = parseInput(deleteQuery, req.query);
    res.json(await removeChannel(ctx, imports, key, dryRun));
  });

  return router;
}
