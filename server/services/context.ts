import type { Driver } from 'neo4j-driver';
import type { SupervisionStatus } from '../../db/supervisor';

/** Bounds every service works within; defaults in DEFAULT_LIMITS, overridable per app (tests). */
export interface ApiLimits {
  /** Timeout of the API's own queries. */
  queryTimeoutMs: number;
  /** Timeout of user-written queries (POST /api/cypher, saved queries). */
  userQueryTimeoutMs: number;
  /** Rows returned by a user query at most; more set `truncated`. */
  maxRows: number;
  /** Graph elements (nodes + edges) returned with a query result at most. */
  maxElements: number;
  /**
   * Bytes of a user query's answer at most (its JSON: rows and elements); rows past it are not
   * read and the answer says `truncated: 'bytes'`. MAX_ANSWER_MB.
   */
  maxAnswerBytes: number;
  /**
   * Timeout of the health check, kept short so a stuck database answers 503 quickly: the answer
   * comes within this plus DEADLINE_GRACE_MS (2 s by default) even when the database is frozen.
   */
  healthTimeoutMs: number;
  /**
   * Links the path search reads at most (server/services/path-search.ts): what keeps its cost down
   * around hubs. A count, not a time, so that where it stops depends on the graph only; past it
   * the answer searches fewer hops and says so (PathsResponse.searchedHops).
   */
  pathMaxLinks: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  queryTimeoutMs: 20_000,
  userQueryTimeoutMs: 10_000,
  maxRows: 1000,
  maxElements: 2000,
  maxAnswerBytes: 16 * 1024 * 1024,
  healthTimeoutMs: 1000,
  pathMaxLinks: 20_000,
};

export interface ServiceContext {
  driver: Driver;
  limits: ApiLimits;
  /** The embedded database's supervisor when this process runs it; health reports a restart. */
  supervision?: { status(): SupervisionStatus } | null;
}
