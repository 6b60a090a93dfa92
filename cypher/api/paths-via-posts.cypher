// Up to 16 shortest chains of co-mentions between two entities: each hop goes from an entity to
// a post that mentions it and on to another entity that post mentions. At most 6 hops (12
// relationships; path selectors take literals in Neo4j 5.26), then cut to $max hops.
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = SHORTEST 16 (a)((:Entity)<-[:MENTIONS]-(:Post)-[:MENTIONS]->(:Entity)){1,6}(b)
WITH p WHERE length(p) <= 2 * $max
WITH p, [n IN nodes(p) WHERE n:Entity] AS entities
RETURN [n IN entities | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen}] AS nodes,
       [i IN range(0, size(entities) - 2) | {from: entities[i].key, to: entities[i + 1].key, type: 'CO_MENTIONED'}] AS rels
ORDER BY length(p)
