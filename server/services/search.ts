import type { EntityTypeName, SearchHit, SearchResponse } from '../api/contract';
import { normalizeName } from '../../vocabulary/keys';
import { apiQuery } from '../repositories/cypher-files';
import { readRows } from '../repositories/read';
import type { ServiceContext } from './context';
import { buildLuceneQuery } from './lucene';
import { rankHits } from './search-rank';

export interface SearchInput {
  q: string;
  types: EntityTypeName[] | null;
  limit: number;
}

/** Queries this short (after normalising) skip the full-text index: Lucene prefixes of 1-2 letters are noise. */
const SHORT_QUERY = 2;

/**
 * How many candidates the index is asked for, for `limit` hits: the exact name may score below
 * popular fuzzy matches in Lucene, and is put first only after the candidates are ranked by tier.
 */
function candidateCount(limit: number): number {
  return Math.min(Math.max(limit * 3, 60), 300);
}

/**
 * Full-text search on entity names and aliases (exact, prefix and fuzzy terms, as typed and
 * transliterated into the other script), with a substring match on the normalised name for very
 * short queries and for queries the index finds nothing for (e.g. names made only of symbols the
 * analyser drops, such as "c++"). Exact and alias matches rank first, then prefixes, then fuzzy ones.
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
      { lucene, types: input.types, limit: candidateCount(input.limit) },
      options,
    );
  }
  if (hits.length === 0) {
    hits = await readRows<SearchHit>(
      ctx.driver,
      apiQuery('search-contains'),
      { needle, types: input.types, limit: candidateCount(input.limit) },
      options,
    );
  }
  return { query: input.q, hits: rankHits(input.q, hits).slice(0, input.limit) };
}
