// @title Repositories not linked to an organisation
// @description Repositories that no organisation OWNS and whose GitHub owner (the part before "/")
// @description is not the key or an alias of a known organisation.
// @param limit integer 200 Rows at most
// @label limit Rows at most
MATCH (repo:Repository)
WHERE NOT EXISTS { (:Organization)-[:OWNS]->(repo) }
WITH repo, split(repo.key, '/')[0] AS owner
WHERE NOT EXISTS {
  MATCH (o:Organization)
  WHERE o.key = owner OR owner IN [alias IN coalesce(o.aliases, []) | toLower(alias)]
}
RETURN repo.name AS repository, owner, repo.url AS url, repo.mentionCount AS mentions, repo AS node
ORDER BY mentions DESC, repository
LIMIT $limit
