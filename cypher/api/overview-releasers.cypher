// The $limit organisations that released the most distinct things in the latest $months calendar
// months (those ending with the newest post's month; null: every dated release), each with its
// $perOrganisation latest releases. The window's first month comes from the end of the post_date
// index here, not from the caller, so this runs beside the overview's other queries instead of
// after them. It starts from the released_date index (cypher/schema.cypher), so only the window's
// RELEASED relationships are read, not every organisation's. Dates compare as ISO strings
// ('2024-03-12T…' >= '2024-03'; every date >= '').
// A plain MATCH, not CALL { … collect() }: at 100k posts that form took 60 ms instead of 15. Without
// dated posts it matches nothing and so does the whole query, which is the right answer.
MATCH (p:Post) WHERE p.date IS NOT NULL
WITH p.date AS last ORDER BY last DESC LIMIT 1
WITH CASE
       WHEN $months IS NULL THEN ''
       ELSE substring(toString(date(substring(last, 0, 7) + '-01') - duration({months: $months - 1})), 0, 7)
     END AS since
// The hint keeps the plan the same on every graph size: on a small graph the planner would rather
// start from the organisations, which at 100k posts reads every organisation's relationships.
MATCH (o:Organization)-[r:RELEASED]->(thing:Entity)
USING INDEX r:RELEASED(date)
WHERE r.date >= since
WITH o, thing, max(r.date) AS date
ORDER BY date DESC, thing.key
WITH o, count(thing) AS releases, max(date) AS latest,
     collect({key: thing.key, name: thing.name, type: thing.type, date: date}) AS released
ORDER BY releases DESC, latest DESC, o.key
LIMIT $limit
RETURN o.key AS key, o.name AS name, o.type AS type, releases, released[0..$perOrganisation] AS released
