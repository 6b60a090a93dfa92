// The overview's counts (GET /api/overview): posts and entities of each type, read from
// Neo4j's count store (one label per count, so each is its own subquery). The dates are a query of
// their own (overview-dates.cypher): joined to these subqueries they took 45 ms instead of 8 at
// 100k posts.
// The type labels are ENTITY_TYPES (vocabulary/types.ts); tests/integration/api-overview.test.ts
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
RETURN channels, posts, entities,
       {Organization: organizations, Person: persons, Model: models, Library: libraries,
        Dataset: datasets, Repository: repositories, Event: events, Product: products} AS byType
