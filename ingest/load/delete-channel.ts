/**
 * Undoing an import: deletes a channel's posts with their MENTIONS and the relations they state
 * (one relationship per stating post, so the same relation stated elsewhere stays), the entities
 * no other channel mentions, the channel's forward sources that nothing else points at, its
 * follow, and the channel itself. Entities other channels mention stay with recomputed counts,
 * type, dates and aliases (entity-names.cypher), so importing A, importing B and deleting B leaves
 * the graph importing A alone gives (tests/integration/channel-delete.test.ts).
 *
 * Posts go in batches, one transaction each with their relations and the entities left without
 * mentions. The entities that stay are recomputed once, after the last batch, not in every batch
 * (which read a popular entity's thousands of mentions again each time; bench/channel-delete.bench.ts
 * now measures the recompute at 2.6 s of a 29.5 s delete of 10k posts). Their keys are recorded on
 * the channel first (channel-pending-entities.cypher), so a delete cut short is finished by running
 * it again, recomputation included.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES, type RelationType } from '../../vocabulary/types';
import { ingestCypher, relationCypher } from './cypher';
import { LoadError, RETRY_DELETE } from './errors';
import { writeSplitting } from './load';
import { RELATION_KEY_SEPARATOR } from './plan';

const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

/** What a delete removes (or, in a dry run, would remove). */
export interface ChannelDeletion {
  key: string;
  title: string;
  posts: number;
  mentions: number;
  relations: number;
  /** Entities only this channel mentions: deleted with it. */
  entities: number;
  /** Entities it mentions that other channels mention too: they stay, with their other posts. */
  keptEntities: number;
  /** Keys of the deleted entities (empty in a dry run), for a client to take them off its canvas. */
  deletedEntities: string[];
  dryRun: boolean;
  seconds: number;
}

export interface DeleteChannelOptions {
  /** Count what would go; write nothing. */
  dryRun?: boolean;
  /** Posts per transaction. Default 1000 (about the loader's 10000 rows, with their mentions). */
  batchSize?: number;
  /** After each committed batch: posts deleted, then the shared entities recomputed. */
  onProgress?: (progress: { phase: 'posts' | 'entities'; done: number; total: number }) => void;
  database?: string;
}

export const DEFAULT_DELETE_BATCH = 1000;
/** Kept entities recomputed per transaction (as the loader's statistics batches). */
const RECOMPUTE_BATCH = 10_000;

/** No imported channel has this key. */
export class UnknownChannelError extends Error {
  constructor(readonly key: string) {
    super(`ingest/load: no channel "${key}" in the graph`);
    this.name = 'UnknownChannelError';
  }
}

interface BatchResult {
  posts: number;
  mentions: number;
  relations: number;
  entities: number;
  deletedEntities: string[];
}

export async function deleteChannel(
  driver: Driver,
  key: string,
  options: DeleteChannelOptions = {},
): Promise<ChannelDeletion> {
  const started = performance.now();
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  try {
    const impact = await readImpact(session, key);
    if (options.dryRun) return { ...impact, deletedEntities: [], dryRun: true, seconds: seconds(started) };

    const postKeys = await readPostKeys(session, key);
    const pending = await recordPending(session, key);
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_DELETE_BATCH));
    const totals = { posts: 0, mentions: 0, relations: 0, entities: 0 };
    const deletedEntities: string[] = [];
    for (let i = 0; i < postKeys.length; i += batchSize) {
      const what = `channel ${key}: delete batch of posts ${i + 1}-${Math.min(i + batchSize, postKeys.length)} of ${postKeys.length}`;
      const results = await writeSplitting(
        session,
        what,
        postKeys.slice(i, i + batchSize),
        (tx, keys) => deleteBatch(tx, key, keys),
        RETRY_DELETE,
      );
      for (const r of results) {
        totals.posts += r.posts;
        totals.mentions += r.mentions;
        totals.relations += r.relations;
        totals.entities += r.entities;
        deletedEntities.push(...r.deletedEntities);
      }
      options.onProgress?.({ phase: 'posts', done: totals.posts, total: postKeys.length });
    }
    const gone = new Set(deletedEntities);
    const kept = pending.filter((k) => !gone.has(k));
    for (let i = 0; i < kept.length; i += RECOMPUTE_BATCH) {
      const what = `channel ${key}: entities ${i + 1}-${Math.min(i + RECOMPUTE_BATCH, kept.length)} of ${kept.length} it shares with other channels`;
      await writeSplitting(
        session,
        what,
        kept.slice(i, i + RECOMPUTE_BATCH),
        (tx, keys) => recomputeKept(tx, keys),
        RETRY_DELETE,
      );
      options.onProgress?.({
        phase: 'entities',
        done: Math.min(i + RECOMPUTE_BATCH, kept.length),
        total: kept.length,
      });
    }
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(ingestCypher('follow-delete-channel'), { key });
        await tx.run(ingestCypher('delete-channel'), { key });
        await tx.run(ingestCypher('rekey-freed-meanings'));
      });
    } catch (error) {
      throw new LoadError(`deleting channel ${key} failed`, error, RETRY_DELETE);
    }
    return {
      key,
      title: impact.title,
      ...totals,
      keptEntities: kept.length,
      deletedEntities,
      dryRun: false,
      seconds: seconds(started),
    };
  } finally {
    await session.close();
  }
}

