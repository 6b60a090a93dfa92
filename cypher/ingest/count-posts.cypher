// How many posts the graph holds (the demo channel is loaded only into an empty graph).
MATCH (p:Post)
RETURN count(p) AS posts
