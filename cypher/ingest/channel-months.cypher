// The channel's dated posts per month, kept on its node for the overview (GET /api/overview,
// cypher/api/overview-months.cypher): summing a few channels' lists is constant work, while
// counting months from the posts reads every post's date (hundreds of ms at 100k posts). Run by
// the loader at the end of every import of the channel, from the posts the graph then holds, so
// it stays right when posts are edited or re-dated; a deleted channel takes its counts with it.
// postMonths: "YYYY-MM" ascending; postMonthCounts: the count of each, same positions.
// $channel: channel key
MATCH (c:Channel {key: $channel})
CALL (c) {
  MATCH (p:Post {channel: c.key})
  WHERE p.date IS NOT NULL
  WITH substring(p.date, 0, 7) AS month, count(*) AS posts
  ORDER BY month
  RETURN collect(month) AS months, collect(posts) AS counts
}
SET c.postMonths = months,
    c.postMonthCounts = counts
