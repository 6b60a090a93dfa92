// @title Entities most often mentioned with another
// @description Entities that share the most posts with the given one.
// @param entity string "Meta" Entity name or key
// @param limit integer 25 Entities at most
MATCH (x:Entity)
WHERE x.key = toLower(trim($entity))
   OR toLower(x.name) = toLower(trim($entity))
   OR toLower(trim($entity)) IN [alias IN coalesce(x.aliases, []) | toLower(alias)]
MATCH (x)<-[:MENTIONS]-(p:Post)-[:MENTIONS]->(y:Entity)
WHERE y <> x
WITH x, y, count(DISTINCT p) AS sharedPosts
RETURN y.name AS entity, y.type AS type, sharedPosts, x AS centre, y AS node
ORDER BY sharedPosts DESC, entity
LIMIT $limit
