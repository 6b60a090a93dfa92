import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Root of the cypher/ folder: API queries in cypher/api, saved queries in cypher/queries. */
export const CYPHER_DIR = path.resolve(__dirname, '..', '..', 'cypher');

const cache = new Map<string, string>();

/**
 * The text of cypher/api/<name>.cypher. Queries live in files so they can be read, reviewed and
 * run in Neo4j Browser as they are; every value in them is a $parameter.
 */
export function apiQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(CYPHER_DIR, 'api', `${name}.cypher`);
    text = readFileSync(file, 'utf8');
    cache.set(name, text);
  }
  return text;
}
