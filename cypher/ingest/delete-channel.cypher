// Last step of a channel delete, once its posts are gone: the channel node goes, unless posts of
// other channels were forwarded from it; then it stays as any forward source is written
// (posts.cypher: a key and the title the forwarding post gives), without what its import set
// (deletePending, the bookkeeping of the delete, included).
// $key: channel key
MATCH (c:Channel {key: $key})
CALL (c) {
  WITH c
  WHERE EXISTS { (:Post)-[:FORWARDED_FROM]->(c) }
  SET c = {key: c.key, title: head([(p:Post)-[:FORWARDED_FROM]->(c) | p.forwardedFrom])}
}
CALL (c) {
  WITH c
  WHERE NOT EXISTS { (:Post)--(c) }
  DELETE c
}
RETURN count(*) AS channels
