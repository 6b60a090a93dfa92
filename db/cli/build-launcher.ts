/** `npm run db:launcher`: build the embedded Neo4j launcher now (normally done on first use). */
import { ensureLauncherBuilt } from '../launcher-build';

ensureLauncherBuilt((message) => console.log(message))
  .then((result) => {
    const what = result.built ? 'built' : 'already up to date';
    console.log(`db: ${result.jar} ${what} (${(result.durationMs / 1000).toFixed(1)} s)`);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
