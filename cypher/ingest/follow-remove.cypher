// Stops following a channel. Its posts stay in the graph (deleting them is a channel delete).
MATCH (f:Follow {channel: $channel})
DELETE f
RETURN count(*) AS removed
