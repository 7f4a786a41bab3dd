// Passages nearest in meaning to the query vector ($vector), or whose words or section heading match
// the Lucene query ($lucene) — one of the two is given — narrowed by the filters inside the query
// (document kind, date range, councils the document is about or the passage mentions, an
// intervention the passage mentions, an enabler it discusses, a list of documents). With $facets,
// each passage carries what the graph links it to, for ranking by what a question names: the
// councils its document is about or it mentions, the interventions it mentions, the outcomes it
// states (controlled metric and direction), the grades its judgements, its document's inspection and
// the claims it states give, and the years of its document and of those claims. With $texts, each
// passage's text, for ordering by how near the question's words stand (search/proximity.py).
CALL () {
  WITH $vector AS vector WHERE vector IS NOT NULL
  CALL db.index.vector.queryNodes('passage_embedding', $candidates, vector) YIELD node, score
  RETURN node AS p, score
  UNION ALL
  WITH $lucene AS lucene WHERE lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('passage_stems', lucene, {limit: $candidates}) YIELD node, score
  RETURN node AS p, score
}
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
WITH d, p, score
ORDER BY score DESC, p.id  // equal scores in a fixed order, whatever the index's layout
LIMIT $limit
RETURN p.id AS passage_id, score, d.id AS document_id, CASE WHEN $texts THEN p.text END AS text,
       COLLECT { MATCH (d)-[:ABOUT]->(c:Council) WHERE $facets RETURN c.code
                 UNION ALL MATCH (p)-[:MENTIONS]->(c:Council) WHERE $facets RETURN c.code } AS councils,
       COLLECT { MATCH (p)-[:MENTIONS]->(i:Intervention) WHERE $facets RETURN i.id } AS interventions,
       COLLECT { MATCH (o:Outcome)-[:STATED_IN]->(p) WHERE $facets AND o.metric IS NOT NULL
                 RETURN o.metric + ' ' + o.direction } AS outcomes,
       COLLECT { MATCH (d)<-[:REPORTED_IN]-(:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
                   WHERE $facets RETURN j.grade AS grade
                 UNION ALL MATCH (j:Judgement)-[:EVIDENCED_BY]->(p) WHERE $facets RETURN j.grade AS grade
                 UNION ALL MATCH (cl:JudgementClaim)-[:STATED_IN]->(p) WHERE $facets RETURN cl.grade AS grade } AS grades,
       COLLECT { WITH d WHERE $facets RETURN left(d.date, 4) AS year
                 UNION ALL MATCH (cl:JudgementClaim)-[:STATED_IN]->(p) WHERE $facets RETURN toString(cl.year) AS year } AS years
