// One entity with its relationship counts per type and the number of posts that mention it.
MATCH (e:Entity {key: $key})
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(:Entity)
  WITH type(r) AS relType, count(r) AS n
  WHERE relType IS NOT NULL
  RETURN collect({type: relType, count: n}) AS degree
}
CALL (e) {
  OPTIONAL MATCH (p:Post)-[:MENTIONS]->(e)
  RETURN count(p) AS postCount
}
RETURN e {.*} AS entity, degree, postCount
