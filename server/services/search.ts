import type { EntityTypeName, SearchHit, SearchResponse } from '../api/contract';
import { normalizeName } from '../../vocabulary/keys';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { buildLuceneQuery } from './lucene';

export interface SearchInput {
  q: string;
  types: EntityTypeName[] | null;
  limit: number;
}

/** Queries this short (after normalising) skip the full-text index: Lucene prefixes of 1-2 letters are noise. */
const SHORT_QUERY = 2;

/**
 * Full-text search on entity names and aliases (exact, prefix and fuzzy terms, any script), with
 * a substring match on the normalised name for very short queries and for queries the index
 * finds nothing for (e.g. names made only of symbols the analyser drops, such as "c++").
 */
export async function searchEntities(ctx: ServiceContext, input: SearchInput): Promise<SearchResponse> {
  const needle = normalizeName(input.q);
  if (needle === '') return { query: input.q, hits: [] };
  const options = { origin: 'api/search', timeoutMs: ctx.limits.queryTimeoutMs };
  const lucene = needle.length > SHORT_QUERY ? buildLuceneQuery(input.q) : null;
  let hits: SearchHit[] = [];
  if (lucene) {
    hits = await readRows<SearchHit>(
      ctx.driver,
      apiQuery('search-fulltext'),
      { lucene, types: input.types, limit: input.limit },
      options,
    );
  }
  if (hits.length === 0) {
    hits = await readRows<SearchHit>(
      ctx.driver,
      apiQuery('search-contains'),
      { needle, types: input.types, limit: input.limit },
      options,
    );
  }
  return { query: input.q, hits };
}
