// @title Models with repositories
// @description Models linked to a code repository, with the repository URL.
// @param limit integer 200 Rows at most
// @label limit Rows at most
MATCH (m:Model)-[r:HAS_REPO]->(repo:Repository)
WITH m, repo, collect(r) AS statements
RETURN m.name AS model, repo.name AS repository, repo.url AS url, size(statements) AS posts, statements
ORDER BY model, repository
LIMIT $limit
