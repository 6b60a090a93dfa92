/**
 * Writes an Extraction into Neo4j in batched, idempotent transactions:
 *   1. the channel and every entity (new ones created, existing ones merged with aliases unioned);
 *   2. posts in batches: per batch one transaction reads which posts exist; new posts are created
 *      with their MENTIONS and entity-entity relationships in one statement; existing posts first
 *      lose what an edit no longer states, then are upserted (MERGE);
 *   3. for the entities touched: orphans removed, type/label, mentionCount, firstSeen, lastSeen;
 *   4. the channel's `importedAt` mark, which tells servers that cached responses are stale.
 * CREATE is used only for keys checked absent in the same transaction, everything else MERGEs on
 * keys, so re-running a load (after a failure or on the same file) yields the same graph.
 * Transient errors are retried by the driver (session.executeWrite), a batch that lost a race on a
 * key to a concurrent loader by writeRetryingRaces.
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { ENTITY_TYPES, type EntityType, type RelationType } from '../../vocabulary/types';
import type { Extraction } from '../model';
import { ingestCypher, relationCypher } from './cypher';
import { LoadError } from './errors';
import { separateMeanings } from './meanings';
import { joinPersonsToGraph, type GraphPerson } from './persons';
import { planCounts, planLoad, type EntityRow, type LoadPlan, type PostPlan, type PostRow } from './plan';
import { staleWrites, type ExistingPost } from './stale';

export type LoadPhase = 'entities' | 'posts' | 'finalize';

export interface LoadProgress {
  phase: LoadPhase;
  /** Rows of this phase written so far, and in all. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Most rows (posts + mentions + relations, or entities) per transaction. Default 10000. */
  batchSize?: number;
  onProgress?: (progress: LoadProgress) => void;
  /** Neo4j database name; the server default when absent. */
  database?: string;
}

export interface LoadSummary {
  posts: number;
  entities: number;
  relations: Record<string, number>;
  mentions: number;
  seconds: number;
}

/**
 * Measured on a 10k-post channel (2 cores): 10000 rows (about 1000 posts) per transaction beat 5000
 * (more commits and round trips) and 20000 (re-ingest, which MERGEs, took three times as long).
 */
export const DEFAULT_BATCH_SIZE = 10000;

export async function loadExtraction(
  driver: Driver,
  extraction: Extraction,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const plan = planLoad(extraction);
  return loadPlan(driver, plan, options);
}

/** Loads an already validated plan (ingestFiles validates every file before writing any). */
export async function loadPlan(
  driver: Driver,
  plan: LoadPlan,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const started = performance.now();
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const progress = options.onProgress ?? (() => undefined);
  const session = driver.session({ database: options.database, defaultAccessMode: 'WRITE' });
  try {
    await writeBatch(session, 'the channel', (tx) =>
      tx.run(ingestCypher('channel'), { channel: plan.channel }),
    );
    const existingTypes = await readEntityTypes(
      session,
      plan.entities.map((e) => e.key),
    );
    separateMeanings(plan, existingTypes);
    const newPersons = plan.entities.filter((e) => e.type === 'Person' && !existingTypes.has(e.key));
    if (newPersons.length > 0)
      joinPersonsToGraph(
        plan,
        await readGraphPersons(
          session,
          newPersons.map((e) => e.key),
        ),
      );

    const entityBatches = chunk(plan.entities, batchSize);
    let entitiesDone = 0;
    for (const [i, rows] of entityBatches.entries()) {
      await writeSplitting(
        session,
        `entity batch ${i + 1} of ${entityBatches.length}`,
        rows,
        writeEntityBatch,
      );
      entitiesDone += rows.length;
      progress({ phase: 'entities', done: entitiesDone, total: plan.entities.length });
    }

    const detached = new Set<string>();
    const postBatches = batchPosts(plan.posts, batchSize);
    let postsDone = 0;
    for (const [i, batch] of postBatches.entries()) {
      const first = postsDone + 1;
      const what = `post batch ${i + 1} of ${postBatches.length} (posts ${first}-${postsDone + batch.length} of ${plan.posts.length})`;
      const results = await writeSplitting(session, what, batch, (tx, part) =>
        writePostBatch(tx, part, what),
      );
      results.flat().forEach((k) => detached.add(k));
      postsDone += batch.length;
      progress({ phase: 'posts', done: postsDone, total: plan.posts.length });
    }

    const touched = [...new Set([...plan.entities.map((e) => e.key), ...detached])];
    const keyBatches = chunk(touched, batchSize);
    let finalized = 0;
    for (const [i, keys] of keyBatches.entries()) {
      const what = `entity statistics batch ${i + 1} of ${keyBatches.length}`;
      await writeSplitting(session, what, keys, async (tx, part) => {
        await tx.run(ingestCypher('delete-orphans'), { keys: part });
        await tx.run(ingestCypher('entity-stats'), { keys: part, typeLabels: [...ENTITY_TYPES] });
      });
      finalized += keys.length;
      progress({ phase: 'finalize', done: finalized, total: touched.length });
    }
    // Last, so a server that sees the mark sees the whole import (server/cache/graph-version.ts).
    await writeBatch(session, 'the import mark', async (tx) => {
      // The overview's posts per month of this channel, from the posts it now has.
      await tx.run(ingestCypher('channel-months'), { channel: plan.channel.key });
      return tx.run(ingestCypher('mark-imported'), {
        channel: plan.channel.key,
        importedAt: new Date().toISOString(),
      });
    });
  } finally {
    await session.close();
  }
  return { ...planCounts(plan), seconds: (performance.now() - started) / 1000 };
}

