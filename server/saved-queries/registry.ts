import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../repositories/cypher-files';
import { parseSavedQuery, type SavedQueryDefinition } from './header';

export const SAVED_QUERIES_DIR = path.join(CYPHER_DIR, 'queries');

/**
 * Reads every cypher/queries/*.cypher once. A malformed header throws at start-up, naming the
 * file and line, rather than hiding the query from the list.
 */
export function loadSavedQueries(dir: string = SAVED_QUERIES_DIR): Map<string, SavedQueryDefinition> {
  const queries = new Map<string, SavedQueryDefinition>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    const query = parseSavedQuery(file, readFileSync(path.join(dir, file), 'utf8'));
    queries.set(query.name, query);
  }
  return queries;
}
