// Creates entities that are not in the graph yet (the loader checked that in the same
// transaction), with the same properties entities.cypher would give them: the name is canonical,
// every other name an alias (no duplicates). CREATE skips MERGE's lookup and its Eager operators.
// $rows: EntityRow[] (ingest/load/plan.ts)
UNWIND $rows AS row
CREATE (e:Entity {key: row.key})
SET e:$(row.type),
    e.name = row.name,
    e.type = row.type,
    e.aliases = reduce(acc = [], a IN row.aliases | CASE WHEN a = row.name OR a IN acc THEN acc ELSE acc + a END),
    e.url = row.url
RETURN count(*) AS written
