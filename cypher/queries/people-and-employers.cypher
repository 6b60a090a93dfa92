// @title People and where they work
// @description People linked to an organisation by WORKS_AT, with how many posts say so.
// @param limit integer 200 Rows at most
// @label limit Rows at most
MATCH (person:Person)-[r:WORKS_AT]->(o:Entity)
WITH person, o, collect(r) AS statements
RETURN person.name AS person, o.name AS organisation, size(statements) AS posts, statements
ORDER BY person, organisation
LIMIT $limit
