// Marks the end of an import on its channel: servers compare these marks (cypher/api/graph-version
// .cypher) to drop cached responses when an import only changed properties (an edited post, new
// evidence), which node and relationship counts alone would not show.
MATCH (c:Channel {key: $channel})
SET c.importedAt = $importedAt
