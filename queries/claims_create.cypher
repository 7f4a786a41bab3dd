// Records judgements a narrative document states about a council ("was judged inadequate in
// July 2012"), each with its quote and the passage it stands in; kept apart from Inspections.
UNWIND $claims AS claim
MATCH (c:Council {code: claim.council_code})
MATCH (p:Passage {id: claim.passage_id})
CREATE (j:JudgementClaim)
SET j = claim
CREATE (j)-[:ABOUT]->(c)
CREATE (j)-[:STATED_IN]->(p)
