/**
 * One Neo4j for the whole integration (and e2e) run. Test files find it through NEO4J_URI,
 * NEO4J_USER and NEO4J_PASSWORD: jest starts its workers after this runs, so they inherit the env.
 * With NEO4J_URI already set (CI against a server, or the e2e project after the integration one
 * in the same run) that database is used and only migrated.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver } from '../../db/driver';
import { startEmbeddedNeo4j } from '../../db/embedded';
import { migrate } from '../../db/migrate';
import { EMBEDDED_FOR_RUN, type RunDatabase } from './support/run-database';

export default async function globalSetup(): Promise<void> {
  let run: RunDatabase | null = null;
  if (!process.env.NEO4J_URI) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlgraph-neo4j-test-'));
    const started = Date.now();
    const neo4j = await startEmbeddedNeo4j({
      dataDir,
      boltPort: 0,
      heap: process.env.NEO4J_HEAP ?? '768m',
      pageCache: process.env.NEO4J_PAGECACHE ?? '128m',
      log: (message) => console.log(message),
    });
    console.log(
      `\nintegration: embedded Neo4j ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    run = { neo4j, dataDir };
    process.env.NEO4J_URI = neo4j.uri;
    // Authentication is on: tests and the processes they spawn log in like the server does.
    process.env.NEO4J_USER = neo4j.user;
    process.env.NEO4J_PASSWORD = neo4j.password;
  }
  // Only the setup that started the database hands it to teardown: when jest runs the integration
  // and e2e projects together, the second setup finds NEO4J_URI set and must not clear the handle.
  if (run) (globalThis as Record<symbol, unknown>)[EMBEDDED_FOR_RUN] = run;

  const driver = createDriver({
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
  });
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close();
    await run?.neo4j.stop();
    throw error;
  }
  await driver.close();
}
