// Every council's graded inspections in date order, each with the report it was read from: where the
// overall grade rose, the later report says what inspectors credited for it.
MATCH (c:Council)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
WITH c, i, j
ORDER BY coalesce(i.end, i.start)
RETURN c.code AS code, c.name AS name,
       collect({date: coalesce(i.end, i.start), grade: j.grade, document_id: i.document_id}) AS inspections
