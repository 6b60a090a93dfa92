/**
 * The loader's Cypher statements, read once from cypher/ingest/*.cypher. They are parameterised:
 * data only ever travels as parameters, never inside the query text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const INGEST_CYPHER_DIR = path.resolve(__dirname, '../../cypher/ingest');

export type IngestStatement =
  | 'channel'
  | 'entities'
  | 'stale-relations'
  | 'stale-mentions'
  | 'posts'
  | 'mentions'
  | 'relations'
  | 'delete-orphans'
  | 'entity-stats'
  | 'count-posts';

const cache = new Map<IngestStatement, string>();

export function ingestCypher(name: IngestStatement): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(INGEST_CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}
