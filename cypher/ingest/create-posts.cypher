// Writes posts that are not in the graph yet, with their MENTIONS and entity-entity relationships,
// in one statement. The loader checked in the same transaction that none of these post keys
// exists (existing-posts.cypher), so nothing can be there to merge with: plain CREATE is
// idempotent here and skips MERGE's scan of every relationship between two popular entities.
// Posts that already exist go through posts/mentions/relations.cypher (MERGE) instead.
// The relationship type comes from the row ($(rel.type)), but only names from the fixed whitelist
// RELATION_TYPES reach it: plan.ts rejects every other type before anything is written.
// $rows: {post: PostRow, mentions: MentionRow[], relations: RelationRow[]}[] (ingest/load/plan.ts)
UNWIND $rows AS row
WITH row, row.post AS post
MATCH (c:Channel {key: post.channel})
CREATE (p:Post {key: post.key})
SET p.channel = post.channel,
    p.messageId = post.messageId,
    p.title = post.title,
    p.date = post.date,
    p.edited = post.edited,
    p.text = post.text,
    p.language = post.language,
    p.forwardedFrom = post.forwardedFrom,
    p.sourceUrl = post.sourceUrl,
    p.links = post.links,
    p.relationKeys = post.relationKeys
CREATE (p)-[:IN_CHANNEL]->(c)
WITH p, row, post
CALL (p, post) {
  WITH p, post
  WHERE post.forwardedKey IS NOT NULL
  MERGE (f:Channel {key: post.forwardedKey})
    ON CREATE SET f.title = post.forwardedFrom
  CREATE (p)-[:FORWARDED_FROM]->(f)
}
CALL (p, row) {
  UNWIND row.mentions AS mention
  MATCH (e:Entity {key: mention.entity})
  CREATE (p)-[m:MENTIONS]->(e)
  SET m.count = toInteger(mention.count),
      m.offsets = [o IN mention.offsets | toInteger(o)],
      m.sentences = mention.sentences,
      m.type = mention.type,
      m.names = mention.names
  RETURN count(*) AS mentions
}
CALL (row) {
  UNWIND row.relations AS relation
  MATCH (a:Entity {key: relation.from})
  MATCH (b:Entity {key: relation.to})
  CREATE (a)-[r:$(relation.type)]->(b)
  SET r.post = relation.post,
      r.evidence = relation.evidence,
      r.confidence = relation.confidence,
      r.date = relation.date,
      r.score = relation.score,
      r.metric = relation.metric,
      r.benchmark = relation.benchmark
  RETURN count(*) AS relations
}
RETURN count(*) AS posts, sum(mentions) AS mentions, sum(relations) AS relations
