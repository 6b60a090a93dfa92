// Every shortest chain of co-mentions between two entities (entity <- post -> entity per hop), the
// first $limit of them: MENTIONS join only posts and entities, so a path of MENTIONS alternates
// the two. At most 12 relationships = 6 hops (the service writes 2 * max in place of 12).
MATCH (a:Entity {key: $from}), (b:Entity {key: $to})
MATCH p = allShortestPaths((a)-[:MENTIONS*..12]-(b))
WITH p LIMIT $limit
WITH p, [n IN nodes(p) WHERE n:Entity] AS entities
RETURN [n IN entities | n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen}] AS nodes,
       [i IN range(0, size(entities) - 2) | {from: entities[i].key, to: entities[i + 1].key, type: 'CO_MENTIONED'}] AS rels
