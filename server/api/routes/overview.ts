import { Router, type RequestHandler } from 'express';
import type { ServiceContext } from '../../services/context';
import { getOverview } from '../../services/overview';

/** GET /api/overview: the explorer's first screen. Cached like the other reads (it changes only on import). */
export function overviewRoutes(ctx: ServiceContext, cached: RequestHandler): Router {
  const router = Router();
  router.get('/overview', cached, async (_req, res) => {
    res.json(await getOverview(ctx));
  });
  return router;
}
