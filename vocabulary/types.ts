/**
 * The graph's vocabulary: the entity types (a label on every Entity node) and the relation types
 * (one Neo4j relationship type each). Ingest writes them, the server queries and validates them,
 * the client colours and filters by them: all three import this file, so none keeps its own copy.
 * Pure (no Node APIs), so the client bundles it. Keys (normalised names) are in ./keys.ts.
 */

export const ENTITY_TYPES = [
  'Organization',
  'Person',
  'Model',
  'Library',
  'Dataset',
  'Repository',
  'Event',
  'Product',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const RELATION_TYPES = [
  'RELEASED',
  'HAS_REPO',
  'OWNS',
  'USES',
  'OUTPERFORMS',
  'EVALUATED_ON',
  'PART_OF',
  'WORKS_AT',
  'SPEAKS_AT',
  'ORGANIZED',
  'PRESENTED_AT',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
