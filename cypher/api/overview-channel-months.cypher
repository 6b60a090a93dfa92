// Each channel's posts per month as the loader left them on its node (cypher/ingest/channel-months
// .cypher); null lists for a channel imported before the loader kept them, and then the overview
// counts from the posts instead (overview-months.cypher). Only channels with posts: a forwarded
// post's source channel holds none.
MATCH (c:Channel)
WHERE EXISTS { (c)<-[:IN_CHANNEL]-() }
RETURN c.postMonths AS months, c.postMonthCounts AS counts
