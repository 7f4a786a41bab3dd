// Passages nearest in meaning to the query vector, narrowed by the filters inside the query
// (document kind, date range, councils the document is about or the passage mentions).
CALL db.index.vector.queryNodes('passage_embedding', $candidates, $vector) YIELD node AS p, score
MATCH (d:Document)-[:HAS_PASSAGE]->(p)
WHERE ($kind IS NULL OR d.kind = $kind)
  AND ($date_from IS NULL OR d.date >= $date_from)
  AND ($date_to IS NULL OR d.date <= $date_to)
  AND ($councils IS NULL
       OR EXISTS { MATCH (d)-[:ABOUT]->(c:Council) WHERE c.code IN $councils }
       OR EXISTS { MATCH (p)-[:MENTIONS]->(c:Council) WHERE c.code IN $councils })
RETURN p.id AS passage_id, score
ORDER BY score DESC
LIMIT $limit
