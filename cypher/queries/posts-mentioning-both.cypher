// @title Posts that mention both
// @description Posts that mention both entities, newest first.
// @param a string "Meta" First entity (name or key)
// @label a First entity
// @input a entity
// @param b string "OpenAI" Second entity (name or key)
// @label b Second entity
// @input b entity
// @param limit integer 50 Posts at most
// @label limit Posts at most
MATCH (x:Entity), (y:Entity)
WHERE (x.key = toLower(trim($a)) OR toLower(x.name) = toLower(trim($a)))
  AND (y.key = toLower(trim($b)) OR toLower(y.name) = toLower(trim($b)))
MATCH (x)<-[mx:MENTIONS]-(p:Post)-[my:MENTIONS]->(y)
RETURN p.key AS post, p.title AS title, p.date AS date, p.sourceUrl AS url, mx, my
ORDER BY p.date IS NULL, p.date DESC, post
LIMIT $limit
