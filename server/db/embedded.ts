import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { DatabaseSetupError } from './errors';
import { ensureLauncherBuilt } from './launcher-build';
import { removeLauncherState } from './launcher-state';
import { javaCommand } from './tools';

export interface EmbeddedNeo4jOptions {
  dataDir: string;
  /** 0 (default): the OS picks a free port, reported in `uri`. */
  boltPort?: number;
  /** JVM heap, e.g. "512m" (default). */
  heap?: string;
  /** Page cache, e.g. "256m" (default). */
  pageCache?: string;
  /** Server-side transaction timeout (default 30 s). */
  txTimeoutMs?: number;
  /** How long to wait for the ready line (default 180 s: a first start on a busy machine is slow). */
  readyTimeoutMs?: number;
  log?: (message: string) => void;
}

export interface EmbeddedNeo4j {
  /** bolt://127.0.0.1:<port>, no authentication. */
  uri: string;
  pid: number;
  dataDir: string;
  /** Closes stdin and sends SIGTERM, waits for a clean shutdown (SIGKILL after 60 s). Idempotent. */
  stop(): Promise<void>;
}

/** Exit statuses of the launcher (Neo4jLauncher.EXIT_*). */
export const EXIT_STORE_LOCKED = 3;
export const EXIT_PORT_IN_USE = 4;

/** Thrown when the data directory is in use by another Neo4j process. */
export class StoreLockedError extends DatabaseSetupError {}

/**
 * JVM flags: the module opens Neo4j asks for in its debug log (without them it falls back to slower
 * paths and logs warnings). No -XX:+ExitOnOutOfMemoryError (Neo4j's own neo4j.conf leaves it off
 * too): the launcher bounds transaction memory, but Cypher does not count every value against that
 * bound (a list comprehension of 20 million strings is built in one expression), and such a query
 * must fail with Neo.TransientError.General.OutOfMemoryError in its own thread, its garbage
 * collected, instead of ending the database for every client.
 */
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
];

const READY_LINE = /^NEO4J_READY (bolt:\/\/\S+)$/;
const STOP_TIMEOUT_MS = 60_000;

/**
 * Starts db/launcher (building it first if needed) and resolves once Bolt accepts connections.
 * The caller owns the process: call stop() when done. If this Node process exits without stop(),
 * the launcher still shuts down because its stdin closes.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  const log = options.log ?? (() => {});
  // Before the build: a bad directory is said at once, not after minutes of Maven.
  const dataDir = path.resolve(options.dataDir);
  assertWritableDirectory(dataDir);
  const { jar } = await ensureLauncherBuilt(log);

  const heap = options.heap ?? '512m';
  const args = [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    ...JVM_FLAGS,
    '-jar',
    jar,
    '--bolt-port',
    String(options.boltPort ?? 0),
    '--data-dir',
    dataDir,
    '--pagecache',
    options.pageCache ?? '256m',
    '--tx-timeout',
    `${options.txTimeoutMs ?? 30_000}ms`,
  ];
  const child = spawn(javaCommand(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = new Tail(40);
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

  const uri = await waitForReady(
    child,
    dataDir,
    options.boltPort ?? 0,
    stderr,
    options.readyTimeoutMs ?? 180_000,
  );
  return ownedHandle(child, uri, dataDir);
}

/**
 * The data directory must be one the launcher can write: a file in the way, no permission or a
 * pseudo file system (/proc) gave a raw stack trace, or a launcher that hung without a word.
 * A probe file written and removed is the only test every one of those fails.
 */
export function assertWritableDirectory(dataDir: string): void {
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    makeDirectories(dataDir);
    fs.writeFileSync(probe, 'probe');
    fs.rmSync(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DatabaseSetupError(
      `server/db: NEO4J_DATA_DIR "${dataDir}" is not a directory this process can write (${code}); ` +
        'point NEO4J_DATA_DIR at a writable directory (default .data/neo4j)',
    );
  }
}

/**
 * mkdir -p one level at a time: Node's mkdirSync({ recursive: true }) never returns for a path
 * under /proc (it retries the ENOENT for ever); a plain mkdir fails at once.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const part of missing) fs.mkdirSync(part);
}

function waitForReady(
  child: ChildProcessWithoutNullStreams,
  dataDir: string,
  boltPort: number,
  stderr: Tail,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const fail = (error: Error) => {
      clearTimeout(timer);
      lines.close();
      child.removeListener('exit', onExit);
      reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(
        new DatabaseSetupError(
          `server/db: embedded Neo4j in ${dataDir} was not ready after ${timeoutMs / 1000} s${details(stderr, dataDir)}`,
        ),
      );
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      const how = signal ? `was killed by ${signal}` : `exited with status ${code}`;
      const ErrorClass = code === EXIT_STORE_LOCKED ? StoreLockedError : DatabaseSetupError;
      const hint =
        code === EXIT_PORT_IN_USE
          ? ` (Bolt port ${boltPort} is taken: set NEO4J_BOLT_PORT to a free port, or 0 for any)`
          : '';
      fail(
        new ErrorClass(
          `server/db: embedded Neo4j in ${dataDir} ${how} before it was ready${hint}${details(stderr, dataDir)}`,
        ),
      );
    };
    child.once('exit', onExit);
    child.once('error', (error) =>
      fail(
        new DatabaseSetupError(`server/db: cannot run ${javaCommand()}: ${error.message}`, { cause: error }),
      ),
    );
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line.trim());
      if (!match) return;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      // Keep draining stdout so the launcher never blocks on a full pipe.
      lines.removeAllListeners('line');
      resolve(match[1]);
    });
  });
}

function ownedHandle(child: ChildProcessWithoutNullStreams, uri: string, dataDir: string): EmbeddedNeo4j {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Last resort when this process exits without stop(): 'exit' handlers must be synchronous.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  // The launcher must not keep this process alive by itself; its stdin closing on our exit stops it.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) {
    (stream as unknown as { unref?: () => void }).unref?.();
  }

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin.end();
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      // A clean shutdown removes it already; after SIGKILL it would be stale.
      removeLauncherState(dataDir);
    })();
    return stopping;
  };
  return { uri, pid: child.pid!, dataDir, stop };
}

function details(stderr: Tail, dataDir: string): string {
  const parts: string[] = [];
  const err = stderr.text().trim();
  if (err) parts.push(`launcher stderr:\n${err}`);
  const debugLog = path.join(dataDir, 'logs', 'debug.log');
  const logTail = tailOfFile(debugLog, 20);
  if (logTail) parts.push(`last lines of ${debugLog}:\n${logTail}`);
  return parts.length ? `\n${parts.join('\n')}` : '';
}

function tailOfFile(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** The last few lines of a stream, for error messages. */
class Tail {
  private buffer = '';
  constructor(private readonly maxLines: number) {}
  push(text: string): void {
    this.buffer = (this.buffer + text)
      .split('\n')
      .slice(-this.maxLines - 1)
      .join('\n');
  }
  text(): string {
    return this.buffer;
  }
}
