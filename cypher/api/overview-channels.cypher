// The first $limit channels by title, for the overview's header (the channel list panel has them all).
MATCH (c:Channel)
RETURN c.key AS key, coalesce(c.title, c.key) AS title
ORDER BY toLower(title), key
LIMIT $limit
