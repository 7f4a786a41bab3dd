// Every implementation in the graph, for a hand-judged sample (bench/implementation_sample.py): which
// council is recorded as having which practice, from which sentence, by which rule.
MATCH (c:Council)-[r:IMPLEMENTED]->(i:Intervention)
RETURN c.code AS ons_code, c.name AS council, i.id AS intervention_id, i.name AS intervention,
       i.status AS status, r.surface AS surface, r.quote AS quote, r.method AS method,
       r.passage_id AS passage_id, r.char_start AS char_start
ORDER BY r.passage_id, r.char_start, i.id, c.code
