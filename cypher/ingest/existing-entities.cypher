// Which of these entity keys the graph already holds: the loader creates the others outright.
// $keys: entity keys
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e.key AS key
