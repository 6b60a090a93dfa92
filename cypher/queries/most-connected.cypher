// @title Most connected entities
// @description Entities with the most relationships to other entities; optionally of one type.
// @param type string "" Entity type (Organization, Person, Model, ...); empty for all
// @label type Entity type
// @input type entity-type
// @param limit integer 25 Entities at most
// @label limit Entities at most
MATCH (e:Entity)
WHERE $type = '' OR e.type = $type
WITH e, COUNT { (e)-[]-(:Entity) } AS relationships, COUNT { MATCH (e)--(other:Entity) RETURN DISTINCT other } AS neighbours
WHERE relationships > 0
RETURN e.name AS entity, e.type AS type, relationships, neighbours, e.mentionCount AS mentions, e AS node
ORDER BY relationships DESC, mentions DESC, entity
LIMIT $limit
