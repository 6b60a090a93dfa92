import { Router } from 'express';
import type { ServiceContext } from '../../services/context';
import { getHealth } from '../../services/health';

export function healthRoutes(ctx: ServiceContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const health = await getHealth(ctx);
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
