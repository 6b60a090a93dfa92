/**
 * A private embedded Neo4j for one benchmark: its own temporary store, a bounded heap, migrated,
 * stopped and deleted afterwards (unless the caller keeps the store for the next benchmark).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver, migrate, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../db';

export const BENCH_HEAP = process.env.BENCH_NEO4J_HEAP ?? '1g';
export const BENCH_PAGECACHE = process.env.BENCH_NEO4J_PAGECACHE ?? '512m';

export interface BenchNeo4j {
  neo4j: EmbeddedNeo4j;
  driver: Driver;
  dataDir: string;
  startSeconds: number;
  /** Stops the database; deletes the store unless `keep`. */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

/** Starts on `dataDir` (an existing store is reused) or on a fresh temporary directory. */
export async function startBenchNeo4j(dataDir?: string): Promise<BenchNeo4j> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-bench-neo4j-'));
  const started = performance.now();
  const neo4j = await startEmbeddedNeo4j({
    dataDir: dir,
    boltPort: 0,
    heap: BENCH_HEAP,
    pageCache: BENCH_PAGECACHE,
    txTimeoutMs: 600_000,
  });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  await migrate(driver);
  const startSeconds = (performance.now() - started) / 1000;
  let disposed = false;
  return {
    neo4j,
    driver,
    dataDir: dir,
    startSeconds,
    async dispose(options = {}) {
      if (disposed) return;
      disposed = true;
      await driver.close();
      await neo4j.stop();
      if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(records[0].get('nodes')), relationships: Number(records[0].get('relationships')) };
}

/** Empties the graph (constraints and indexes stay), in batches so a big graph fits the heap. */
export async function clearGraph(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
