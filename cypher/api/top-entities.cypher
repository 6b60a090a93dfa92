// The most mentioned entities (for exporting "the whole graph" within a bound), $limit + 1 of them
// so the caller can tell truncation.
MATCH (n:Entity)
RETURN n.key AS key
ORDER BY coalesce(n.mentionCount, 0) DESC, n.key
LIMIT $limit + 1
