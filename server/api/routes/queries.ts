import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context';
import { runUserCypher } from '../../services/cypher-console';
import { listSavedQueries, runSavedQuery } from '../../services/saved-queries';
import type { SavedQueryDefinition } from '../../saved-queries/header';
import { boundedInt, parseInput } from '../validation';

const runBody = z.object({
  params: z.record(z.string(), z.unknown(), { error: 'must be an object of parameter values' }).default({}),
});
const nameParam = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/, { error: 'must be a saved query name (a-z, 0-9, -)' }),
});

export interface QueryRouteOptions {
  /** The per-client budget of heavy requests (middleware/rate-limit.ts), shared with exports. */
  limiter: RequestHandler;
  /** Answers repeated saved-query runs while the graph is unchanged (after the rate limit, which counts them all). */
  cached: RequestHandler;
}

/** Saved queries and the read-only Cypher console; both rate limited per client. */
export function queryRoutes(
  ctx: ServiceContext,
  savedQueries: Map<string, SavedQueryDefinition>,
  options: QueryRouteOptions,
): Router {
  const router = Router();
  const { limiter } = options;
  const cypherBody = z.object({
    query: z
      .string({ error: 'is required' })
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(20_000, { error: 'must be at most 20000 characters' }),
    params: z.record(z.string(), z.unknown(), { error: 'must be an object' }).default({}),
    limit: boundedInt(1, ctx.limits.maxRows, ctx.limits.maxRows),
  });

  router.get('/queries', (_req, res) => {
    res.json(listSavedQueries(savedQueries));
  });

  router.post('/queries/:name/run', limiter, options.cached, async (req, res) => {
    const { name } = parseInput(nameParam, req.params);
    // { params: {...} } as documented; a bare object of values (no "params" key) is taken as the params.
    const body: unknown = req.body ?? {};
    const wrapped = typeof body === 'object' && body !== null && 'params' in body;
    const { params } = parseInput(runBody, wrapped ? body : { params: body });
    res.json(await runSavedQuery(ctx, savedQueries, name, params));
  });

  router.post('/cypher', limiter, async (req, res) => {
    res.json(await runUserCypher(ctx, parseInput(cypherBody, req.body)));
  });

  return router;
}
