/**
 * The follow state of channels (:Follow nodes, cypher/ingest/follow-*.cypher): which channels are
 * followed, up to which message their history is in the graph, when they were last fetched and
 * the last error. Lives in ingest/load because it is the only ingest code that talks to Neo4j.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { ingestCypher, type IngestStatement } from './cypher';

export interface FollowState {
  channel: string;
  followedAt: string;
  /** Newest message id whose history (down to the first fetch's limit) is written; null before the first fetch. */
  newestId: number | null;
  lastFetchAt: string | null;
  lastPosts: number | null;
  lastPages: number | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface FetchRecord {
  newestId: number;
  posts: number;
  pages: number;
}

export async function addFollow(driver: Driver, channel: string, now: Date): Promise<FollowState> {
  const rows = await run(driver, 'follow-add', { channel, now: now.toISOString() });
  return rows[0];
}

export async function getFollow(driver: Driver, channel: string): Promise<FollowState | null> {
  return (await run(driver, 'follow-get', { channel }))[0] ?? null;
}

export async function listFollows(driver: Driver): Promise<FollowState[]> {
  return run(driver, 'follow-list', {});
}

/** Call only after the fetched posts are written (see follow-fetched.cypher). */
export async function recordFetched(
  driver: Driver,
  channel: string,
  record: FetchRecord,
  now: Date,
): Promise<void> {
  await run(driver, 'follow-fetched', {
    channel,
    now: now.toISOString(),
    newestId: neo4j.int(record.newestId),
    posts: neo4j.int(record.posts),
    pages: neo4j.int(record.pages),
  });
}

export async function recordFailed(driver: Driver, channel: string, error: string, now: Date): Promise<void> {
  await run(driver, 'follow-failed', { channel, error, now: now.toISOString() });
}

/** False when the channel was not followed. */
export async function removeFollow(driver: Driver, channel: string): Promise<boolean> {
  const { records } = await driver.executeQuery(ingestCypher('follow-remove'), { channel });
  return toNumber(records[0]?.get('removed')) > 0;
}

/** Text and date of the posts of `keys` that are in the graph, by key. */
export async function storedPosts(
  driver: Driver,
  keys: string[],
): Promise<Map<string, { text: string; date: string | null }>> {
  const { records } = await driver.executeQuery(ingestCypher('follow-stored-posts'), { keys });
  return new Map(
    records.map((r) => [
      r.get('key') as string,
      { text: r.get('text') as string, date: (r.get('date') as string | null) ?? null },
    ]),
  );
}

async function run(
  driver: Driver,
  statement: IngestStatement,
  params: Record<string, unknown>,
): Promise<FollowState[]> {
  const { records } = await driver.executeQuery(ingestCypher(statement), params);
  return records.map((r) => toFollowState(r.get('follow') as Record<string, unknown>));
}

function toFollowState(row: Record<string, unknown>): FollowState {
  const text = (key: string): string | null => (typeof row[key] === 'string' ? (row[key] as string) : null);
  const int = (key: string): number | null =>
    row[key] === null || row[key] === undefined ? null : toNumber(row[key]);
  return {
    channel: String(row.channel),
    followedAt: text('followedAt') ?? '',
    newestId: int('newestId'),
    lastFetchAt: text('lastFetchAt'),
    lastPosts: int('lastPosts'),
    lastPages: int('lastPages'),
    lastError: text('lastError'),
    lastErrorAt: text('lastErrorAt'),
  };
}

function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  return Number(value ?? 0);
}
