// Deletes posts with their MENTIONS, IN_CHANNEL and FORWARDED_FROM. Returns, per post, the
// entities it mentioned (orphans among them go next), the channels it was forwarded from (removed
// when nothing else points at them) and the relations it stated (relationKeys, null for a post
// written without them): delete-post-relations.cypher deletes those, entity-entity relationships
// being no part of DETACH DELETE.
// $keys: post keys
UNWIND $keys AS key
MATCH (p:Post {key: key})
WITH p, key,
     [(p)-[:MENTIONS]->(e:Entity) | e.key] AS entities,
     [(p)-[:FORWARDED_FROM]->(f:Channel) | f.key] AS forwarded,
     p.relationKeys AS relationKeys
DETACH DELETE p
RETURN key, entities, forwarded, relationKeys
