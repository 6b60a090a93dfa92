/**
 * JSON shapes of the explorer API (/api/...). The server returns them and the client imports
 * these types (type-only), so both sides change together. /api/openapi.json describes the same.
 */

export type EntityTypeName =
  'Organization' | 'Person' | 'Model' | 'Library' | 'Dataset' | 'Repository' | 'Event' | 'Product';

/** Every error: HTTP status from the error kind, body { error: { code, message } }. */
export interface ApiError {
  error: {
    code:
      | 'bad_request'
      | 'not_found'
      | 'unavailable'
      | 'timeout'
      | 'forbidden'
      | 'rate_limited'
      | 'too_large'
      | 'internal';
    message: string;
  };
}

export interface HealthResponse {
  /** 'restarting': the embedded database died and the server is starting it again. */
  status: 'ok' | 'unavailable' | 'restarting';
  database: {
    reachable: boolean;
    version?: string;
    edition?: string;
    nodes?: number;
    relationships?: number;
    message?: string;
    /** While status is 'restarting'. */
    restart?: {
      /** The restart attempt under way or next (1 for the first after the crash). */
      attempt: number;
      /** When the database was seen to die (ISO 8601). */
      since: string;
      reason: string;
    };
  };
}

export interface SearchHit {
  key: string;
  name: string;
  type: EntityTypeName;
  aliases: string[];
  mentionCount: number;
  score: number;
}
export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

/** Cytoscape element JSON. Node ids are entity keys (or "post:<key>" for posts); edge ids are stable strings. */
export interface NodeData {
  id: string;
  label: string;
  /** Entity type, or 'Post' / 'Channel'. */
  type: string;
  mentionCount?: number;
  degree?: number;
  firstSeen?: string | null;
  lastSeen?: string | null;
  [extra: string]: unknown;
}
export interface EdgeData {
  id: string;
  source: string;
  target: string;
  /** Relationship type (RELEASED, HAS_REPO, ...). Parallel relationships of one type between
   *  the same two entities (one per post) are collapsed into one edge with `count` and `posts`. */
  type: string;
  count: number;
  posts: string[];
  /** Distinct sentences stating it: at most one in neighbourhoods (the rest: GET /api/relations),
   *  up to five in exports. */
  evidence: string[];
  firstDate?: string | null;
  [extra: string]: unknown;
}
export interface CyElement {
  group: 'nodes' | 'edges';
  data: NodeData | EdgeData;
}
export interface GraphResponse {
  elements: CyElement[];
  /** True when a limit cut the result. */
  truncated: boolean;
}

export interface PostRef {
  id: string;
  title: string;
  date: string | null;
  sourceUrl: string | null;
  /** Sentences of this post that mention the entity (for highlighting). */
  sentences?: string[];
}

export interface EntityDetails {
  key: string;
  name: string;
  type: EntityTypeName;
  aliases: string[];
  properties: Record<string, unknown>;
  mentionCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  degree: Record<string, number>;
  posts: { items: PostRef[]; page: number; pageSize: number; total: number };
  /** Channels whose posts mention it, the one that mentioned it first first (undated ones last). */
  channels: EntityChannel[];
}

export interface EntityChannel {
  key: string;
  title: string;
  /** Its posts that mention the entity. */
  posts: number;
  /** Date of the first of them (ISO), or null when none is dated. */
  firstSeen: string | null;
}

export interface Evidence {
  post: string;
  title: string;
  date: string | null;
  sourceUrl: string | null;
  sentence: string;
}
/**
 * GET /api/relations?from=&type=&to=&page=&pageSize=: one page of the evidence of a collapsed edge
 * (every relationship of `type` from `from` to `to`, one per post), newest first, undated last.
 */
