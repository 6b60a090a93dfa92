// The entities with the given keys and every relationship among them (types in $rels),
// parallel relationships collapsed as in neighbours.cypher.
// Relationship patterns list the entity-entity types (RELATION_TYPES in vocabulary/types.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them; $rels then narrows to the types asked for.
MATCH (n:Entity) WHERE n.key IN $keys
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]->(b:Entity)
  WHERE type(r) IN $rels AND b IN nodes
  WITH a, b, type(r) AS relType, r ORDER BY r.date
  WITH a, b, relType, collect(r) AS parallel
  RETURN collect({
    source: a.key, target: b.key, type: relType, count: size(parallel),
    posts: [x IN parallel[0..$maxPosts] | x.post],
    // Distinct sentences: a sentence repeated in many posts is shown once.
    evidence: reduce(acc = [], x IN parallel |
      CASE WHEN x.evidence IS NULL OR x.evidence IN acc OR size(acc) >= $maxPosts THEN acc ELSE acc + x.evidence END),
    firstDate: head([x IN parallel WHERE x.date IS NOT NULL | x.date])
  }) AS edges
}
RETURN [n IN nodes | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen, .url}] AS nodes, edges, false AS truncated
