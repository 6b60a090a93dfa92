// Before a post is rewritten: deletes its MENTIONS of entities it no longer mentions, and returns
// those entities so that their statistics are recomputed (and orphans removed).
// $rows: PostRow[]
UNWIND $rows AS row
MATCH (p:Post {key: row.key})-[m:MENTIONS]->(e:Entity)
WHERE NOT e.key IN row.entityKeys
DELETE m
RETURN collect(DISTINCT e.key) AS detached