/** The persons the graph holds besides these keys, with their spellings (ingest/load/persons.ts). */
async function readGraphPersons(session: Session, except: string[]): Promise<GraphPerson[]> {
  const result = await session.executeRead((tx) => tx.run(ingestCypher('graph-persons'), { keys: except }));
  return result.records.map((r) => ({
    key: r.get('key') as string,
    name: r.get('name') as string,
    aliases: r.get('aliases') as string[],
  }));
}

/** The types the graph holds for these entity keys (ingest/load/meanings.ts). */
async function readEntityTypes(session: Session, keys: string[]): Promise<Map<string, EntityType>> {
  const types = new Map<string, EntityType>();
  for (const part of chunk(keys, DEFAULT_BATCH_SIZE)) {
    const result = await session.executeRead((tx) => tx.run(ingestCypher('entity-types'), { keys: part }));
    for (const r of result.records) types.set(r.get('key') as string, r.get('type') as EntityType);
  }
  return types;
}

/** One transaction: entities not in the graph yet are created, the others merged (aliases unioned). */
async function writeEntityBatch(tx: ManagedTransaction, rows: EntityRow[]): Promise<void> {
  const result = await tx.run(ingestCypher('existing-entities'), { keys: rows.map((e) => e.key) });
  const existingKeys = new Set(result.records.map((r) => r.get('key') as string));
  const fresh = rows.filter((e) => !existingKeys.has(e.key));
  const known = rows.filter((e) => existingKeys.has(e.key));
  if (fresh.length > 0) await tx.run(ingestCypher('create-entities'), { rows: fresh });
  if (known.length > 0) await tx.run(ingestCypher('entities'), { rows: known });
}

/**
 * One transaction: posts not in the graph yet are created in one statement (nothing to merge with);
 * posts already there forget what they no longer state and are upserted (MERGE).
 */
async function writePostBatch(tx: ManagedTransaction, batch: PostPlan[], what: string): Promise<string[]> {
  const existing = await readExistingPosts(
    tx,
    batch.map((p) => p.post),
  );
  const existingKeys = new Set(existing.map((p) => p.key));
  const fresh = batch.filter((p) => !existingKeys.has(p.post.key));
  const known = batch.filter((p) => existingKeys.has(p.post.key));
  await createPosts(tx, fresh, what);
  return known.length > 0 ? mergePosts(tx, known, existing, what) : [];
}

/** Writes posts that do not exist yet, with their mentions and relations, and checks every row landed. */
async function createPosts(tx: ManagedTransaction, batch: PostPlan[], what: string): Promise<void> {
  if (batch.length === 0) return;
  const rows = batch.map(({ post, mentions, relations }) => ({ post, mentions, relations }));
  const result = await tx.run(ingestCypher('create-posts'), { rows });
  const record = result.records[0];
  const expected = {
    posts: batch.length,
    mentions: batch.reduce((n, p) => n + p.mentions.length, 0),
    relations: batch.reduce((n, p) => n + p.relations.length, 0),
  };
  for (const [kind, count] of Object.entries(expected)) {
    const written = toNumber(record?.get(kind) ?? 0);
    if (written !== count) {
      throw new Error(`${what}: wrote ${written} of ${count} ${kind}: some ends are missing in the graph`);
    }
  }
}

