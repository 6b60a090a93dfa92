// @title Organisations by number of releases
// @description Organisations ranked by how many distinct models, libraries, datasets or products they released.
// @param limit integer 25 Organisations at most
// @label limit Organisations at most
MATCH (o:Organization)-[r:RELEASED]->(thing:Entity)
WITH o, count(DISTINCT thing) AS releases, collect(DISTINCT thing.name) AS things, collect(r) AS statements
RETURN o.name AS organisation, releases, things[0..10] AS examples, statements
ORDER BY releases DESC, organisation
LIMIT $limit
