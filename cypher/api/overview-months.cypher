// Posts per month (YYYY-MM) of the whole graph, counted from the posts: the overview's fallback when
// a channel has no precomputed months (overview-channel-months.cypher). It reads the dates from the
// post_date index alone (a range index returns the values it holds), but every one of them: about
// 400 ms at 100k posts on a busy 2-core machine, which is why the loader keeps the counts.
MATCH (p:Post)
WHERE p.date IS NOT NULL
RETURN substring(p.date, 0, 7) AS month, count(*) AS count
ORDER BY month
