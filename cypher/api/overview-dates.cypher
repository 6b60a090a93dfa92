// The first and last post dates, read from the two ends of the post_date index (ORDER BY + LIMIT 1,
// no scan); null without dated posts (collect() of nothing is [], so there is always one row).
CALL () {
  MATCH (p:Post) WHERE p.date IS NOT NULL
  WITH p.date AS date ORDER BY date ASC LIMIT 1
  RETURN collect(date)[0] AS firstDate
}
CALL () {
  MATCH (p:Post) WHERE p.date IS NOT NULL
  WITH p.date AS date ORDER BY date DESC LIMIT 1
  RETURN collect(date)[0] AS lastDate
}
RETURN firstDate, lastDate
