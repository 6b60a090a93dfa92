// One level of the path search over co-mentions (server/services/path-search.ts): for each entity
// in $keys, every other entity a post mentioning it also mentions, once however many posts share
// them. At most $limit rows, as in path-links.cypher.
UNWIND $keys AS key
MATCH (n:Entity {key: key})<-[:MENTIONS]-(:Post)-[:MENTIONS]->(m:Entity)
WHERE m <> n
WITH DISTINCT key, m.key AS to
LIMIT $limit
RETURN key AS from, to, 'CO_MENTIONED' AS type, true AS forward
