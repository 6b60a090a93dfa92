// Upserts the channel of an import. A later export that lacks a field (HTML has no numeric id)
// keeps the value an earlier export gave.
// $channel: ChannelRow (ingest/load/plan.ts)
MERGE (c:Channel {key: $channel.key})
SET c.title = $channel.title,
    c.username = coalesce($channel.username, c.username),
    c.telegramId = coalesce($channel.telegramId, c.telegramId),
    c.subscribers = coalesce(toInteger($channel.subscribers), c.subscribers),
    c.description = coalesce($channel.description, c.description),
    c.format = $channel.format
