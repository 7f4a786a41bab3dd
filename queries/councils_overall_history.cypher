// Every council's overall effectiveness grades in date order (to compare improvement journeys).
MATCH (c:Council)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
WITH c, i, j
ORDER BY coalesce(i.end, i.start)
RETURN c.code AS code, collect({date: coalesce(i.end, i.start), grade: j.grade}) AS grades
