// Deletes channels that deleted posts were forwarded from, when they are only that: never
// imported, and no other post is in them or forwarded from them.
// $keys: channel keys
UNWIND $keys AS key
MATCH (f:Channel {key: key})
WHERE f.importedAt IS NULL AND NOT EXISTS { (:Post)--(f) }
DELETE f
RETURN count(*) AS deleted
