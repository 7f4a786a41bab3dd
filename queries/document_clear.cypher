// Removes what a document contributed (passages and their mentions and enabler links, the
// judgement claims and outcomes they state, the implementations it evidences, the inspection
// read from it and its judgements) before the document is written again; emerging interventions
// (and promoted ones, which the curation file re-creates as they were) nothing else mentions or
// implements go with them.
MATCH (d:Document {id: $id})
CALL (d) {
  MATCH (d)-[:HAS_PASSAGE]->(:Passage)-[:MENTIONS]->(i:Intervention)
  WHERE i.status IN ['emerging', 'curated']
  RETURN collect(DISTINCT i) AS emerging
}
CALL (d) {
  MATCH (d)-[:HAS_PASSAGE]->(:Passage)<-[:STATED_IN]-(stated)
  WHERE stated:JudgementClaim OR stated:Outcome
  DETACH DELETE stated
}
CALL (d) {
  MATCH (:Council)-[implemented:IMPLEMENTED {document_id: d.id}]->(:Intervention)
  DELETE implemented
}
CALL (d) {
  MATCH (d)-[:HAS_PASSAGE]->(p:Passage)
  DETACH DELETE p
}
CALL (d) {
  MATCH (i:Inspection)-[:REPORTED_IN]->(d)
  OPTIONAL MATCH (i)-[:JUDGED]->(j:Judgement)
  DETACH DELETE i, j
}
WITH emerging
UNWIND emerging AS i
WITH i
WHERE NOT EXISTS { (i)<-[:MENTIONS]-() } AND NOT EXISTS { (i)<-[:IMPLEMENTED]-() }
DETACH DELETE i
