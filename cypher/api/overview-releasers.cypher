// The $limit organisations that released the most distinct things stated on or after $since
// ('YYYY-MM' compared with the ISO dates as strings; '' for every dated one), each with its $perOrganisation latest
// releases. Starts from the released_date index (cypher/schema.cypher) so that only the latest
// months' RELEASED relationships are read, not every organisation's.
MATCH (o:Organization)-[r:RELEASED]->(thing:Entity)
WHERE r.date >= $since
WITH o, thing, max(r.date) AS date
ORDER BY date DESC, thing.key
WITH o, count(thing) AS releases, max(date) AS latest,
     collect({key: thing.key, name: thing.name, type: thing.type, date: date}) AS released
ORDER BY releases DESC, latest DESC, o.key
LIMIT $limit
RETURN o.key AS key, o.name AS name, o.type AS type, releases, released[0..$perOrganisation] AS released
