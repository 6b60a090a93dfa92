// @title Mentions of an entity by month
// @description How many posts mention the entity each month, with the first post of the month.
// @param entity string "Meta" Entity name or key
// @label entity Entity
// @input entity entity
MATCH (x:Entity)
WHERE x.key = toLower(trim($entity)) OR toLower(x.name) = toLower(trim($entity))
MATCH (p:Post)-[:MENTIONS]->(x)
WHERE p.date IS NOT NULL
WITH substring(p.date, 0, 7) AS month, p ORDER BY p.date
RETURN month, count(p) AS posts, head(collect(p.title)) AS firstPost
ORDER BY month
