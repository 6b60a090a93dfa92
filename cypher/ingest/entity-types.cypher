// The type the graph holds for each of these entity keys (those it has): an incoming entity whose
// meaning differs gets a key of its own (ingest/load/meanings.ts).
// $keys: entity keys
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e.key AS key, e.type AS type
