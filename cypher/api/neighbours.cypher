// Neighbourhood of an entity: entities within $depth (1 or 2) hops over entity-entity
// relationships of the types in $rels, entities of the types in $types (null: all), the nearest
// and most mentioned first. Up to $limit + 1 neighbours are kept so the caller can tell truncation.
// Returns the chosen nodes and every relationship among them, parallel relationships (one per
// post) collapsed into one row with their count, the first $maxPosts posts and up to $maxEvidence
// distinct evidence sentences (the earliest first; the rest come from relation-evidence.cypher).
// Every subquery returns exactly one row (a collect), so an entity without relationships still
// answers with itself alone rather than with no row at all (which the service reports as 404).
// Relationship patterns list the entity-entity types (RELATION_TYPES in vocabulary/types.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them; $rels then narrows to the types asked for.
MATCH (centre:Entity {key: $key})
CALL (centre) {
  // Distinct neighbours first: a hub has thousands of parallel relationships to few entities.
  MATCH (centre)-[r1:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]-(n:Entity)
  WHERE type(r1) IN $rels AND n <> centre AND ($types IS NULL OR n.type IN $types)
  WITH DISTINCT n
  ORDER BY coalesce(n.mentionCount, 0) DESC, n.key
  RETURN collect(n) AS near
}
CALL (centre, near) {
  // The second hop only when asked for and when the first hop leaves room under the limit.
  WITH centre, near
  WHERE $depth >= 2 AND size(near) <= $limit
  UNWIND near AS m
  MATCH (m)-[r2:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]-(n:Entity)
  WHERE type(r2) IN $rels AND n <> centre AND ($types IS NULL OR n.type IN $types)
  WITH DISTINCT n, near
  WHERE NOT n IN near
  ORDER BY coalesce(n.mentionCount, 0) DESC, n.key
  LIMIT $limit + 1
  RETURN collect(n) AS far
}
WITH centre, near + far AS found
WITH [centre] + found[0..$limit] AS nodes, size(found) > $limit AS truncated
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
      CASE WHEN x.evidence IS NULL OR x.evidence IN acc OR size(acc) >= $maxEvidence THEN acc ELSE acc + x.evidence END),
    firstDate: head([x IN parallel WHERE x.date IS NOT NULL | x.date])
  }) AS edges
}
RETURN [n IN nodes | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen, .url}] AS nodes, edges, truncated
