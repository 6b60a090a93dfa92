// Database identity and size for GET /api/health (node and relationship counts come from the count store).
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN versions[0] AS version, edition, nodes, relationships
