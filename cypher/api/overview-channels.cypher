// The first $limit channels with posts by title, for the overview's header (forward sources hold
// no posts; the channel list panel has them all).
MATCH (c:Channel)
WHERE EXISTS { (c)<-[:IN_CHANNEL]-() }
RETURN c.key AS key, coalesce(c.title, c.key) AS title
ORDER BY toLower(title), key
LIMIT $limit
