// Upserts entity-entity relationships of one type, one per (from, type, to, post).
// RELATION_TYPE is replaced by a name from the fixed whitelist RELATION_TYPES (vocabulary/types.ts) by
// ingest/load/cypher.ts, never by input data. A static type is needed here: with a dynamic type
// ($(row.type)) Neo4j 5.26 plans this MERGE as a scan of all relationships per row instead of a
// seek on the relationship's `post` index (cypher/schema.cypher).
// $rows: RelationRow[] (ingest/load/plan.ts), all of that type
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:RELATION_TYPE {post: row.post}]->(b)
SET r.evidence = row.evidence,
    r.confidence = row.confidence,
    r.date = row.date,
    r.score = row.score,
    r.metric = row.metric,
    r.benchmark = row.benchmark
RETURN count(*) AS written
