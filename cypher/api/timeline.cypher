// Posts per month (YYYY-MM from the ISO date), for all posts or those mentioning $key.
MATCH (p:Post)
WHERE p.date IS NOT NULL
  AND ($key IS NULL OR EXISTS { (p)-[:MENTIONS]->(:Entity {key: $key}) })
RETURN substring(p.date, 0, 7) AS month, count(*) AS count
ORDER BY month
