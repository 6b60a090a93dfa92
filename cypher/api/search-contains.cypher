// Fallback for very short queries (one or two characters) and for terms the analyser drops:
// a substring of the normalised name (the key) or of an alias. Exact matches rank first,
// then prefixes, then by how often the entity is mentioned.
MATCH (node:Entity)
WHERE ($types IS NULL OR node.type IN $types)
  AND (node.key CONTAINS $needle OR any(alias IN coalesce(node.aliases, []) WHERE toLower(alias) CONTAINS $needle))
WITH node,
     CASE
       WHEN node.key = $needle THEN 3.0
       WHEN node.key STARTS WITH $needle THEN 2.0
       ELSE 1.0
     END AS score
RETURN node.key AS key, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       coalesce(node.mentionCount, 0) AS mentionCount, score
ORDER BY score DESC, mentionCount DESC, key
LIMIT $limit
