// One level of the path search (server/services/path-search.ts): the links of the entities in
// $keys over entity-entity relationships, parallel relationships (one per post) as one link per
// (entity, neighbour, type, direction). At most $limit rows: the service asks for one more than it
// may read, to tell that a level is too large without reading all of it; which rows come first
// does not matter, as a level that large is not used.
// Relationship patterns list the entity-entity types (RELATION_TYPES in vocabulary/types.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them.
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]-(m:Entity)
WHERE m <> n
WITH DISTINCT key, m.key AS to, type(r) AS type, startNode(r) = n AS forward
LIMIT $limit
RETURN key AS from, to, type, forward
