// Evidence for co-mention hops: for each {from, to}, the posts that mention both (how many, and
// the first $maxEvidence by date, then by post key), each with a sentence that mentions both when
// there is one, else the first sentence that mentions `from`, else the post title. Only the posts
// shown are read beyond their date: two hubs share hundreds of posts.
UNWIND $hops AS hop
CALL (hop) {
  MATCH (:Entity {key: hop.from})<-[ma:MENTIONS]-(p:Post)-[mb:MENTIONS]->(:Entity {key: hop.to})
  WITH p, ma, mb ORDER BY p.date IS NULL, p.date, p.key
  RETURN collect([p, ma, mb]) AS shared
}
WITH hop, shared WHERE size(shared) > 0
RETURN hop.from AS from, hop.to AS to, 'CO_MENTIONED' AS type, size(shared) AS count,
       [x IN shared[0..$maxEvidence] | {
         post: x[0].key, title: coalesce(x[0].title, ''), date: x[0].date, sourceUrl: x[0].sourceUrl,
         sentence: coalesce(
           head([s IN coalesce(x[1].sentences, []) WHERE s IN coalesce(x[2].sentences, [])]),
           head(coalesce(x[1].sentences, [])), x[0].title, '')
       }] AS evidence
