// A council's DfE statistical neighbours in rank order, each with its current overall grade
// (the overall effectiveness judgement of its latest inspection).
MATCH (c:Council {code: $code})-[e:STATISTICAL_NEIGHBOUR]->(n:Council)
OPTIONAL MATCH (n)-[:INSPECTED]->(i:Inspection)-[:JUDGED]->(j:Judgement {area: 'overall_effectiveness'})
WITH e, n, i, j
ORDER BY coalesce(i.end, i.start) DESC
WITH e, n, collect(j.grade)[0] AS current_grade
RETURN e.rank AS rank, n.ons_code AS ons_code, n.code AS code, n.name AS name, current_grade
ORDER BY rank
