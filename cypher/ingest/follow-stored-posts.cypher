// Text and date of the posts a follow fetched again (the overlap with an earlier run), to skip
// rewriting those that did not change.
MATCH (p:Post) WHERE p.key IN $keys
RETURN p.key AS key, p.text AS text, p.date AS date
