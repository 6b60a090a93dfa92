// Recomputes what depends on all posts, for the entities an import touched (idempotent):
// - type: the type most posts give it (ties: the one given by the earliest post, then by name),
//   with its label;
// - mentionCount (sum of MENTIONS.count), postCount, firstSeen/lastSeen (min/max post date,
//   compared as ISO strings).
// $keys: entity keys; $typeLabels: every entity type label (ENTITY_TYPES)
UNWIND $keys AS key
MATCH (e:Entity {key: key})
CALL (e) {
  MATCH (p:Post)-[m:MENTIONS]->(e)
  WITH m.type AS type, count(*) AS votes, min(p.date) AS since
  ORDER BY votes DESC, since ASC, type ASC
  RETURN collect(type)[0] AS votedType
}
CALL (e) {
  MATCH (p:Post)-[m:MENTIONS]->(e)
  RETURN sum(m.count) AS mentionCount, count(p) AS postCount, min(p.date) AS firstSeen, max(p.date) AS lastSeen
}
WITH e, coalesce(votedType, e.type) AS type, mentionCount, postCount, firstSeen, lastSeen
CALL (e, type) {
  WITH e, type
  WHERE [l IN labels(e) WHERE l IN $typeLabels] <> [type]
  REMOVE e:$($typeLabels)
  SET e:$(type)
}
SET e.type = type,
    e.mentionCount = mentionCount,
    e.postCount = postCount,
    e.firstSeen = firstSeen,
    e.lastSeen = lastSeen
RETURN count(*) AS updated
