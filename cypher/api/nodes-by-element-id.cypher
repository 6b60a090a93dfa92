// Nodes by element id: the ends of relationships that a user query returned without their nodes.
MATCH (n) WHERE elementId(n) IN $ids
RETURN n
