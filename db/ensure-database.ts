import type { Driver } from 'neo4j-driver';
import type { Neo4jConfig } from './config';
import { createDriver } from './driver';
import { EMBEDDED_USER, readEmbeddedPassword } from './embedded-auth';
import {
  PortInUseError,
  startEmbeddedNeo4j,
  StoreLockedError,
  type EmbeddedNeo4j,
  type LauncherExit,
} from './embedded';
import { DatabaseSetupError, WAYS_TO_GET_A_DATABASE } from './errors';
import { isLauncherProcess, readLauncherState, removeLauncherState } from './launcher-state';
import { Supervisor, type ProcessExit, type SupervisionStatus } from './supervisor';
import { swappableDriver } from './swappable-driver';

export interface Database {
  uri: string;
  user: string;
  /** For the embedded database: the one its launcher generated (<dataDir>/neo4j-password). */
  password: string;
  /** True for the embedded Neo4j, whether this process started it or reuses one. */
  embedded: boolean;
  /** True when this process started the embedded database and stop() will stop it. */
  owned: boolean;
  /** Stays valid across restarts of the embedded database (it follows the current one). */
  driver: Driver;
  /** For an embedded database this process started: restarts it when it dies. Null otherwise. */
  supervision: { status(): SupervisionStatus } | null;
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
  await verify(driver, `db: cannot reach Neo4j at ${uri} (NEO4J_URI)`, true);
  return {
    uri,
    user,
    password,
    embedded: false,
    owned: false,
    driver,
    supervision: null,
    stop: () => driver.close(),
  };
}

/** The embedded database another process runs on dataDir, or null (removing a stale state file). */
async function reuseRunning(dataDir: string): Promise<Database | null> {
  const state = readLauncherState(dataDir);
  if (!state) return null;
  if (!isLauncherProcess(state.pid)) {
    removeLauncherState(dataDir);
    return null;
  }
  // Read before connecting: a process that may not read the password must not get in either.
  const password = readEmbeddedPassword(dataDir);
  const driver = createDriver({ uri: state.uri, user: EMBEDDED_USER, password });
  await verify(
    driver,
    `db: the embedded Neo4j (pid ${state.pid}) holds ${dataDir} but does not answer at ${state.uri}; ` +
      `stop that process or use another NEO4J_DATA_DIR`,
    false,
  );
  return reused(state.uri, password, driver);
}

/** A launcher this process started, with a driver that has been seen to answer. */
interface Started {
  handle: EmbeddedNeo4j;
  driver: Driver;
}

async function startOwned(config: Neo4jConfig, options: EnsureOptions): Promise<Database> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  let first: Started;
  try {
    first = await startAndConnect(config, config.boltPort, options);
  } catch (error) {
    // Another process started on the same directory a moment before us: use its database.
    if (error instanceof StoreLockedError) {
      const other = await waitForOtherLauncher(config.dataDir, readyTimeoutMs);
      if (other) return other;
    }
    throw error;
  }
  let current = first;
  const slot = swappableDriver(first.driver);
  const supervisor = new Supervisor<Started>(first, {
    start: () => restart(config, current, options),
    stop: stopStarted,
    exited: async ({ handle }) => describeExit(await handle.exited),
    onRestarted: async (next) => {
      current = next;
      await slot.replace(next.driver);
    },
    log: options.log ?? ((message) => console.error(message)),
  });
  return {
    get uri() {
      return current.handle.uri;
    },
    user: EMBEDDED_USER,
    password: first.handle.password,
    embedded: true,
    owned: true,
    driver: slot.driver,
    supervision: supervisor,
    stop: async () => {
      // First: a restart must not begin (or finish) after the database was asked to stop.
      await supervisor.stop();
      await stopStarted(current);
    },
  };
}

async function startAndConnect(
  config: Neo4jConfig,
  boltPort: number,
  options: EnsureOptions,
): Promise<Started> {
  const handle = await startEmbeddedNeo4j({
    dataDir: config.dataDir,
    boltPort,
    heap: config.heap,
    pageCache: config.pageCache,
    txTimeoutMs: config.txTimeoutMs,
    readyTimeoutMs: options.readyTimeoutMs ?? 180_000,
    log: options.log,
  });
  const driver = createDriver({ uri: handle.uri, user: handle.user, password: handle.password });
  try {
    await verify(driver, `db: the embedded Neo4j started at ${handle.uri} but does not answer`, false);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return { handle, driver };
}

/**
 * After a crash: on the port the database had, so that the URI other processes were told stays
 * right; when NEO4J_BOLT_PORT=0 and that port has been taken meanwhile, on any free one.
 */
async function restart(config: Neo4jConfig, previous: Started, options: EnsureOptions): Promise<Started> {
  const port = Number(new URL(previous.handle.uri).port);
  try {
    return await startAndConnect(config, port, options);
  } catch (error) {
    if (error instanceof PortInUseError && config.boltPort === 0) return startAndConnect(config, 0, options);
    throw error;
  }
}

async function stopStarted({ handle, driver }: Started): Promise<void> {
  await driver.close().catch(() => {});
  await handle.stop();
}

function describeExit(exit: LauncherExit): ProcessExit {
  const description = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  return { crashed: !exit.stopped, description };
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

function reused(uri: string, password: string, driver: Driver): Database {
  return {
    uri,
    user: EMBEDDED_USER,
    password,
    embedded: true,
    owned: false,
    driver,
    // Not ours to restart: the process that started it supervises it.
    supervision: null,
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
