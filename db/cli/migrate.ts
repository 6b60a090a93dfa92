/**
 * `npm run db:migrate`: applies cypher/schema.cypher to the configured database. With no NEO4J_URI
 * it reuses the embedded Neo4j already running on NEO4J_DATA_DIR, or starts one for the duration.
 */
import { loadDatabaseConfig } from '../config';
import { loadEnvFileIfPresent } from '../env-file';
import { ensureDatabase } from '../ensure-database';
import { migrate } from '../migrate';

async function main(): Promise<void> {
  loadEnvFileIfPresent();
  const config = loadDatabaseConfig();
  const database = await ensureDatabase(config, { log: (message) => console.log(message) });
  try {
    const where = database.embedded ? `embedded Neo4j at ${database.uri}` : database.uri;
    const result = await migrate(database.driver);
    console.log(`db:migrate: applied ${result.statements} statements from ${result.file} to ${where}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
