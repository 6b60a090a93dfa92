/**
 * The API server for api.bench, run as its own process so that the load generator (autocannon)
 * does not share its event loop and its memory can be measured alone.
 *   BENCH_NEO4J_URI=bolt://… BENCH_NEO4J_PASSWORD=… tsx bench/lib/api-server.ts   → prints "API_READY <url> <pid>" on stdout
 * As a module: spawnApiServer() starts that process and resolves with its URL and pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { DEFAULT_CACHE, startServer, stopServer } from '../../server/app';
import { createDriver } from '../../db';

export interface ApiServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  /** Response cache size in MiB; 0 turns it off (the baseline). Default: the product's default. */
  cacheMb?: number;
}

export async function spawnApiServer(
  neo4j: { uri: string; password: string },
  options: ApiServerOptions = {},
): Promise<ApiServerProcess> {
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const cacheMb = options.cacheMb ?? DEFAULT_CACHE.maxMb;
  const child = spawn(tsx, [__filename], {
    // The password through the environment, not the command line that every local user can list.
    env: {
      ...process.env,
      BENCH_NEO4J_URI: neo4j.uri,
      BENCH_NEO4J_PASSWORD: neo4j.password,
      BENCH_CACHE_MB: String(cacheMb),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('bench/api-server: not ready after 60 s')), 60_000);
    child.once('exit', (code) =>
      reject(new Error(`bench/api-server: exited with status ${code} before it was ready`)),
    );
    lines.on('line', (line) => {
      const match = /^API_READY (\S+) (\d+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], pid: Number(match[2]) });
      }
    });
  });
  return {
    // tsx may run the script in a child node process; the RSS that matters is the server's own.
    url: ready.url,
    pid: ready.pid,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const uri = process.env.BENCH_NEO4J_URI;
  if (!uri) throw new Error('bench/api-server: BENCH_NEO4J_URI is not set');
  const driver = createDriver({ uri, user: 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '' });
  const running = await startServer({
    driver,
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 50 },
    // The benchmark measures the queries, not the per-client rate limit.
    queriesPerMinute: 1_000_000_000,
    cache: { ...DEFAULT_CACHE, maxMb: Number(process.env.BENCH_CACHE_MB ?? DEFAULT_CACHE.maxMb) },
  });
  const stop = async () => {
    await stopServer(running);
    await driver.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  // The pid tells the parent which process to measure (this one, not a tsx wrapper).
  process.stdout.write(`API_READY ${running.url} ${process.pid}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
