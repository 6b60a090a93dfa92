// Deletes entities that no post mentions any more (an edited post dropped their last mention).
// Entity-entity relationships always come with mentions of both ends in the same post, so an
// orphan has none left either.
// $keys: entity keys touched by the import (or by a channel delete, which reports the deleted keys)
UNWIND $keys AS key
MATCH (e:Entity {key: key})
WHERE NOT EXISTS { (:Post)-[:MENTIONS]->(e) }
DETACH DELETE e
RETURN count(*) AS deleted, collect(key) AS keys
