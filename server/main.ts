/**
 * `npm start` / `npm run dev`: configuration -> database (embedded or NEO4J_URI) -> schema ->
 * demo data when the graph is empty -> HTTP server. `--dev` also starts Vite's dev
 * server for client/ (which proxies /api here); otherwise client/dist is served when it has been built.
 */
import path from 'node:path';
import { loadConfig } from './config';
import { ConfigError } from '../db/config';
import { ensureDatabase, migrate, type Database } from '../db';
import { DatabaseSetupError } from '../db/errors';
import { ingestDemoIfEmpty } from '../ingest/demo/load-demo';
import { startServer, stopServer } from './app';
import { loadEnvFileIfPresent } from '../db/env-file';

const CLIENT_DIST = path.resolve(__dirname, '..', 'client', 'dist');

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  loadEnvFileIfPresent();
  const config = loadConfig();

  // A failed query must never take the server down; log what escaped and keep serving.
  process.on('unhandledRejection', (reason) => console.error('server: unhandled rejection:', reason));

  const db: Database = await ensureDatabase(config, { log: (message) => console.log(message) });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`server: ${signal}: stopping`);
    await stopServer().catch((error) => console.error('server: while stopping the HTTP server:', error));
    await db.stop().catch((error) => console.error('server: while stopping the database:', error));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await migrate(db.driver);
  try {
    const demo = await ingestDemoIfEmpty(db.driver);
    if (demo)
      console.log(
        `server: empty graph: loaded the demo channel (${demo.posts} posts, ${demo.entities} entities)`,
      );
  } catch (error) {
    // The explorer is still useful (imports work); say why the demo is missing.
    console.error('server: could not load the demo channel:', error instanceof Error ? error.message : error);
  }

  const running = await startServer({
    driver: db.driver,
    supervision: db.supervision,
    config,
    cache: config.cache,
    limits: { maxAnswerBytes: config.maxAnswerMb * 1024 * 1024 },
    host: config.host,
    port: config.port,
    clientDir: dev ? undefined : CLIENT_DIST,
    follow: { ...config.follow, log: (message) => console.error(`server: ${message}`) },
  });
  console.log(`server: database ${db.embedded ? 'embedded' : 'external'} at ${db.uri}`);
  if (config.follow.intervalMin > 0)
    console.log(
      `server: followed channels are refreshed every ${config.follow.intervalMin} min from ${config.follow.baseUrl}`,
    );
  if (!config.allowedHosts.includes('*')) {
    // Listening on every interface does not make other names work: say so before a LAN user wonders.
    console.log(`server: answering to the host names ${config.allowedHosts.join(', ')} (ALLOWED_HOSTS)`);
  }
  if (dev) await startViteDevServer(running.url);
  console.log(
    dev
      ? `server: API listening on ${running.url}/api (the client is on Vite's dev server below, proxying /api here)`
      : `server: explorer at ${running.url}/`,
  );
}

/** `npm run dev`: Vite's dev server (hot reload) for client/, proxying /api to this process. */
async function startViteDevServer(apiUrl: string): Promise<void> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.resolve(__dirname, '..', 'client', 'vite.config.ts'),
    server: { proxy: { '/api': apiUrl } },
  });
  await vite.listen();
  vite.printUrls();
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseSetupError) console.error(error.message);
  else console.error('server: failed to start:', error);
  process.exit(1);
});
