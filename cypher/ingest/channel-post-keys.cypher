// The keys of a channel's posts, read once so a delete can go through them in batches.
// $key: channel key
MATCH (p:Post)-[:IN_CHANNEL]->(:Channel {key: $key})
RETURN p.key AS key
ORDER BY key
