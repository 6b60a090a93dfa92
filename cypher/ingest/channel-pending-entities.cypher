// Start of a channel delete: records on the channel the keys of the entities its posts mention
// (with those an earlier, interrupted run recorded), and returns them. Their statistics, type and
// names are recomputed once, after the last batch of posts (entity-names, entity-stats); a run cut
// short before that leaves the list for the next run, which finishes the job.
// $key: channel key
MATCH (c:Channel {key: $key})
CALL (c) {
  OPTIONAL MATCH (c)<-[:IN_CHANNEL]-(:Post)-[:MENTIONS]->(e:Entity)
  RETURN collect(DISTINCT e.key) AS mentioned
}
WITH c, mentioned, coalesce(c.deletePending, []) AS earlier
SET c.deletePending = earlier + [k IN mentioned WHERE NOT k IN earlier]
RETURN c.deletePending AS keys
