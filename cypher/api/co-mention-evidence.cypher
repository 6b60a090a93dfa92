// Evidence for co-mention hops: for each {from, to}, the posts that mention both (how many, and
// the first $maxEvidence by date), each with a sentence that mentions both when there is one,
// else the first sentence that mentions `from`, else the post title.
UNWIND $hops AS hop
MATCH (a:Entity {key: hop.from})<-[ma:MENTIONS]-(p:Post)-[mb:MENTIONS]->(b:Entity {key: hop.to})
WITH hop, p, ma, mb ORDER BY p.date IS NULL, p.date
WITH hop, collect({
  post: p.key, title: coalesce(p.title, ''), date: p.date, sourceUrl: p.sourceUrl,
  sentence: coalesce(
    head([s IN coalesce(ma.sentences, []) WHERE s IN coalesce(mb.sentences, [])]),
    head(coalesce(ma.sentences, [])), p.title, '')
}) AS statements
RETURN hop.from AS from, hop.to AS to, 'CO_MENTIONED' AS type, size(statements) AS count,
       statements[0..$maxEvidence] AS evidence
