// What deleting a channel would remove (the dry run of a channel delete, and its existence check):
// its posts, their MENTIONS and relations, and the entities no post of another channel mentions.
// A channel only ever named as a forward source (no posts, never imported) gives no row.
// Relations are counted from Post.relationKeys, what the loader wrote for each post.
// $key: channel key
MATCH (c:Channel {key: $key})
CALL (c) {
  OPTIONAL MATCH (p:Post)-[:IN_CHANNEL]->(c)
  RETURN count(p) AS posts, sum(size(coalesce(p.relationKeys, []))) AS relations
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CHANNEL]-(:Post)-[m:MENTIONS]->(e:Entity)
  WITH e, count(m) AS n
  RETURN sum(n) AS mentions,
         sum(CASE WHEN e IS NULL OR EXISTS { MATCH (q:Post)-[:MENTIONS]->(e) WHERE q.channel <> $key } THEN 0 ELSE 1 END) AS entities,
         count(e) AS touched
}
WITH c, posts, relations, mentions, entities, touched
WHERE posts > 0 OR c.importedAt IS NOT NULL
RETURN c.key AS key, c.title AS title, posts, mentions, relations, entities, touched - entities AS keptEntities
