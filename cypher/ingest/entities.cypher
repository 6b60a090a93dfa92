// Upserts entities. The first name written stays canonical; every other name becomes an alias
// (union, no duplicates). The type given here is provisional: entity-stats.cypher sets the final
// type (and its label) from the votes of all posts.
// $rows: EntityRow[] (ingest/load/plan.ts)
UNWIND $rows AS row
MERGE (e:Entity {key: row.key})
  ON CREATE SET e.name = row.name, e.type = row.type, e:$(row.type), e.aliases = []
WITH e, row, coalesce(e.aliases, []) + row.aliases + [row.name] AS names
SET e.aliases = reduce(acc = [], a IN names | CASE WHEN a = e.name OR a IN acc THEN acc ELSE acc + a END),
    e.url = coalesce(row.url, e.url)
RETURN count(*) AS written
