/**
 * Undoing an import: deletes a channel's posts with their MENTIONS and the relations they state
 * (one relationship per stating post, so the same relation stated elsewhere stays), the entities
 * no other channel mentions, the channel's forward sources that nothing else points at, its
 * follow, and the channel itself. Entities other channels mention stay with recomputed counts,
 * type, dates and aliases (entity-names.cypher), so importing A, importing B and deleting B leaves
 * the graph importing A alone gives (tests/integration/channel-delete.test.ts).
 *
 * Posts go in batches; each batch is one transaction that also recomputes what it touched, so a
 * delete cut short leaves a consistent graph with fewer posts, and running it again finishes it.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { ENTITY_TYPES, RELATION_TYPES } from '../model';
import { ingestCypher, relationCypher } from './cypher';
import { LoadError } from './errors';
import { writeSplitting } from './load';

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
  onProgress?: (progress: { done: number; total: number }) => void;
  database?: string;
}

export const DEFAULT_DELETE_BATCH = 1000;

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
  touched: string[];
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
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_DELETE_BATCH));
    const totals = { posts: 0, mentions: 0, relations: 0, entities: 0 };
    const touched = new Set<string>();
    const deletedEntities: string[] = [];
    for (let i = 0; i < postKeys.length; i += batchSize) {
      const what = `channel ${key}: delete batch of posts ${i + 1}-${Math.min(i + batchSize, postKeys.length)} of ${postKeys.length}`;
      const results = await writeSplitting(session, what, postKeys.slice(i, i + batchSize), (tx, keys) =>
        deleteBatch(tx, key, keys),
      );
      for (const r of results) {
        totals.posts += r.posts;
        totals.mentions += r.mentions;
        totals.relations += r.relations;
        totals.entities += r.entities;
        r.touched.forEach((k) => touched.add(k));
        deletedEntities.push(...r.deletedEntities);
      }
      options.onProgress?.({ done: totals.posts, total: postKeys.length });
    }
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(ingestCypher('follow-delete-channel'), { key });
        await tx.run(ingestCypher('delete-channel'), { key });
      });
    } catch (error) {
      throw new LoadError(`deleting channel ${key} failed`, error);
    }
    return {
      key,
      title: impact.title,
      ...totals,
      keptEntities: touched.size - totals.entities,
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

/** One transaction: the posts' relations, the posts, then everything that depended on them. */
async function deleteBatch(tx: ManagedTransaction, channel: string, keys: string[]): Promise<BatchResult> {
  let relations = 0;
  for (const type of RELATION_TYPES) {
    const result = await tx.run(relationCypher(type, 'delete-post-relations'), { keys });
    relations += toNumber(result.records[0]?.get('deleted') ?? 0);
  }
  const deleted = await tx.run(ingestCypher('delete-posts'), { keys });
  const touched = new Set<string>();
  const forwarded = new Set<string>();
  let mentions = 0;
  for (const record of deleted.records) {
    const entities = record.get('entities') as string[];
    mentions += entities.length;
    entities.forEach((k) => touched.add(k));
    (record.get('forwarded') as string[]).forEach((k) => forwarded.add(k));
  }
  const entityKeys = [...touched];
  const orphans = await tx.run(ingestCypher('delete-orphans'), { keys: entityKeys });
  await tx.run(ingestCypher('entity-names'), { keys: entityKeys });
  await tx.run(ingestCypher('entity-stats'), { keys: entityKeys, typeLabels: [...ENTITY_TYPES] });
  forwarded.delete(channel); // the channel itself goes last (delete-channel.cypher)
  if (forwarded.size > 0) await tx.run(ingestCypher('delete-forward-sources'), { keys: [...forwarded] });
  return {
    posts: deleted.records.length,
    mentions,
    relations,
    entities: toNumber(orphans.records[0]?.get('deleted') ?? 0),
    touched: entityKeys,
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
