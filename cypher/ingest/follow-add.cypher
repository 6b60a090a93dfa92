// Starts following a channel (idempotent): one :Follow node per channel username. It is kept apart
// from :Channel so that a follow whose first fetch failed leaves no empty channel in the graph.
MERGE (f:Follow {channel: $channel})
ON CREATE SET f.followedAt = $now
RETURN f {.*} AS follow
