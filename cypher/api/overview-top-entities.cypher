// The $limit most mentioned entities, read in order from the entity_mention_count index.
MATCH (e:Entity)
WHERE e.mentionCount IS NOT NULL
WITH e ORDER BY e.mentionCount DESC, e.key LIMIT $limit
RETURN e.key AS key, e.name AS name, e.type AS type, e.mentionCount AS mentionCount,
       coalesce(e.postCount, 0) AS postCount
