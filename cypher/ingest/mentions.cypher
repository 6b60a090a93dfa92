// Upserts Post-[:MENTIONS]->Entity. `type` is this post's type guess (a vote for the entity's type);
// `names` the names this post gives the entity (a channel delete keeps the aliases others give).
// $rows: MentionRow[]
UNWIND $rows AS row
MATCH (p:Post {key: row.post})
MATCH (e:Entity {key: row.entity})
MERGE (p)-[m:MENTIONS]->(e)
SET m.count = toInteger(row.count),
    m.offsets = [o IN row.offsets | toInteger(o)],
    m.sentences = row.sentences,
    m.type = row.type,
    m.names = row.names
RETURN count(*) AS written
