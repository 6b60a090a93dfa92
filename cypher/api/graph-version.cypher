// What the response cache (server/cache) compares to tell whether the graph changed: node and
// relationship counts (read from Neo4j's count store, not by scanning) catch any write that adds
// or removes something, and the channels' import marks (set at the end of every load by
// cypher/ingest/mark-imported.cypher) catch imports that only change properties.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (c:Channel) RETURN collect(c.key + '@' + coalesce(c.importedAt, '')) AS imports }
RETURN nodes, relationships, imports
