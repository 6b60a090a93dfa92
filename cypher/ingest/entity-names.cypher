// After a channel delete: an entity keeps only the aliases that the posts still mentioning it give
// (MENTIONS.names), in the order it had them, and a name no remaining post gives is replaced by
// the name of the earliest remaining post. An entity with a mention written before MENTIONS had
// names keeps its names as they are: what that post called it is not known.
// Names are gathered with UNWIND and collect(DISTINCT): concatenating the lists of a popular
// entity's thousands of mentions one by one took seconds per batch.
// $keys: entity keys that lost mentions (orphans are already deleted)
UNWIND $keys AS key
MATCH (e:Entity {key: key})
CALL (e) {
  MATCH (:Post)-[m:MENTIONS]->(e)
  RETURN count(m) - count(m.names) AS unnamed
}
WITH e, unnamed
WHERE unnamed = 0
CALL (e) {
  MATCH (:Post)-[m:MENTIONS]->(e)
  UNWIND m.names AS name
  RETURN collect(DISTINCT name) AS names
}
WITH e, names
WHERE size(names) > 0
CALL (e, names) {
  WITH e, names
  WHERE NOT e.name IN names
  MATCH (p:Post)-[m:MENTIONS]->(e)
  WITH p, m ORDER BY p.date ASC, p.key ASC
  LIMIT 1
  SET e.name = m.names[0]
}
SET e.aliases = [a IN coalesce(e.aliases, []) WHERE a IN names AND a <> e.name]
RETURN count(*) AS updated
