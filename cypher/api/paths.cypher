// Up to 16 shortest paths between two entities over entity-entity relationships (types in $rels),
// at most 6 hops (path selectors take literals in Neo4j 5.26), then cut to $max hops. Parallel
// relationships make several paths over the same nodes; the service merges them.
// Relationship patterns list the entity-entity types (RELATION_TYPES in ingest/model.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them; $rels then narrows to the types asked for.
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = SHORTEST 16 (a)(()-[r:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]-(:Entity) WHERE type(r) IN $rels){1,6}(b)
WITH p WHERE length(p) <= $max
RETURN [n IN nodes(p) | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen}] AS nodes,
       [x IN relationships(p) | {from: startNode(x).key, to: endNode(x).key, type: type(x)}] AS rels
ORDER BY length(p)
