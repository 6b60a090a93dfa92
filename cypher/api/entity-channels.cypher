// The channels whose posts mention an entity, earliest first mention first (undated last): the
// details panel says which channels mention it and which was first. Read apart from entity.cypher,
// which answers from degree counts alone, so a hub's thousands of posts never slow that one.
MATCH (:Entity {key: $key})<-[:MENTIONS]-(p:Post)
WITH p.channel AS key, count(p) AS posts, min(p.date) AS firstSeen
OPTIONAL MATCH (c:Channel {key: key})
RETURN key, coalesce(c.title, key) AS title, posts, firstSeen
ORDER BY firstSeen ASC, key ASC
