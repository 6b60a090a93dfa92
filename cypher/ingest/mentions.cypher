// Upserts Post-[:MENTIONS]->Entity. `type` is this post's type guess (a vote for the entity's type).
// $rows: MentionRow[]
UNWIND $rows AS row
MATCH (p:Post {key: row.post})
MATCH (e:Entity {key: row.entity})
MERGE (p)-[m:MENTIONS]->(e)
SET m.count = toInteger(row.count),
    m.offsets = [o IN row.offsets | toInteger(o)],
    m.sentences = row.sentences,
    m.type = row.type
RETURN count(*) AS written
