// @title Who released what
// @description Organisations (or anyone) and what they released, with the number of posts that say so.
// @description Leave org empty to see every release.
// @param org string "" Organisation name or key; empty for all
// @label org Organisation
// @input org entity
// @param limit integer 100 Rows at most
// @label limit Rows at most
MATCH (o:Entity)-[r:RELEASED]->(thing:Entity)
WHERE $org = ''
   OR o.key = toLower(trim($org))
   OR toLower(o.name) = toLower(trim($org))
   OR toLower(trim($org)) IN [alias IN coalesce(o.aliases, []) | toLower(alias)]
WITH o, thing, collect(r) AS statements
RETURN o.name AS releasedBy, thing.name AS released, thing.type AS type, size(statements) AS posts, statements
ORDER BY posts DESC, releasedBy, released
LIMIT $limit
