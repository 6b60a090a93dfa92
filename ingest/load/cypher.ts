/**
 * The loader's Cypher statements, read once from cypher/ingest/*.cypher. They are parameterised:
 * data only ever travels as parameters, never inside the query text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RELATION_TYPES, type RelationType } from '../../vocabulary/types';

export const INGEST_CYPHER_DIR = path.resolve(__dirname, '../../cypher/ingest');

export type IngestStatement =
  | 'channel'
  | 'entities'
  | 'existing-entities'
  | 'entity-types'
  | 'graph-persons'
  | 'create-entities'
  | 'existing-posts'
  | 'create-posts'
  | 'delete-mentions'
  | 'posts'
  | 'mentions'
  | 'delete-orphans'
  | 'rekey-freed-meanings'
  | 'entity-stats'
  | 'count-posts'
  | 'mark-imported'
  | 'channel-months'
  | 'follow-add'
  | 'follow-get'
  | 'follow-list'
  | 'follow-fetched'
  | 'follow-failed'
  | 'follow-remove'
  | 'follow-stored-posts'
  | 'channel-impact'
  | 'channel-post-keys'
  | 'channel-pending-entities'
  | 'delete-posts'
  | 'entity-names'
  | 'delete-forward-sources'
  | 'delete-channel'
  | 'channel-keys'
  | 'follow-delete-channel';

const cache = new Map<string, string>();

function read(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(INGEST_CYPHER_DIR, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

export function ingestCypher(name: IngestStatement): string {
  return read(name);
}

const RELATION_TYPE_SET: ReadonlySet<string> = new Set(RELATION_TYPES);

/**
 * A statement for one relationship type: relations.cypher (upsert), delete-relations.cypher (what
 * an edited post dropped) or delete-post-relations.cypher (everything deleted posts stated).
 * The type is a name from the fixed whitelist RELATION_TYPES, checked here again, so no input
 * ever reaches the query text.
 */
export function relationCypher(
  type: RelationType,
  statement: 'relations' | 'delete-relations' | 'delete-post-relations' = 'relations',
): string {
  if (!RELATION_TYPE_SET.has(type))
    throw new Error(`ingest/load: not a relation type: ${JSON.stringify(type)}`);
  const key = `${statement}:${type}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = read(statement).replaceAll('RELATION_TYPE', type);
    cache.set(key, text);
  }
  return text;
}
