import { Router } from 'express';
import type { FollowService } from '../../services/follows';

/**
 * GET /api/follows (followed channels, last fetch, last error, live progress), POST /api/follows
 * {channel} (follow and fetch now, 202), POST /api/follows/{channel}/refresh (fetch now, 202),
 * DELETE /api/follows/{channel} (stop following; posts stay, 204). Writes need the API token like
 * every non-GET route (middleware/security.ts).
 */
export function followRoutes(follows: FollowService): Router {
  const router = Router();

  router.get('/follows', async (_req, res) => {
    res.json(await follows.list());
  });

  router.post('/follows', async (req, res) => {
    const body: unknown = req.body;
    const channel = body && typeof body === 'object' ? (body as { channel?: unknown }).channel : undefined;
    res.status(202).json(await follows.follow(channel));
  });

  router.post('/follows/:channel/refresh', async (req, res) => {
    res.status(202).json(await follows.refresh(req.params.channel));
  });

  router.delete('/follows/:channel', async (req, res) => {
    await follows.unfollow(req.params.channel);
    res.status(204).end();
  });

  return router;
}
