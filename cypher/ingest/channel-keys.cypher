// Keys of the imported channels, in the order GET /api/channels lists them (cypher/api/channels.cypher):
// the hint after a mistyped `npm run ingest -- --delete-channel KEY`. Channels only named as a
// forward source (no posts, never imported) are left out.
MATCH (c:Channel)
WHERE c.importedAt IS NOT NULL OR EXISTS { (:Post)-[:IN_CHANNEL]->(c) }
RETURN c.key AS key
ORDER BY toLower(coalesce(c.title, c.key)), c.key
