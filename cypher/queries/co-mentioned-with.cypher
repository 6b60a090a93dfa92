// @title Entities most often mentioned with another
// @description Entities that share the most posts with the given one.
// @param entity string "Meta" Entity name or key
// @label entity Entity
// @input entity entity
// @param limit integer 25 Entities at most
// @label limit Entities at most
// The entity by its key (an index lookup); only when no key matches, by name or alias (a scan).
OPTIONAL MATCH (byKey:Entity {key: toLower(trim($entity))})
CALL (byKey) {
  WITH byKey WHERE byKey IS NOT NULL
  RETURN byKey AS x
  UNION
  WITH byKey WHERE byKey IS NULL
  MATCH (x:Entity)
  WHERE toLower(x.name) = toLower(trim($entity))
     OR toLower(trim($entity)) IN [alias IN coalesce(x.aliases, []) | toLower(alias)]
  RETURN x
}
// Only posts mention entities, and a post mentions an entity once, so count(p) counts posts.
MATCH (x)<-[:MENTIONS]-(p)-[:MENTIONS]->(y)
WHERE y <> x
WITH x, y, count(p) AS sharedPosts
RETURN y.name AS entity, y.type AS type, sharedPosts, x AS centre, y AS node
ORDER BY sharedPosts DESC, entity
LIMIT $limit
