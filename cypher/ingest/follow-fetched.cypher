// Records a fetch, run only after its posts are written: newestId is the newest message id up to
// which the channel's history is in the graph, so a run killed before this line is redone by the
// next one instead of leaving a gap.
MERGE (f:Follow {channel: $channel})
ON CREATE SET f.followedAt = $now
SET f.newestId = CASE WHEN f.newestId IS NULL OR $newestId > f.newestId THEN $newestId ELSE f.newestId END,
    f.lastFetchAt = $now,
    f.lastPosts = $posts,
    f.lastPages = $pages,
    f.lastError = null,
    f.lastErrorAt = null
