// Evidence for path hops: for each {from, to, type}, the relationships of that type from -> to
// (how many, and the first $maxEvidence), each with the post that states it and the sentence.
UNWIND $hops AS hop
MATCH (a:Entity {key: hop.from})-[r]->(b:Entity {key: hop.to})
WHERE type(r) = hop.type
OPTIONAL MATCH (p:Post {key: r.post})
WITH hop, r, p ORDER BY r.date
WITH hop, collect({post: r.post, title: coalesce(p.title, ''), date: coalesce(p.date, r.date),
                   sourceUrl: p.sourceUrl, sentence: coalesce(r.evidence, '')}) AS statements
RETURN hop.from AS from, hop.to AS to, hop.type AS type, size(statements) AS count, statements[0..$maxEvidence] AS evidence
