// Deletes MENTIONS that an edited post no longer has. The entity end has no label on purpose: the
// planner then walks the post's few mentions instead of every mention of a popular entity.
// $rows: {post, entity}[]
UNWIND $rows AS row
MATCH (p:Post {key: row.post})-[m:MENTIONS]->(e)
WHERE e.key = row.entity
DELETE m
