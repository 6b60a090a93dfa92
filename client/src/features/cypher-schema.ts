/**
 * What the Cypher editor completes from: the live graph's labels, relationship types and property
 * keys (the console's read-only procedures db.labels, db.relationshipTypes, db.propertyKeys, in one
 * request), and the names of the saved queries' parameters.
 */
import type { QueryResult, SavedQuery } from '../../../server/api/contract';

/** The fields of @neo4j-cypher/editor-support's EditorSupportSchema that we fill. */
export interface CypherSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
}

export const SCHEMA_QUERY = `CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS relationshipTypes
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, relationshipTypes, collect(propertyKey) AS propertyKeys`;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').sort() : [];

/** The schema from SCHEMA_QUERY's answer and the saved queries (either may have failed: null). */
export function schemaFrom(result: QueryResult | null, queries: SavedQuery[] | null): CypherSchema {
  const row = result?.rows[0] ?? [];
  const column = (name: string) => strings(row[result?.columns.indexOf(name) ?? -1]);
  const parameters = [...new Set((queries ?? []).flatMap((q) => q.params.map((p) => p.name)))].sort();
  return {
    labels: column('labels'),
    relationshipTypes: column('relationshipTypes'),
    propertyKeys: column('propertyKeys'),
    parameters,
  };
}
