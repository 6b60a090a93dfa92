// Every followed channel, by name.
MATCH (f:Follow)
RETURN f {.*} AS follow
ORDER BY f.channel
