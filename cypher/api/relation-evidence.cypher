// Evidence of one collapsed edge, a page at a time: the relationships of type $type from $from to
// $to (parallel relationships, one per post that states it), newest first, undated ones last and
// ties by post key so that pages do not overlap. Returns how many there are and the page from
// $skip, each with its post (title, date, link) and sentence; only the page's posts are looked up.
// Always one row: no such relationship answers total 0 and no items (the service checks that
// both entities exist).
// Relationship patterns list the entity-entity types (RELATION_TYPES in vocabulary/types.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them; $type then picks the one asked for.
MATCH (:Entity {key: $from})-[r:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]->(:Entity {key: $to})
WHERE type(r) = $type
WITH r ORDER BY r.date IS NULL, r.date DESC, r.post
WITH collect(r) AS statements
CALL (statements) {
  UNWIND statements[$skip..$skip + $limit] AS r
  OPTIONAL MATCH (p:Post {key: r.post})
  RETURN collect({post: r.post, title: coalesce(p.title, ''), date: coalesce(p.date, r.date),
                  sourceUrl: p.sourceUrl, sentence: coalesce(r.evidence, '')}) AS items
}
RETURN size(statements) AS total, items
