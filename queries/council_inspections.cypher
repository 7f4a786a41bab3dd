// A council's inspections in date order: framework, dates, every judgement with the words it was
// read from, and the report it came from.
MATCH (c:Council {code: $code})-[:INSPECTED]->(i:Inspection)-[:REPORTED_IN]->(d:Document)
OPTIONAL MATCH (i)-[:JUDGED]->(j:Judgement)
WITH i, d, j
ORDER BY j.area
WITH i, d, collect(j {.area, .grade, .printed, .passage_id}) AS judgements
RETURN i.id AS id, i.framework AS framework, i.framework_basis AS framework_basis, i.start AS start,
       i.end AS end, i.published AS published, i.reinspection AS reinspection, d.id AS document_id,
       d.title AS document_title, judgements
ORDER BY coalesce(i.start, i.published)
