/**
 * A throwaway API for tools that test the API from outside (.ci/schemathesis.sh): a private
 * embedded Neo4j in a temp dir with the demo channel loaded, and the API server on a free port.
 * Prints "API_READY <url> <pid>" on stdout; SIGTERM or SIGINT stops both and deletes the store.
 */
import { DEMO_EXPORT } from '../../ingest/demo/load-demo';
import { ingestFiles } from '../../ingest/pipeline';
import { TmeClient } from '../../ingest/follow/tme-client';
import { startServer, stopServer } from '../../server/app';
import { startBenchNeo4j } from './neo4j';

async function main(): Promise<void> {
  const db = await startBenchNeo4j();
  await ingestFiles(db.driver, [DEMO_EXPORT]);
  const running = await startServer({
    driver: db.driver,
    config: { explorerToken: null, corsOrigins: [], maxUploadMb: 5 },
    // Generated tests send hundreds of queries a minute; the limiter would answer them 429.
    queriesPerMinute: 1_000_000_000,
    // Generated tests POST /api/follows with valid names: their fetches must never reach t.me.
    // Port 9 on loopback refuses the connection, and the client does not retry.
    follow: {
      intervalMin: 0,
      baseUrl: 'http://127.0.0.1:9',
      pageDelayMs: 0,
      timeoutMs: 1000,
      client: new TmeClient({
        pageDelayMs: 0,
        timeoutMs: 1000,
        retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 },
      }),
    },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopServer(running);
    await db.dispose();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(`API_READY ${running.url} ${process.pid}\n`);
}

main().catch((error: unknown) => {
  console.error(`bench/demo-api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
