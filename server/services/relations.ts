import type { Evidence, RelationEvidenceResponse } from '../api/contract';
import type { RelationType } from '../../vocabulary/types';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { requireEntities } from './require-entities';

export interface RelationEvidenceInput {
  from: string;
  to: string;
  type: RelationType;
  /** 1-based. */
  page: number;
  pageSize: number;
}

interface RelationEvidenceRow {
  total: number;
  items: Evidence[];
}

/**
 * One page of the evidence of a collapsed edge: every relationship of `type` from `from` to `to`
 * (one per post that states it), newest first, each with its post and sentence. Neighbourhoods
 * carry one sentence per edge (server/services/entities.ts); the details panel reads the rest here.
 * 404 when either entity does not exist; no such relationship is total 0 and no items.
 */
export async function getRelationEvidence(
  ctx: ServiceContext,
  input: RelationEvidenceInput,
): Promise<RelationEvidenceResponse> {
  const options = { origin: 'api/relations', timeoutMs: ctx.limits.queryTimeoutMs };
  const { from, to, type, page, pageSize } = input;
  // Both at once: the evidence query answers total 0 when an entity is missing, checked here.
  const [, [row]] = await Promise.all([
    requireEntities(
      ctx,
      [
        ['from', from],
        ['to', to],
      ],
      options,
    ),
    readRows<RelationEvidenceRow>(
      ctx.driver,
      apiQuery('relation-evidence'),
      { from, to, type, skip: (page - 1) * pageSize, limit: pageSize },
      options,
    ),
  ]);
  return { from, to, type, total: row?.total ?? 0, page, pageSize, items: row?.items ?? [] };
}
