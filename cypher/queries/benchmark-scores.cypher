// @title Scores on a benchmark
// @description Reported scores on the given benchmark or dataset, best first.
// @param benchmark string "MMLU" Benchmark or dataset name or key
// @label benchmark Benchmark or dataset
// @input benchmark entity
// @param limit integer 100 Rows at most
// @label limit Rows at most
MATCH (m:Entity)-[r:EVALUATED_ON]->(b:Entity)
WHERE b.key = toLower(trim($benchmark))
   OR toLower(b.name) = toLower(trim($benchmark))
   OR toLower(trim($benchmark)) IN [alias IN coalesce(b.aliases, []) | toLower(alias)]
RETURN m.name AS model, b.name AS benchmark, r.score AS score, r.metric AS metric, r.post AS post, r
ORDER BY r.score IS NULL, r.score DESC, model
LIMIT $limit
