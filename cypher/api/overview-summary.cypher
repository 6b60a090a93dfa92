// The overview's counts (GET /api/overview): posts and entities of each type, read from
// Neo4j's count store (one label per count, so each is its own subquery), and the first and last
// post dates read from the ends of the post_date index (ORDER BY + LIMIT 1, no scan).
// The type labels are ENTITY_TYPES (ingest/model.ts); tests/integration/api-overview.test.ts
// compares byType with a MATCH count of every type, so a type missing here fails there.
// Channels with posts: a forwarded post's source channel is a node too (FORWARDED_FROM) but holds
// none. Channels are few, and the test is one relationship per channel (a degree check).
CALL () { MATCH (c:Channel) WHERE EXISTS { (c)<-[:IN_CHANNEL]-() } RETURN count(c) AS channels }
CALL () { MATCH (p:Post) RETURN count(p) AS posts }
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (n:Organization) RETURN count(n) AS organizations }
CALL () { MATCH (n:Person) RETURN count(n) AS persons }
CALL () { MATCH (n:Model) RETURN count(n) AS models }
CALL () { MATCH (n:Library) RETURN count(n) AS libraries }
CALL () { MATCH (n:Dataset) RETURN count(n) AS datasets }
CALL () { MATCH (n:Repository) RETURN count(n) AS repositories }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Product) RETURN count(n) AS products }
CALL () {
  MATCH (p:Post) WHERE p.date IS NOT NULL
  WITH p.date AS date ORDER BY date ASC LIMIT 1
  RETURN collect(date)[0] AS firstDate
}
CALL () {
  MATCH (p:Post) WHERE p.date IS NOT NULL
  WITH p.date AS date ORDER BY date DESC LIMIT 1
  RETURN collect(date)[0] AS lastDate
}
RETURN channels, posts, entities, firstDate, lastDate,
       {Organization: organizations, Person: persons, Model: models, Library: libraries,
        Dataset: datasets, Repository: repositories, Event: events, Product: products} AS byType
