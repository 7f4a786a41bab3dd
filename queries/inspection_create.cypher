// Records an inspection read from a report: the council inspected, dates, framework, and one
// Judgement per graded area with the words it was read from and the passage that holds them.
MATCH (d:Document {id: $inspection.document_id})
MATCH (c:Council {code: $council_code})
CREATE (i:Inspection)
SET i = $inspection
CREATE (c)-[:INSPECTED]->(i)
CREATE (i)-[:REPORTED_IN]->(d)
WITH i
UNWIND $judgements AS judgement
CREATE (i)-[:JUDGED]->(j:Judgement)
SET j = judgement
WITH j
MATCH (p:Passage {id: j.passage_id})
CREATE (j)-[:EVIDENCED_BY]->(p)
