// Upserts entity-entity relationships, one per (from, type, to, post). The type comes from the
// fixed whitelist RELATION_TYPES (checked in ingest/load/plan.ts before any write).
// $rows: RelationRow[]
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
MERGE (a)-[r:$(row.type) {post: row.post}]->(b)
SET r.evidence = row.evidence,
    r.confidence = row.confidence,
    r.date = row.date,
    r.score = row.score,
    r.metric = row.metric,
    r.benchmark = row.benchmark
RETURN count(*) AS written
