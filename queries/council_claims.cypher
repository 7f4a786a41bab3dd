// Judgements that documents state about a council, with quote and citation, and the overall
// grades its inspections of the same year recorded (to check the claim against the record).
MATCH (c:Council {code: $code})<-[:ABOUT]-(j:JudgementClaim)-[:STATED_IN]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (c)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(o:Judgement {area: 'overall_effectiveness'})
WHERE j.year IN [i.start.year, i.end.year, i.published.year]
RETURN j.year AS year, j.month AS month, j.grade AS grade, j.quote AS quote, j.passage_id AS passage_id,
       d.id AS document_id, d.title AS document_title, p.page AS page, collect(DISTINCT o.grade) AS recorded_grades
ORDER BY year, month
