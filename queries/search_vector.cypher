// Passages nearest in meaning to the query vector, narrowed by the filters inside the query
// (document kind, date range, councils the document is about or the passage mentions, an
// intervention the passage mentions, an enabler it discusses, a list of documents).
CALL db.index.vector.queryNodes('passage_embedding', $candidates, $vector) YIELD node AS p, score
MATCH (d:Document)-[:HAS_PASSAGE]->(p)
WHERE ($kind IS NULL OR d.kind = $kind)
  AND ($date_from IS NULL OR d.date >= $date_from)
  AND ($date_to IS NULL OR d.date <= $date_to)
  AND ($councils IS NULL
       OR EXISTS { MATCH (d)-[:ABOUT]->(c:Council) WHERE c.code IN $councils }
       OR EXISTS { MATCH (p)-[:MENTIONS]->(c:Council) WHERE c.code IN $councils })
  AND ($intervention IS NULL OR EXISTS { (p)-[:MENTIONS]->(:Intervention {id: $intervention}) })
  AND ($enabler IS NULL OR EXISTS { (p)-[:DISCUSSES]->(:Enabler {id: $enabler}) })
  AND ($documents IS NULL OR d.id IN $documents)
RETURN p.id AS passage_id, score
ORDER BY score DESC, passage_id  // equal scores in a fixed order, whatever the index's layout
LIMIT $limit
