// One page of the posts that mention an entity, newest first (undated posts last),
// with the sentences that mention it.
// Only posts mention entities: no label check on the far end (a hub has tens of thousands).
MATCH (p)-[m:MENTIONS]->(:Entity {key: $key})
RETURN p.key AS id, coalesce(p.title, '') AS title, p.date AS date, p.sourceUrl AS sourceUrl,
       coalesce(m.sentences, []) AS sentences
ORDER BY p.date IS NULL, p.date DESC, p.key
SKIP $skip
LIMIT $limit
