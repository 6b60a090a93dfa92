// The $limit newest dated posts (read from the end of the post_date index), each with its channel's
// title and the $entities entities it mentions most, for the overview.
MATCH (p:Post)
WHERE p.date IS NOT NULL
WITH p ORDER BY p.date DESC, p.key LIMIT $limit
OPTIONAL MATCH (p)-[:IN_CHANNEL]->(c:Channel)
CALL (p) {
  MATCH (p)-[m:MENTIONS]->(e:Entity)
  WITH e ORDER BY m.count DESC, coalesce(e.mentionCount, 0) DESC, e.key LIMIT $entities
  RETURN collect({key: e.key, name: e.name, type: e.type}) AS entities
}
RETURN p.key AS id, coalesce(p.title, '') AS title, p.date AS date, p.channel AS channel,
       coalesce(c.title, p.channel) AS channelTitle, p.sourceUrl AS sourceUrl, entities
ORDER BY date DESC, id
