// The persons the graph holds, with every spelling: an incoming person written in the other script
// joins the one already there (ingest/load/persons.ts).
// $keys: keys of the incoming persons the graph does not hold yet (those are skipped)
MATCH (e:Person)
WHERE NOT e.key IN $keys
RETURN e.key AS key, e.name AS name, coalesce(e.aliases, []) AS aliases
