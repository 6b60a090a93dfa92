import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ApiError } from '../contract';

/**
 * One per-client budget for the requests that make the database work hard: console queries,
 * saved-query runs and exports. One budget, not one each: an export of a saved query runs the same
 * query as its run, and a separate budget would double what a client may ask for.
 */
export function heavyRequestLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      const body: ApiError = {
        error: {
          code: 'rate_limited',
          message: `api: at most ${perMinute} queries and exports a minute; wait and retry`,
        },
      };
      res.status(429).json(body);
    },
  });
}
