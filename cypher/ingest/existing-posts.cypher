// What the posts of a batch stated when they were last written (nothing for new posts): the
// loader compares it with the new extraction and deletes only what an edited post dropped.
// $keys: post keys of the batch
UNWIND $keys AS key
MATCH (p:Post {key: key})
RETURN p.key AS key,
       coalesce(p.relationKeys, []) AS relationKeys,
       [(p)-[:MENTIONS]->(e:Entity) | e.key] AS entityKeys
