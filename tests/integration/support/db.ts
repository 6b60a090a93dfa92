/**
 * Helpers for integration tests. The database is the one global-setup started (or the external
 * NEO4J_URI); tests share it, so each test file clears the graph it needs clean.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../../db/driver';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../../db/embedded';
import { migrate } from '../../../db/migrate';

export interface TestDatabaseEnv {
  uri: string;
  user: string;
  password: string;
}

/** The run's database as global-setup published it. */
export function testDatabaseEnv(): TestDatabaseEnv {
  const uri = process.env.NEO4J_URI;
  if (!uri)
    throw new Error('tests/integration: NEO4J_URI is not set; run through jest (global-setup starts Neo4j)');
  return { uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' };
}

/** A new driver for the run's database; close it in afterAll. */
export function testDriver(): Driver {
  return createDriver(testDatabaseEnv());
}

/** Deletes every node and relationship; constraints and indexes stay. Sized for test graphs. */
export async function clearGraph(driver: Driver): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n');
}

export async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
  );
  return {
    nodes: records[0].get('nodes').toNumber(),
    relationships: records[0].get('relationships').toNumber(),
  };
}

export interface PrivateNeo4j extends EmbeddedNeo4j {
  driver: Driver;
  /** Stops the database (if still running), closes the driver and deletes the data directory. */
  dispose(): Promise<void>;
}

/**
 * A second embedded Neo4j that only the calling test uses, in its own temporary directory, e.g. to
 * stop it mid-test and see the API answer 503. Costs a JVM start (~5-15 s); dispose() in afterAll.
 */
export async function startPrivateNeo4j(options: { migrate?: boolean } = {}): Promise<PrivateNeo4j> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-neo4j-private-'));
  const neo4j = await startEmbeddedNeo4j({ dataDir, boltPort: 0, heap: '384m', pageCache: '32m' });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  if (options.migrate) await migrate(driver);
  return {
    ...neo4j,
    driver,
    dispose: async () => {
      await driver.close();
      await neo4j.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
