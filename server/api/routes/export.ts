import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../export';
import { BadRequestError } from '../../errors';
import { MAX_BODY_DEPTH, nestsDeeperThan } from '../middleware/body-depth';
import type { ServiceContext } from '../../services/context';
import { exportGraph, type ExportSource } from '../../services/export';
import type { SavedQueryDefinition } from '../../saved-queries/header';
import { boundedInt, entityTypesParam, keyParam, parseInput, relationTypesParam } from '../validation';

const MAX_KEYS = 2000;
/** Without a source the whole graph is exported, if it has at most this many entities. */
const MAX_WHOLE_GRAPH = 5000;

const formatParam = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
});

/** Keys as a JSON array or a comma-separated string (entity keys may contain commas only in the JSON form). */
const keysParam = z
  .union([z.array(keyParam), z.string()])
  .transform((value) =>
    Array.isArray(value)
      ? value
      : value
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
  )
  .pipe(
    z
      .array(keyParam)
      .min(1, { error: 'must list at least one entity key' })
      .max(MAX_KEYS, { error: `must list at most ${MAX_KEYS} keys` }),
  );

const queryParams = z
  .union([
    z.record(z.string(), z.unknown()),
    z.string().transform((text, ctx) => {
      try {
        const value: unknown = JSON.parse(text);
        if (value && typeof value === 'object' && !Array.isArray(value))
          return value as Record<string, unknown>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of parameter values' });
      return z.NEVER;
    }),
  ])
  // From the query string they are no body: limitBodyDepth never saw them.
  .refine((params) => !nestsDeeperThan(params, MAX_BODY_DEPTH), {
    error: `must not nest deeper than ${MAX_BODY_DEPTH} levels`,
  });

const sourceSchema = z.object({
  keys: keysParam.optional(),
  key: keyParam.optional(),
  query: z.string().max(100).optional(),
  params: queryParams.optional(),
  depth: boundedInt(1, 2, 1),
  limit: boundedInt(1, 500, 100),
  types: entityTypesParam,
  rels: relationTypesParam,
});

/** GET takes everything from the query string, POST from the JSON body (format may be in either). */
function readSource(req: Request): ExportSource {
  const input = parseInput(
    sourceSchema,
    req.method === 'POST' ? { ...req.query, ...(req.body ?? {}) } : req.query,
  );
  const given = [input.keys && 'keys', input.key && 'key', input.query && 'query'].filter(Boolean);
  if (given.length > 1) {
    throw new BadRequestError(
      'give at most one of keys (entity keys), key (a neighbourhood) or query (a saved query)',
      'source',
    );
  }
  if (given.length === 0) return { kind: 'all', limit: MAX_WHOLE_GRAPH, rels: input.rels };
  if (input.keys) return { kind: 'keys', keys: input.keys, rels: input.rels };
  if (input.key) {
    return {
      kind: 'neighbourhood',
      key: input.key,
      depth: input.depth,
      limit: input.limit,
      types: input.types,
      rels: input.rels,
    };
  }
  return { kind: 'query', name: input.query as string, params: input.params ?? {} };
}

/** `limiter`: the heavy-request budget shared with queries (an export of a saved query runs it). */
export function exportRoutes(
  ctx: ServiceContext,
  savedQueries: Map<string, SavedQueryDefinition>,
  limiter: RequestHandler,
): Router {
  const router = Router();
  const handler = async (req: Request, res: Response) => {
    const { format } = parseInput(formatParam, { format: req.query.format ?? req.body?.format });
    const source = readSource(req);
    const file = await exportGraph(ctx, savedQueries, source, format);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.body);
  };
  router.get('/export', limiter, handler);
  router.post('/export', limiter, handler);
  return router;
}
