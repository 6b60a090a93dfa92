// @title What a model outperforms
// @description Everything the given entity is said to beat, and on which benchmark, with the sentence that says so.
// @param model string "Llama 3" Model name or key
// @label model Model
// @input model entity
// @param limit integer 100 Rows at most
// @label limit Rows at most
MATCH (x:Entity)-[r:OUTPERFORMS]->(y:Entity)
WHERE x.key = toLower(trim($model))
   OR toLower(x.name) = toLower(trim($model))
   OR toLower(trim($model)) IN [alias IN coalesce(x.aliases, []) | toLower(alias)]
RETURN x.name AS model, y.name AS outperforms, r.benchmark AS benchmark, r.evidence AS evidence, r.post AS post, r
ORDER BY outperforms, r.date
LIMIT $limit
