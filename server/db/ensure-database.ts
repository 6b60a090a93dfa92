import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config';
import { createDriver } from './driver';
import { startEmbeddedNeo4j, StoreLockedError } from './embedded';
import { DatabaseSetupError, WAYS_TO_GET_A_DATABASE } from './errors';
import { isLauncherProcess, readLauncherState, removeLauncherState } from './launcher-state';

export interface Database {
  uri: string;
  user: string;
  /** Empty for the embedded database (authentication disabled, loopback only). */
  password: string;
  /** True for the embedded Neo4j, whether this process started it or reuses one. */
  embedded: boolean;
  /** True when this process started the embedded database and stop() will stop it. */
  owned: boolean;
  driver: Driver;
  /** Closes the driver; stops the embedded database only if this process started it. */
  stop(): Promise<void>;
}

export interface EnsureOptions {
  log?: (message: string) => void;
  /** How long to wait for an embedded start (default 180 s). */
  readyTimeoutMs?: number;
}

/**
 * A connected database for the configuration: the external NEO4J_URI when set; otherwise the
 * embedded Neo4j on NEO4J_DATA_DIR, reusing the one already running there (started by another
 * process, e.g. the dev server while `npm run ingest` runs) or starting it.
 */
export async function ensureDatabase(
  config: { neo4j: Neo4jConfig },
  options: EnsureOptions = {},
): Promise<Database> {
  const neo4jConfig = config.neo4j;
  if (neo4jConfig.uri) return connectExternal(neo4jConfig.uri, neo4jConfig.user, neo4jConfig.password);
  return (await reuseRunning(neo4jConfig.dataDir)) ?? (await startOwned(neo4jConfig, options));
}

async function connectExternal(uri: string, user: string, password: string): Promise<Database> {
  const driver = createDriver({ uri, user, password });
  await verify(driver, `server/db: cannot reach Neo4j at ${uri} (NEO4J_URI)`, true);
  return { uri, user, password, embedded: false, owned: false, driver, stop: () => driver.close() };
}

/** The embedded database another process runs on dataDir, or null (removing a stale state file). */
async function reuseRunning(dataDir: string): Promise<Database | null> {
  const state = readLauncherState(dataDir);
  if (!state) return null;
  if (!isLauncherProcess(state.pid)) {
    removeLauncherState(dataDir);
    return null;
  }
  const driver = createDriver({ uri: state.uri, user: 'neo4j', password: '' });
  await verify(
    driver,
    `server/db: the embedded Neo4j (pid ${state.pid}) holds ${dataDir} but does not answer at ${state.uri}; ` +
      `stop that process or use another NEO4J_DATA_DIR`,
    false,
  );
  return reused(state.uri, driver);
}

async function startOwned(config: Neo4jConfig, options: EnsureOptions): Promise<Database> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  let handle;
  try {
    handle = await startEmbeddedNeo4j({
      dataDir: config.dataDir,
      boltPort: config.boltPort,
      heap: config.heap,
      pageCache: config.pageCache,
      txTimeoutMs: config.txTimeoutMs,
      readyTimeoutMs,
      log: options.log,
    });
  } catch (error) {
    // Another process started on the same directory a moment before us: use its database.
    if (error instanceof StoreLockedError) {
      const other = await waitForOtherLauncher(config.dataDir, readyTimeoutMs);
      if (other) return other;
    }
    throw error;
  }
  const driver = createDriver({ uri: handle.uri, user: 'neo4j', password: '' });
  try {
    await verify(driver, `server/db: the embedded Neo4j started at ${handle.uri} but does not answer`, false);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return {
    uri: handle.uri,
    user: 'neo4j',
    password: '',
    embedded: true,
    owned: true,
    driver,
    stop: async () => {
      await driver.close();
      await handle.stop();
    },
  };
}

async function waitForOtherLauncher(dataDir: string, timeoutMs: number): Promise<Database | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const database = await reuseRunning(dataDir).catch(() => null);
    if (database) return database;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

function reused(uri: string, driver: Driver): Database {
  return {
    uri,
    user: 'neo4j',
    password: '',
    embedded: true,
    owned: false,
    driver,
    stop: () => driver.close(),
  };
}

async function verify(driver: Driver, message: string, external: boolean): Promise<void> {
  try {
    await driver.getServerInfo();
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message : String(error);
    const help = external ? `\n${WAYS_TO_GET_A_DATABASE}` : '';
    throw new DatabaseSetupError(`${message}: ${reason}${help}`, { cause: error });
  }
}
