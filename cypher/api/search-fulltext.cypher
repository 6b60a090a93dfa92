// Entities whose name or aliases match a Lucene query on the `entity_names` full-text index.
// $lucene is built by server/services/lucene.ts from escaped user terms; $types may be null.
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WHERE node:Entity AND ($types IS NULL OR node.type IN $types)
RETURN node.key AS key, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       coalesce(node.mentionCount, 0) AS mentionCount, score
ORDER BY score DESC, mentionCount DESC, key
LIMIT $limit
