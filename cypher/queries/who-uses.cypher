// @title Who uses a library
// @description Models, products and projects said to use the given library (or anything else).
// @param library string "PyTorch" Library name or key
// @label library Library
// @input library entity
// @param limit integer 100 Rows at most
// @label limit Rows at most
MATCH (user:Entity)-[r:USES]->(lib:Entity)
WHERE lib.key = toLower(trim($library))
   OR toLower(lib.name) = toLower(trim($library))
   OR toLower(trim($library)) IN [alias IN coalesce(lib.aliases, []) | toLower(alias)]
WITH user, lib, collect(r) AS statements
RETURN user.name AS user, user.type AS type, lib.name AS library, size(statements) AS posts, statements
ORDER BY posts DESC, user
LIMIT $limit
