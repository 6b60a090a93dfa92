import fs from 'node:fs';
import { EMBEDDED_FOR_RUN, type RunDatabase } from './support/run-database';

/** Stops the embedded Neo4j that global-setup started (never an external NEO4J_URI one). */
export default async function globalTeardown(): Promise<void> {
  const slot = globalThis as Record<symbol, unknown>;
  const run = slot[EMBEDDED_FOR_RUN] as RunDatabase | null | undefined;
  if (!run) return;
  slot[EMBEDDED_FOR_RUN] = null;
  await run.neo4j.stop();
  fs.rmSync(run.dataDir, { recursive: true, force: true });
  // Later setups in the same jest process (another project) must start their own again.
  delete process.env.NEO4J_URI;
}
