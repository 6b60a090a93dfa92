// Neighbourhood of an entity: entities within $depth (1 or 2) hops over entity-entity
// relationships of the types in $rels, entities of the types in $types (null: all), the nearest
// and most mentioned first. $limit + 1 neighbours are fetched so the caller can tell truncation.
// Returns the chosen nodes and every relationship among them, parallel relationships (one per
// post) collapsed into one row with their count, posts and evidence.
MATCH (centre:Entity {key: $key})
CALL (centre) {
  MATCH (centre)-[r1]-(n:Entity)
  WHERE type(r1) IN $rels AND n <> centre AND ($types IS NULL OR n.type IN $types)
  RETURN n, 1 AS hop
  UNION
  // Distinct middle entities first, so parallel relationships do not multiply the second hop.
  MATCH (centre)-[r1]-(m:Entity)
  WHERE $depth >= 2 AND type(r1) IN $rels AND m <> centre AND ($types IS NULL OR m.type IN $types)
  WITH DISTINCT centre, m
  MATCH (m)-[r2]-(n:Entity)
  WHERE type(r2) IN $rels AND n <> centre AND ($types IS NULL OR n.type IN $types)
  RETURN DISTINCT n, 2 AS hop
}
WITH centre, n, min(hop) AS hop
ORDER BY hop, coalesce(n.mentionCount, 0) DESC, n.key
WITH centre, collect(n) AS found
WITH centre, found[0..$limit] AS neighbours, size(found) > $limit AS truncated
WITH [centre] + neighbours AS nodes, truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE type(r) IN $rels AND b IN nodes
  WITH a, b, type(r) AS relType, r ORDER BY r.date
  WITH a, b, relType, collect(r) AS parallel
  RETURN collect({
    source: a.key, target: b.key, type: relType, count: size(parallel),
    posts: [x IN parallel | x.post][0..$maxPosts],
    evidence: [x IN parallel WHERE x.evidence IS NOT NULL | x.evidence][0..$maxPosts],
    firstDate: head([x IN parallel WHERE x.date IS NOT NULL | x.date])
  }) AS edges
}
RETURN [n IN nodes | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen, .url}] AS nodes, edges, truncated
