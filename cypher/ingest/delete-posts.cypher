// Deletes posts with their MENTIONS, IN_CHANNEL and FORWARDED_FROM (their relations go first, by
// delete-post-relations.cypher). Returns, per post, the entities it mentioned (their statistics
// and names are recomputed next) and the channels it was forwarded from (removed when nothing
// else points at them).
// $keys: post keys
UNWIND $keys AS key
MATCH (p:Post {key: key})
WITH p,
     [(p)-[:MENTIONS]->(e:Entity) | e.key] AS entities,
     [(p)-[:FORWARDED_FROM]->(f:Channel) | f.key] AS forwarded
DETACH DELETE p
RETURN entities, forwarded
