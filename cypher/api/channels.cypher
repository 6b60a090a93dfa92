// The imported channels (GET /api/channels): title, post count, date span of their posts, and the
// time their last import finished. Channels only named as a forward source (no posts, never
// imported) are left out. Post dates are ISO strings, so min/max compare them as times.
MATCH (c:Channel)
CALL (c) {
  OPTIONAL MATCH (p:Post)-[:IN_CHANNEL]->(c)
  RETURN count(p) AS posts, min(p.date) AS firstPost, max(p.date) AS lastPost
}
WITH c, posts, firstPost, lastPost
WHERE posts > 0 OR c.importedAt IS NOT NULL
RETURN c.key AS key,
       coalesce(c.title, c.key) AS title,
       c.username AS username,
       posts,
       firstPost,
       lastPost,
       c.importedAt AS importedAt
ORDER BY toLower(title), key
