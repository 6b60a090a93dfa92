// The follow state of one channel, or no row.
MATCH (f:Follow {channel: $channel})
RETURN f {.*} AS follow
