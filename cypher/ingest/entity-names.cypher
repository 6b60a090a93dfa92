// After a channel delete: an entity keeps only the aliases that the posts still mentioning it give
// (MENTIONS.names), in the order it had them, and a name no remaining post gives is replaced by
// the name of the earliest remaining post. An entity with a mention written before MENTIONS had
// names keeps its names as they are: what that post called it is not known.
// $keys: entity keys that lost mentions (orphans are already deleted)
UNWIND $keys AS key
MATCH (e:Entity {key: key})
CALL (e) {
  MATCH (p:Post)-[m:MENTIONS]->(e)
  WITH p, m ORDER BY p.date ASC, p.key ASC
  RETURN collect(m.names) AS lists, count(m) - count(m.names) AS unnamed
}
WITH e, lists
WHERE unnamed = 0 AND size(lists) > 0
WITH e, lists[0][0] AS earliest, reduce(acc = [], l IN lists | acc + l) AS names
WITH e, names, CASE WHEN e.name IN names THEN e.name ELSE earliest END AS name
SET e.name = name,
    e.aliases = [a IN coalesce(e.aliases, []) WHERE a IN names AND a <> name]
RETURN count(*) AS updated
