// Removes what a document contributed (passages, the judgement claims they state, the inspection
// read from it and its judgements) before the document is written again.
MATCH (d:Document {id: $id})
CALL (d) {
  MATCH (d)-[:HAS_PASSAGE]->(:Passage)<-[:STATED_IN]-(claim:JudgementClaim)
  DETACH DELETE claim
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