/** The dry run's counts; throws UnknownChannelError when no imported channel has the key. */
async function readImpact(
  session: Session,
  key: string,
): Promise<Omit<ChannelDeletion, 'dryRun' | 'seconds' | 'deletedEntities'>> {
  const result = await session.executeRead((tx) => tx.run(ingestCypher('channel-impact'), { key }));
  const record = result.records[0];
  if (!record) throw new UnknownChannelError(key);
  return {
    key,
    title: String(record.get('title') ?? key),
    posts: toNumber(record.get('posts')),
    mentions: toNumber(record.get('mentions')),
    relations: toNumber(record.get('relations')),
    entities: toNumber(record.get('entities')),
    keptEntities: toNumber(record.get('keptEntities')),
  };
}

async function readPostKeys(session: Session, key: string): Promise<string[]> {
  const result = await session.executeRead((tx) => tx.run(ingestCypher('channel-post-keys'), { key }));
  return result.records.map((r) => r.get('key') as string);
}

/** Keys of the entities the channel's posts mention (and an interrupted run's), now on the channel. */
async function recordPending(session: Session, key: string): Promise<string[]> {
  try {
    const result = await session.executeWrite((tx) =>
      tx.run(ingestCypher('channel-pending-entities'), { key }),
    );
    return (result.records[0]?.get('keys') as string[] | undefined) ?? [];
  } catch (error) {
    throw new LoadError(`recording what channel ${key} mentions failed`, error, RETRY_DELETE);
  }
}

/** Entities that stay: names, then statistics and type, from the posts that still mention them. */
async function recomputeKept(tx: ManagedTransaction, keys: string[]): Promise<void> {
  await tx.run(ingestCypher('entity-names'), { keys });
  await tx.run(ingestCypher('entity-stats'), { keys, typeLabels: [...ENTITY_TYPES] });
}

/** One transaction: the posts, the relations they stated, and the entities no post mentions any more. */
async function deleteBatch(tx: ManagedTransaction, channel: string, keys: string[]): Promise<BatchResult> {
  let relations = 0;
  const deleted = await tx.run(ingestCypher('delete-posts'), { keys });
  const touched = new Set<string>();
  const forwarded = new Set<string>();
  const stated = new Map<RelationType, string[]>();
  const unlisted: string[] = [];
  let mentions = 0;
  for (const record of deleted.records) {
    const entities = record.get('entities') as string[];
    mentions += entities.length;
    entities.forEach((k) => touched.add(k));
    (record.get('forwarded') as string[]).forEach((k) => forwarded.add(k));
    const relationKeys = record.get('relationKeys') as string[] | null;
    if (relationKeys === null) unlisted.push(record.get('key') as string);
    for (const type of new Set(relationKeys?.map((k) => k.split(RELATION_KEY_SEPARATOR)[0]))) {
      if (!RELATION_TYPE_SET.has(type)) continue;
      const posts = stated.get(type as RelationType) ?? [];
      posts.push(record.get('key') as string);
      stated.set(type as RelationType, posts);
    }
  }
  // Only the types each post says it stated; a post without the list is looked up under every type.
  for (const type of RELATION_TYPES) {
    const postKeys = [...(stated.get(type) ?? []), ...unlisted];
    if (postKeys.length === 0) continue;
    const result = await tx.run(relationCypher(type, 'delete-post-relations'), { keys: postKeys });
    relations += toNumber(result.records[0]?.get('deleted') ?? 0);
  }
  const orphans = await tx.run(ingestCypher('delete-orphans'), { keys: [...touched] });
  forwarded.delete(channel); // the channel itself goes last (delete-channel.cypher)
  if (forwarded.size > 0) await tx.run(ingestCypher('delete-forward-sources'), { keys: [...forwarded] });
  return {
    posts: deleted.records.length,
    mentions,
    relations,
    entities: toNumber(orphans.records[0]?.get('deleted') ?? 0),
    deletedEntities: (orphans.records[0]?.get('keys') as string[] | undefined) ?? [],
  };
}

function seconds(started: number): number {
  return (performance.now() - started) / 1000;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof (value as { toNumber?: unknown }).toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value ?? 0);
}
