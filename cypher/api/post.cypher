// A post with its channel and every entity it mentions (offsets as a flat start,end,... list).
MATCH (p:Post {key: $id})
OPTIONAL MATCH (c:Channel {key: p.channel})
OPTIONAL MATCH (p)-[m:MENTIONS]->(e:Entity)
RETURN p {.*} AS post, c.username AS username, c.title AS channelTitle,
       [x IN collect({key: e.key, name: e.name, type: e.type, offsets: coalesce(m.offsets, [])}) WHERE x.key IS NOT NULL] AS mentions
