// After a channel delete: an entity keyed `base#type` (a second meaning of a name, given its own key
// by ingest/load/meanings.ts) whose base key no entity holds any more takes the base key back, as an
// import of its channels alone would have given it. Only when exactly one such entity claims the base.
MATCH (e:Entity)
WHERE e.key CONTAINS '#'
WITH e, split(e.key, '#')[0] AS base
WHERE NOT EXISTS { MATCH (:Entity {key: base}) }
WITH base, collect(e) AS claimants
WHERE size(claimants) = 1
WITH base, claimants[0] AS e
SET e.key = base
RETURN count(e) AS rekeyed
