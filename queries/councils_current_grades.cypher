// Each council's current overall grade: the overall effectiveness judgement of its latest inspection.
MATCH (c:Council)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
WITH c, i, j
ORDER BY coalesce(i.end, i.start) DESC
WITH c, collect(j.grade)[0] AS grade
RETURN c.code AS code, grade
