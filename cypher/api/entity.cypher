// One entity with its relationship counts per type and the number of posts that mention it.
MATCH (e:Entity {key: $key})
// Relationship counts per type (entity-entity types only: a hub has thousands of MENTIONS).
// Written one COUNT per type because a typed COUNT with an open far end is answered from the
// node's degree store, without reading any relationship; the list is RELATION_TYPES
// (vocabulary/types.ts; tests/unit/server/cypher-relation-types.test.ts keeps the two equal).
WITH e, [
  {type: 'RELEASED', count: COUNT { (e)-[:RELEASED]-() }},
  {type: 'HAS_REPO', count: COUNT { (e)-[:HAS_REPO]-() }},
  {type: 'OWNS', count: COUNT { (e)-[:OWNS]-() }},
  {type: 'USES', count: COUNT { (e)-[:USES]-() }},
  {type: 'OUTPERFORMS', count: COUNT { (e)-[:OUTPERFORMS]-() }},
  {type: 'EVALUATED_ON', count: COUNT { (e)-[:EVALUATED_ON]-() }},
  {type: 'PART_OF', count: COUNT { (e)-[:PART_OF]-() }},
  {type: 'WORKS_AT', count: COUNT { (e)-[:WORKS_AT]-() }},
  {type: 'SPEAKS_AT', count: COUNT { (e)-[:SPEAKS_AT]-() }},
  {type: 'ORGANIZED', count: COUNT { (e)-[:ORGANIZED]-() }},
  {type: 'PRESENTED_AT', count: COUNT { (e)-[:PRESENTED_AT]-() }}
] AS counted
WITH e, [d IN counted WHERE d.count > 0] AS degree
// Only posts mention entities: counted from the node's degree, without reading the posts.
RETURN e {.*} AS entity, degree, COUNT { (e)<-[:MENTIONS]-() } AS postCount
