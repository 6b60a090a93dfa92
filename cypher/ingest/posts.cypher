// Upserts posts with IN_CHANNEL, and FORWARDED_FROM to a channel keyed by the source's title slug.
// $rows: PostRow[]
UNWIND $rows AS row
MERGE (p:Post {key: row.key})
SET p.channel = row.channel,
    p.messageId = row.messageId,
    p.title = row.title,
    p.date = row.date,
    p.edited = row.edited,
    p.text = row.text,
    p.language = row.language,
    p.forwardedFrom = row.forwardedFrom,
    p.sourceUrl = row.sourceUrl,
    p.links = row.links,
    p.relationKeys = row.relationKeys
WITH p, row
MATCH (c:Channel {key: row.channel})
MERGE (p)-[:IN_CHANNEL]->(c)
WITH p, row
CALL (p, row) {
  OPTIONAL MATCH (p)-[old:FORWARDED_FROM]->(f:Channel)
  WHERE row.forwardedKey IS NULL OR f.key <> row.forwardedKey
  DELETE old
}
CALL (p, row) {
  WITH p, row
  WHERE row.forwardedKey IS NOT NULL
  MERGE (f:Channel {key: row.forwardedKey})
    ON CREATE SET f.title = row.forwardedFrom
  MERGE (p)-[:FORWARDED_FROM]->(f)
}
RETURN count(*) AS written
