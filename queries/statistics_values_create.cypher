// Writes figures, sent in groups of one measure, area and source (each figure as [id, year, year label,
// value]): each figure linked to its measure and, when the area is a council of the reference graph
// (current or predecessor), to that council.
UNWIND $groups AS g
MATCH (m:Measure {id: g.measure_id})
OPTIONAL MATCH (c:Council {code: g.area_code})
WITH m, CASE WHEN g.council THEN c END AS council, g
UNWIND g.figures AS f
CREATE (n:MeasureValue {id: f[0], measure_id: g.measure_id, area_code: g.area_code, area_kind: g.area_kind,
                        year: f[1], year_label: f[2], value: f[3], source_file: g.source_file,
                        release: g.release, source_rank: g.source_rank})
SET n.area_name = g.area_name, n.successors = g.successors
CREATE (n)-[:OF_MEASURE]->(m)
FOREACH (_ IN CASE WHEN council IS NULL THEN [] ELSE [council] END | CREATE (n)-[:FOR_COUNCIL]->(council))