export interface RelationEvidenceResponse {
  from: string;
  to: string;
  type: string;
  /** Relationships stated, i.e. the edge's `count`; 0 when there is no such relationship. */
  total: number;
  page: number;
  pageSize: number;
  items: Evidence[];
}
export interface PathHop {
  from: string;
  to: string;
  type: string;
  /** False when the relationship was traversed against its direction. */
  forward: boolean;
  evidence: Evidence[];
}
export interface PathsResponse {
  from: string;
  to: string;
  /**
   * What the hops follow: extracted relationships, or co-mentions in posts (hop type
   * 'CO_MENTIONED', evidence = the shared posts). `via=auto` (default) uses co-mentions only
   * when the search over relationships finds no path.
   */
  via?: 'relations' | 'posts';
  /**
   * The k first paths of at most `searchedHops` hops: shortest first, equally long ones in the
   * order of their hops (entity key, relationship type, direction), the same on every run.
   */
  paths: { length: number; nodes: NodeData[]; hops: PathHop[] }[];
  /**
   * The asked maximum, or fewer when the graph around the two ends was too large to read to that
   * depth (a bound on links read, never a time): then longer paths were not looked for.
   */
  searchedHops: number;
  /** All nodes and edges of all paths, ready for the canvas. */
  elements: CyElement[];
}

export interface PostDetails {
  id: string;
  /** The channel's key, and its title when the channel is in the graph. */
  channel: string;
  channelTitle: string | null;
  title: string;
  text: string;
  date: string | null;
  language: string;
  forwardedFrom: string | null;
  sourceUrl: string | null;
  /** https://t.me/<username>/<message id> when both are known, else null. */
  permalink: string | null;
  links: string[];
  mentions: { key: string; name: string; type: string; start: number; end: number }[];
}

export interface TimelineResponse {
  key: string | null;
  months: { month: string; count: number }[];
}

export interface SavedQueryParam {
  name: string;
  type: 'string' | 'integer' | 'float' | 'boolean' | 'date';
  default: string | number | boolean | null;
  description: string;
  /** What the form calls it (`@label`, else the name in words: "limit" → "Limit"); the server always sends it. */
  label?: string;
  /** A field made for it (`@input`): an entity picker, or a select of the entity types. */
  input?: 'entity' | 'entity-type';
}
export interface SavedQuery {
  name: string;
  title: string;
  description: string;
  params: SavedQueryParam[];
}
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  elements: CyElement[];
  /**
   * The two ends of every relationship in the rows, by element id: a row's relationship holds only
   * its ends' element ids, and a table names them ("OpenAI –RELEASED→ GPT-4") from this.
   */
  ends?: Record<string, { id: string; label: string }>;
  /**
   * What cut the answer, false when it is whole: 'rows' the row limit, 'bytes' the answer's byte
   * bound (MAX_ANSWER_MB), 'elements' the graph element limit (rows are then whole).
   */
  truncated: false | 'rows' | 'bytes' | 'elements';
}

export interface ImportStatus {
  id: string;
  state: 'queued' | 'parsing' | 'extracting' | 'writing' | 'done' | 'failed';
  /** 0..1 */
  progress: number;
  file: string;
  summary?: {
    posts: number;
    entities: number;
    relations: Record<string, number>;
    seconds: number;
    /** Keys of the entities the graph did not have before, at most 500 (newEntityCount is the total). */
    newEntities: string[];
    /** How many entities the graph did not have before: all of them, not only those listed. */
    newEntityCount: number;
    /** The name of each listed new entity, by key (what the explorer shows; keys are lower-case). */
    newEntityNames: Record<string, string>;
  };
  /** The failure as the loader reports it: module, file, where, what, and advice for the CLI. */
  error?: string;
  /** The failure in plain words for the person importing: what is wrong and where, no module names or CLI advice. */
  reason?: string;
}

/** A followed channel (GET /api/follows): its record in the graph and what the server is doing with it. */
export interface FollowStatus {
  channel: string;
  followedAt: string;
  /** Newest message id written; null before the first successful fetch. */
  newestId: number | null;
  lastFetchAt: string | null;
  /** Posts with text written by the last successful fetch. */
  lastPosts: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
  state: 'idle' | 'queued' | 'fetching' | 'writing';
  /** While queued, fetching or writing: pages fetched and posts seen so far. */
  progress: { pages: number; posts: number } | null;
}

