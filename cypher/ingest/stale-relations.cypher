// Before a post is rewritten: deletes the entity-entity relationships it stated last time but no
// longer states (an edited post). Post.relationKeys holds "TYPE<US>fromKey<US>toKey" per relation.
// $rows: PostRow[]
UNWIND $rows AS row
MATCH (p:Post {key: row.key})
UNWIND [k IN coalesce(p.relationKeys, []) WHERE NOT k IN row.relationKeys] AS stale
WITH p, split(stale, $separator) AS part
MATCH (a:Entity {key: part[1]})-[r:$(part[0]) {post: p.key}]->(b:Entity {key: part[2]})
DELETE r
RETURN count(r) AS deleted
