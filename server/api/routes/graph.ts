import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { RELATION_TYPES } from '../../../vocabulary/types';
import type { ServiceContext } from '../../services/context';
import { NEIGHBOUR_EDGE_EVIDENCE, getEntity, getNeighbours } from '../../services/entities';
import { findPaths } from '../../services/paths';
import { getPost, getTimeline } from '../../services/posts';
import { getRelationEvidence } from '../../services/relations';
import { searchEntities } from '../../services/search';
import { boundedInt, entityTypesParam, keyParam, parseInput, relationTypesParam } from '../validation';
import { wildcardParam } from './params';

const searchQuery = z.object({
  q: z.string({ error: 'is required' }).max(200, { error: 'must be at most 200 characters' }),
  types: entityTypesParam,
  limit: boundedInt(1, 100, 20),
});
const entityQuery = z.object({ page: boundedInt(1, 100_000, 1), pageSize: boundedInt(1, 100, 20) });
const neighboursQuery = z.object({
  types: entityTypesParam,
  rels: relationTypesParam,
  depth: boundedInt(1, 2, 1),
  limit: boundedInt(1, 500, 100),
});
const pathsQuery = z.object({
  from: keyParam,
  to: keyParam,
  max: boundedInt(1, 6, 4),
  k: boundedInt(1, 10, 5),
  via: z.enum(['relations', 'posts', 'auto'], { error: 'must be relations, posts or auto' }).default('auto'),
});
const relationsQuery = z.object({
  from: keyParam,
  to: keyParam,
  type: z.enum(RELATION_TYPES, {
    error: (issue) =>
      issue.input === undefined ? 'is required' : `must be one of ${RELATION_TYPES.join(', ')}`,
  }),
  page: boundedInt(1, 100_000, 1),
  pageSize: boundedInt(1, 100, 20),
});
const timelineQuery = z.object({ key: keyParam.optional() });

/**
 * Read-only graph endpoints: search, entities, neighbourhoods, the evidence of one relationship,
 * paths, posts, timeline. `cached` (server/cache/response-cache.ts) answers repeated requests while the graph is unchanged.
 */
export function graphRoutes(ctx: ServiceContext, cached: RequestHandler): Router {
  const router = Router();

  router.get('/search', cached, async (req, res) => {
    res.json(await searchEntities(ctx, parseInput(searchQuery, req.query)));
  });

  router.get('/entities/*key/neighbours', cached, async (req, res) => {
    const key = parseInput(z.object({ key: keyParam }), { key: wildcardParam(req.params.key) }).key;
    const query = parseInput(neighboursQuery, req.query);
    // One sentence per edge: the panel asks /relations for the rest (NEIGHBOUR_EDGE_EVIDENCE says why).
    res.json(await getNeighbours(ctx, { key, ...query, evidencePerEdge: NEIGHBOUR_EDGE_EVIDENCE }));
  });

  router.get('/entities/*key', cached, async (req, res) => {
    const key = parseInput(z.object({ key: keyParam }), { key: wildcardParam(req.params.key) }).key;
    const { page, pageSize } = parseInput(entityQuery, req.query);
    res.json(await getEntity(ctx, key, page, pageSize));
  });

  router.get('/relations', cached, async (req, res) => {
    res.json(await getRelationEvidence(ctx, parseInput(relationsQuery, req.query)));
  });

  router.get('/paths', cached, async (req, res) => {
    res.json(await findPaths(ctx, parseInput(pathsQuery, req.query)));
  });

  router.get('/posts/*id', cached, async (req, res) => {
    const id = parseInput(z.object({ id: keyParam }), { id: wildcardParam(req.params.id) }).id;
    res.json(await getPost(ctx, id));
  });

  router.get('/timeline', cached, async (req, res) => {
    const { key } = parseInput(timelineQuery, req.query);
    res.json(await getTimeline(ctx, key ?? null));
  });

  return router;
}
