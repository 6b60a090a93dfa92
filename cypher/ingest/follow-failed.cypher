// Records a failed fetch; newestId stays, so the next run fetches everything this one missed.
MERGE (f:Follow {channel: $channel})
ON CREATE SET f.followedAt = $now
SET f.lastError = $error,
    f.lastErrorAt = $now
