// Records judgements a narrative document states about a council ("was judged inadequate in
// July 2012"), each with its quote and the passage it stands in; kept apart from Inspections.
UNWIND $claims AS claim
MATCH (c:Council {code: claim.council_code})
MATCH (p:Passage {id: claim.passage_id})
CREATE (j:JudgementClaim {id: claim.id})
SET j.document_id = claim.document_id, j.council_code = claim.council_code, j.year = claim.year,
    j.month = claim.month, j.grade = claim.grade, j.area = claim.area, j.quote = claim.quote,
    j.char_start = claim.char_start, j.char_end = claim.char_end, j.passage_id = claim.passage_id
CREATE (j)-[:ABOUT]->(c)
CREATE (j)-[:STATED_IN]->(p)
