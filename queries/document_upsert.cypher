// Writes a document's metadata, links it to the ingest run that added or changed it and to the
// councils it is about.
MERGE (d:Document {id: $document.id})
SET d = $document
WITH d
MATCH (run:IngestRun {id: $run_id})
CALL (d, run) {
  WITH d, run WHERE $change = 'added'
  MERGE (run)-[:ADDED]->(d)
}
CALL (d, run) {
  WITH d, run WHERE $change = 'updated'
  MERGE (run)-[:UPDATED]->(d)
}
CALL (d) {
  MATCH (d)-[old:ABOUT]->(:Council)
  DELETE old
}
CALL (d) {
  UNWIND $councils AS code
  MATCH (c:Council {code: code})
  MERGE (d)-[:ABOUT]->(c)
}