export interface FollowList {
  follows: FollowStatus[];
  /** FOLLOW_INTERVAL_MIN: minutes between scheduled refreshes; 0 when there is no schedule. */
  intervalMin: number;
}

/** Body of POST /api/follows. */
export interface FollowRequest {
  /** "@name", "name" or a t.me link. */
  channel: string;
}

/** Body of POST /api/queries/{name}/run. A bare object of parameter values is accepted as well. */
export interface RunQueryRequest {
  params?: Record<string, unknown>;
}

/** Body of POST /api/cypher: one read-only query; `limit` caps the rows (at most 1000). */
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
  limit?: number;
}

/**
 * Source of GET|POST /api/export?format=... (query string for GET, JSON body for POST): at most one
 * of `keys`, `key` (a neighbourhood, with depth/limit/types/rels) or `query` (a saved query, with
 * params). None exports the whole graph when it has at most 5000 entities (else 413).
 */
export interface ExportRequest {
  keys?: string[];
  key?: string;
  depth?: number;
  limit?: number;
  types?: string;
  rels?: string;
  query?: string;
  params?: Record<string, unknown>;
}

/** An imported channel (GET /api/channels). */
export interface ChannelSummary {
  /** Its key: the @username in lower case, or a slug of the title (vocabulary/keys.ts). */
  key: string;
  title: string;
  username: string | null;
  posts: number;
  /** Date span of its posts (ISO strings); null when no post has a date. */
  firstPost: string | null;
  lastPost: string | null;
  /** When its last import finished; null for a channel loaded before imports were marked. */
  importedAt: string | null;
}

export interface ChannelList {
  channels: ChannelSummary[];
}

/**
 * DELETE /api/channels/{key} (and its ?dryRun=1 preview): what the delete removed, or would.
 * `entities` are those only this channel mentions; `keptEntities` the ones other channels mention
 * too, which stay with their other posts, aliases and counts.
 */
export interface ChannelDeletion {
  key: string;
  title: string;
  posts: number;
  mentions: number;
  relations: number;
  entities: number;
  keptEntities: number;
  /** Keys of the deleted entities (at most 10000; empty in a dry run), to take off a canvas. */
  deletedEntities: string[];
  dryRun: boolean;
  seconds: number;
}

/** An entity as the overview lists it. */
export interface OverviewEntity {
  key: string;
  name: string;
  type: EntityTypeName;
}

/**
 * GET /api/overview: what the graph holds, for the explorer's first screen. Every list is bounded
 * (OVERVIEW_LIMITS, server/services/overview.ts), so a graph of twenty channels reads like one of one.
 */
export interface OverviewResponse {
  /** Channels in all, and the first few by title. */
  channels: { count: number; items: { key: string; title: string }[] };
  posts: number;
  /** Entities in all and per type (every type, 0 included). */
  entities: { count: number; byType: Record<EntityTypeName, number> };
  /** Dates of the first and the last dated post (ISO strings); null without dated posts. */
  dates: { first: string | null; last: string | null };
  /** Dated posts per month ("YYYY-MM"), in order; months without posts are absent. */
  months: { month: string; count: number }[];
  /**
   * Organisations by distinct things released (RELEASED) in the latest `months` calendar months
   * (ending with the newest post's month, from `since`, "YYYY-MM"), most first, each with its
   * latest releases. A graph with too few in 3 months gets 12, then all time (both null).
   */
  releasers: {
    since: string | null;
    months: number | null;
    items: (OverviewEntity & { releases: number; released: (OverviewEntity & { date: string })[] })[];
  };
  /** The most mentioned entities, most first. */
  topEntities: (OverviewEntity & { mentionCount: number; postCount: number })[];
  /** The newest dated posts, newest first, with the entities each mentions most. */
  latestPosts: {
    id: string;
    title: string;
    date: string;
    channel: string;
    channelTitle: string;
    sourceUrl: string | null;
    entities: OverviewEntity[];
  }[];
}
