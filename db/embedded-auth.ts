import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors';

/**
 * The embedded database runs with authentication on (issue 11, item 9: a Bolt port open to every
 * local process let anyone write to the graph past the API's token and read-only console). The
 * launcher generates the neo4j user's password at the first start and keeps it in the data
 * directory, mode 0600 (db/launcher Neo4jLauncher.PASSWORD_FILE); every process that connects to
 * that database (server, ingest CLI, tests) reads it from there.
 */
export const EMBEDDED_USER = 'neo4j';
export const PASSWORD_FILE_NAME = 'neo4j-password';

export function passwordFilePath(dataDir: string): string {
  return path.join(path.resolve(dataDir), PASSWORD_FILE_NAME);
}

/** The password the launcher set for the database on dataDir. */
export function readEmbeddedPassword(dataDir: string): string {
  const file = passwordFilePath(dataDir);
  let password: string;
  try {
    password = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DatabaseSetupError(
      `db: cannot read the embedded database's password from ${file} (${code}); ` +
        'it is written by the launcher at its start, readable only by the user that runs it',
      { cause: error },
    );
  }
  if (password === '') throw new DatabaseSetupError(`db: ${file} is empty; delete it and start again`);
  return password;
}
