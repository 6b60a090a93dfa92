// A deleted channel is no longer followed either: a follow would fetch it again from where its
// last fetch stopped, leaving a graph with only the channel's newest posts.
// $key: channel key (a followed channel's key is its lower-case username, as Follow.channel)
MATCH (f:Follow {channel: $key})
DELETE f
RETURN count(*) AS removed