/** Upserts posts already in the graph, first deleting what an edited post no longer states. */
async function mergePosts(
  tx: ManagedTransaction,
  batch: PostPlan[],
  existing: ExistingPost[],
  what: string,
): Promise<string[]> {
  const posts = batch.map((p) => p.post);
  const mentions = batch.flatMap((p) => p.mentions);
  const relations = batch.flatMap((p) => p.relations);
  const stale = staleWrites(existing, posts);
  if (stale.mentions.length > 0) await tx.run(ingestCypher('delete-mentions'), { rows: stale.mentions });
  for (const [type, rows] of groupByType(stale.relations)) {
    await tx.run(relationCypher(type, 'delete-relations'), { rows });
  }
  await tx.run(ingestCypher('posts'), { rows: posts });
  await expectWritten(tx, ingestCypher('mentions'), 'mentions', mentions, what);
  for (const [type, rows] of groupByType(relations)) {
    await expectWritten(tx, relationCypher(type), `${type} relationships`, rows, what);
  }
  return stale.mentions.map((m) => m.entity);
}

async function readExistingPosts(tx: ManagedTransaction, posts: PostRow[]): Promise<ExistingPost[]> {
  const result = await tx.run(ingestCypher('existing-posts'), { keys: posts.map((p) => p.key) });
  return result.records.map((r) => ({
    key: r.get('key') as string,
    relationKeys: r.get('relationKeys') as string[],
    entityKeys: r.get('entityKeys') as string[],
  }));
}

/** Runs a row statement and fails loudly when a row found no post or entity to attach to. */
async function expectWritten(
  tx: ManagedTransaction,
  cypher: string,
  kind: string,
  rows: object[],
  what: string,
): Promise<void> {
  if (rows.length === 0) return;
  const result = await tx.run(cypher, { rows });
  const written = toNumber(result.records[0]?.get('written'));
  if (written !== rows.length) {
    throw new Error(
      `${what}: wrote ${written} of ${rows.length} ${kind}: some ends are missing in the graph`,
    );
  }
}

/** A relationship type must be static for MERGE to use its index, so each type gets its own statement. */
function groupByType<T extends { type: RelationType }>(rows: T[]): Map<RelationType, T[]> {
  const groups = new Map<RelationType, T[]>();
  for (const row of rows) {
    const group = groups.get(row.type);
    if (group) group.push(row);
    else groups.set(row.type, [row]);
  }
  return groups;
}

/** Attempts of one batch that lost a race on a key before the load gives up. */
export const CONSTRAINT_RACE_ATTEMPTS = 5;

/**
 * Runs one write transaction again when it lost a race to another loader: a batch reads which
 * keys exist and CREATEs the others in the same transaction, so two loaders of overlapping data
 * can both read "absent" and the later commit fails on the unique constraint. Run again, the
 * batch reads the key as present and merges instead. The driver does not retry these itself
 * (a ClientError), and a real duplicate within one batch cannot happen (the plan dedupes keys).
 */
async function writeRetryingRaces<T>(
  session: Session,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await session.executeWrite(work);
    } catch (error) {
      if (attempt >= CONSTRAINT_RACE_ATTEMPTS || !isConstraintRace(error)) throw error;
    }
  }
}

/** Decided by the Neo4j error code. */
function isConstraintRace(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

async function writeBatch<T>(
  session: Session,
  what: string,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  try {
    return await writeRetryingRaces(session, work);
  } catch (error) {
    throw new LoadError(`writing ${what} failed`, error);
  }
}

/**
 * Writes a batch in one transaction; when the server times it out (a busy machine, a huge post),
 * writes each half in its own transaction instead, down to single items. The driver already retries
 * transient errors; a timeout is not one, since the same transaction would time out again.
 */
export async function writeSplitting<T, R>(
  session: Session,
  what: string,
  items: T[],
  work: (tx: ManagedTransaction, items: T[]) => Promise<R>,
  /** What the error message tells the user to do (errors.ts); an import's advice by default. */
  retry?: string,
): Promise<R[]> {
  try {
    return [await writeRetryingRaces(session, (tx) => work(tx, items))];
  } catch (error) {
    if (items.length > 1 && isTransactionTimeout(error)) {
      const half = Math.ceil(items.length / 2);
      return [
        ...(await writeSplitting(session, what, items.slice(0, half), work, retry)),
        ...(await writeSplitting(session, what, items.slice(half), work, retry)),
      ];
    }
    throw new LoadError(`writing ${what} failed`, error, retry);
  }
}

/** Decided by the Neo4j error code (TransactionTimedOut, TransactionTimedOutClientConfiguration). */
export function isTransactionTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** Groups whole posts (with their mentions and relations) into batches of at most ~batchSize rows. */
export function batchPosts(posts: PostPlan[], batchSize: number): PostPlan[][] {
  const batches: PostPlan[][] = [];
  let current: PostPlan[] = [];
  let rows = 0;
  for (const post of posts) {
    const size = 1 + post.mentions.length + post.relations.length;
    if (current.length > 0 && rows + size > batchSize) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(post);
    rows += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value && typeof (value as { toNumber?: unknown }).toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value);
}
