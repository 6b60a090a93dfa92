// The entities on the paths found (server/services/paths.ts), by key.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n {.key, .name, .type, .mentionCount, .firstSeen, .lastSeen} AS node
