// Deletes relationships of one type that an edited post no longer states. RELATION_TYPE is
// replaced by a name from the whitelist RELATION_TYPES (ingest/load/cypher.ts), so the lookup
// seeks the relationship's `post` index.
// $rows: {post, from, to}[]
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})-[r:RELATION_TYPE {post: row.post}]->(b:Entity {key: row.to})
DELETE r
