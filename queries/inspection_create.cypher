// Records an inspection read from a report: the council inspected, dates, framework, and one
// Judgement per graded area with the words it was read from and the passage that holds them.
MATCH (d:Document {id: $inspection.document_id})
MATCH (c:Council {code: $council_code})
CREATE (i:Inspection {id: $inspection.id})
SET i.document_id = $inspection.document_id, i.framework = $inspection.framework,
    i.framework_basis = $inspection.framework_basis, i.reinspection = $inspection.reinspection,
    i.start = $inspection.start, i.end = $inspection.end, i.published = $inspection.published,
    i.council_as_printed = $inspection.council_as_printed, i.missing = $inspection.missing
CREATE (c)-[:INSPECTED]->(i)
CREATE (i)-[:REPORTED_IN]->(d)
WITH i
UNWIND $judgements AS judgement
CREATE (i)-[:JUDGED]->(j:Judgement {id: judgement.id})
SET j.document_id = judgement.document_id, j.area = judgement.area, j.grade = judgement.grade,
    j.printed = judgement.printed, j.char_start = judgement.char_start, j.char_end = judgement.char_end,
    j.passage_id = judgement.passage_id, j.date = judgement.date
WITH j
MATCH (p:Passage {id: j.passage_id})
CREATE (j)-[:EVIDENCED_BY]->(p)
