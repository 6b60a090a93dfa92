// Posts per month (YYYY-MM) of the whole graph, for the overview's timeline. Unlike timeline.cypher
// it has no entity filter, so the planner reads the dates from the post_date index alone (a range
// index returns the values it holds) instead of every post's properties.
MATCH (p:Post)
WHERE p.date IS NOT NULL
RETURN substring(p.date, 0, 7) AS month, count(*) AS count
ORDER BY month
