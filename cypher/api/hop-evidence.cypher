// Evidence for path hops: for each {from, to, type}, the relationships of that type from -> to
// (how many, and the first $maxEvidence by date, then by post key so that posts of one day are
// cited the same on every run), each with the post that states it and the sentence. Only the
// relationships shown have their post looked up: a hop between two hubs can have hundreds of
// parallel relationships.
// Relationship patterns list the entity-entity types (RELATION_TYPES in vocabulary/types.ts, kept
// equal by tests/unit/server/cypher-relation-types.test.ts): a typed expansion skips a hub's
// thousands of MENTIONS without reading them; $rels then narrows to the types asked for.
UNWIND $hops AS hop
CALL (hop) {
  MATCH (:Entity {key: hop.from})-[r:RELEASED|HAS_REPO|OWNS|USES|OUTPERFORMS|EVALUATED_ON|PART_OF|WORKS_AT|SPEAKS_AT|ORGANIZED|PRESENTED_AT]->(:Entity {key: hop.to})
  WHERE type(r) = hop.type
  WITH r ORDER BY r.date, r.post
  RETURN collect(r) AS statements
}
WITH hop, statements WHERE size(statements) > 0
CALL (statements) {
  UNWIND statements[0..$maxEvidence] AS r
  OPTIONAL MATCH (p:Post {key: r.post})
  RETURN collect({post: r.post, title: coalesce(p.title, ''), date: coalesce(p.date, r.date),
                  sourceUrl: p.sourceUrl, sentence: coalesce(r.evidence, '')}) AS evidence
}
RETURN hop.from AS from, hop.to AS to, hop.type AS type, size(statements) AS count, evidence
