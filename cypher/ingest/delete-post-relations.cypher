// Deletes the entity-entity relationships that these posts state: each relationship carries the
// key of the one post that states it, so the same relation stated by another post stays.
// RELATION_TYPE is replaced by a name from the whitelist RELATION_TYPES (ingest/load/cypher.ts),
// so the lookup seeks the relationship's `post` index (cypher/schema.cypher).
// $keys: post keys
UNWIND $keys AS key
MATCH ()-[r:RELATION_TYPE {post: key}]->()
DELETE r
RETURN count(*) AS deleted
