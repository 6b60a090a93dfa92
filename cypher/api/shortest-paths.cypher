// Every shortest path between two entities over entity-entity relationships, at
// most 6 hops (a literal in the pattern; the service writes the asked maximum in its place), the
// first $limit of them. allShortestPaths searches from both ends at once and stops at the shortest
// length: on a 100k-post graph it answered in tens of milliseconds where the k-shortest pattern of
// paths.cypher took over ten seconds between two hubs. Parallel relationships (one per post) make
// many paths over the same nodes; the service merges them.
// Relationship patterns list the entity-entity types (RELATION_TYPES in ingest/model.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them.
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = allShortestPaths((a)-[:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT*..6]-(b))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen}] AS nodes,
       [x IN relationships(p) | {from: startNode(x).key, to: endNode(x).key, type: type(x)}] AS rels
