// One entity with its relationship counts per type and the number of posts that mention it.
MATCH (e:Entity {key: $key})
CALL (e) {
  // Entity-entity relationships only: a hub has thousands of MENTIONS, whose far ends (posts)
  // need not be read at all.
  OPTIONAL MATCH (e)-[r:!MENTIONS]-(:Entity)
  WITH type(r) AS relType, count(r) AS n
  WHERE relType IS NOT NULL
  RETURN collect({type: relType, count: n}) AS degree
}
// Only posts mention entities: counted from the node's degree, without reading the posts.
RETURN e {.*} AS entity, degree, COUNT { (e)<-[:MENTIONS]-() } AS postCount
