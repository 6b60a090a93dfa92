// @title First seen in a month
// @description Entities whose first mention falls in the given month (YYYY-MM), most mentioned first.
// @param month date "2024-04" Month, YYYY-MM (a full date counts by its month)
// @label month Month
// @param limit integer 200 Rows at most
// @label limit Rows at most
MATCH (e:Entity)
WHERE e.firstSeen STARTS WITH substring($month, 0, 7)
RETURN e.name AS entity, e.type AS type, e.firstSeen AS firstSeen, e.mentionCount AS mentions, e AS node
ORDER BY mentions DESC, entity
LIMIT $limit
